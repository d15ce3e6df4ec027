package dev.ingest.api.sync;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.IngestListener;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.store.BrokerRecordStore;

/**
 * Seed 000's {@code option_events_sync}: exercises, assignments and expiries, append-only by {@code
 * (account, instrument, eventAt, type)}; a duplicate is detected and counted unchanged.
 *
 * <p>Pure: no state of its own; safe to run concurrently with itself.
 *
 * @since 0.1
 */
public final class OptionEventsSync {
  private static final SyncRun<OptionEvent> RUN =
      new SyncRun<>(
          "OptionEvent",
          OptionEvent::account,
          OptionEvent::instrument,
          OptionEvent::withInstrument,
          OptionEvent::naturalKey);

  private OptionEventsSync() {}

  public static SyncSummary sync(BrokerApi broker, AccountId account, BrokerRecordStore store) {
    return sync(broker, account, store, IngestListener.NOOP);
  }

  public static SyncSummary sync(
      BrokerApi broker, AccountId account, BrokerRecordStore store, IngestListener listener) {
    return RUN.run(
        broker, account, store, listener, BrokerApi::fetchOptionEvents, store::appendOptionEvents);
  }
}
