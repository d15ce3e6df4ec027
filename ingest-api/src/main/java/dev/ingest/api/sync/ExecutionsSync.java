package dev.ingest.api.sync;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.IngestListener;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.Execution;
import dev.ingest.api.store.BrokerRecordStore;

/**
 * Seed 000's {@code executions_sync}: fills into the store, keyed by the broker's execution id,
 * inserted once and never updated. Re-running it is harmless: known fills count as unchanged.
 *
 * <p>Pure: no state of its own; safe to run concurrently with itself.
 *
 * @since 0.1
 */
public final class ExecutionsSync {
  private static final SyncRun<Execution> RUN =
      new SyncRun<>(
          "Execution",
          Execution::account,
          Execution::instrument,
          Execution::withInstrument,
          Execution::naturalKey);

  private ExecutionsSync() {}

  public static SyncSummary sync(BrokerApi broker, AccountId account, BrokerRecordStore store) {
    return sync(broker, account, store, IngestListener.NOOP);
  }

  public static SyncSummary sync(
      BrokerApi broker, AccountId account, BrokerRecordStore store, IngestListener listener) {
    return RUN.run(
        broker, account, store, listener, BrokerApi::fetchExecutions, store::insertExecutions);
  }
}
