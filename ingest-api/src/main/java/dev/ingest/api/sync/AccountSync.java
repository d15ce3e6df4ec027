package dev.ingest.api.sync;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.IngestListener;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.store.BrokerRecordStore;

/**
 * All five syncs for one account, in seed 000's order: snapshots, positions, orders, executions,
 * option events. Each is independent; the first failure propagates and the syncs before it stay
 * written.
 *
 * @since 0.1
 */
public final class AccountSync {
  private AccountSync() {}

  /** What each of the five syncs did. */
  public record Result(
      SyncSummary snapshots,
      SyncSummary positions,
      SyncSummary orders,
      SyncSummary executions,
      SyncSummary optionEvents) {

    public SyncSummary total() {
      return snapshots.plus(positions).plus(orders).plus(executions).plus(optionEvents);
    }
  }

  public static Result sync(BrokerApi broker, AccountId account, BrokerRecordStore store) {
    return sync(broker, account, store, IngestListener.NOOP);
  }

  public static Result sync(
      BrokerApi broker, AccountId account, BrokerRecordStore store, IngestListener listener) {
    return new Result(
        AccountSnapshotsSync.sync(broker, account, store, listener),
        PositionsSync.sync(broker, account, store, listener),
        OrdersSync.sync(broker, account, store, listener),
        ExecutionsSync.sync(broker, account, store, listener),
        OptionEventsSync.sync(broker, account, store, listener));
  }
}
