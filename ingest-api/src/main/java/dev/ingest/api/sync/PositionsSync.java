package dev.ingest.api.sync;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.IngestListener;
import dev.ingest.api.internal.SafeListener;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.Position;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.UpsertOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Seed 000's {@code positions_sync}: every holding keyed by {@code (account, instrument)}, always
 * brought to what the broker says now. A stored non-flat position that the broker no longer reports
 * was closed, so it is set to zero (counted as updated): the store never shows a holding the
 * account no longer has. {@code total} counts the reported positions plus the closed ones.
 *
 * <p>Pure: no state of its own; safe to run concurrently with itself.
 *
 * @since 0.1
 */
public final class PositionsSync {
  private static final SyncRun<Position> RUN =
      new SyncRun<>(
          "Position",
          Position::account,
          Position::instrument,
          (p, i) ->
              new Position(
                  p.account(),
                  i,
                  p.quantity(),
                  p.averageCost(),
                  p.marketPrice(),
                  p.marketValue(),
                  p.asOf()),
          Position::naturalKey);

  private PositionsSync() {}

  public static SyncSummary sync(BrokerApi broker, AccountId account, BrokerRecordStore store) {
    return sync(broker, account, store, IngestListener.NOOP);
  }

  public static SyncSummary sync(
      BrokerApi broker, AccountId account, BrokerRecordStore store, IngestListener listener) {
    SyncRun.checkAccount(broker, account);
    IngestListener safe = SafeListener.wrap(listener);
    long start = System.nanoTime();
    List<Position> current = RUN.prepare(broker.fetchPositions(), account, store, safe);
    Set<String> reported = new HashSet<>();
    Instant asOf = Instant.EPOCH;
    for (Position p : current) {
      reported.add(p.instrument().key());
      asOf = p.asOf().isAfter(asOf) ? p.asOf() : asOf;
    }
    List<Position> writes = new ArrayList<>(current);
    for (Position stored : store.positions(account)) {
      if (!reported.contains(stored.instrument().key()) && stored.quantity().signum() != 0) {
        writes.add(stored.closedAt(asOf.equals(Instant.EPOCH) ? stored.asOf() : asOf));
      }
    }
    List<UpsertOutcome> outcomes = writes.isEmpty() ? List.of() : store.upsertPositions(writes);
    return RUN.finish(account, outcomes, safe, start);
  }
}
