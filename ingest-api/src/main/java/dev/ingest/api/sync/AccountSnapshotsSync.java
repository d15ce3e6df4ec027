package dev.ingest.api.sync;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.IngestListener;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.store.BrokerRecordStore;

/**
 * Seed 000's {@code accounts_sync}: the account's balances, keyed by {@code (account, asOf)}; the
 * newest snapshot is always inserted and a snapshot already stored is left as it is.
 *
 * <p>Pure: no state of its own; safe to run concurrently with itself.
 *
 * @since 0.1
 */
public final class AccountSnapshotsSync {
  private static final SyncRun<AccountSnapshot> RUN =
      SyncRun.withoutInstrument(
          "AccountSnapshot", AccountSnapshot::account, AccountSnapshot::naturalKey);

  private AccountSnapshotsSync() {}

  public static SyncSummary sync(BrokerApi broker, AccountId account, BrokerRecordStore store) {
    return sync(broker, account, store, IngestListener.NOOP);
  }

  public static SyncSummary sync(
      BrokerApi broker, AccountId account, BrokerRecordStore store, IngestListener listener) {
    return RUN.run(
        broker, account, store, listener, BrokerApi::fetchAccountSnapshots, store::upsertSnapshots);
  }
}
