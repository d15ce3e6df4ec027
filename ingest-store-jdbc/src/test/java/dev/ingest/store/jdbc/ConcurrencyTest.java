package dev.ingest.store.jdbc;

import static dev.ingest.testkit.TestRecords.ACCOUNT;
import static dev.ingest.testkit.TestRecords.T0;
import static dev.ingest.testkit.TestRecords.aapl;
import static dev.ingest.testkit.TestRecords.execution;
import static dev.ingest.testkit.TestRecords.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.sync.ExecutionsSync;
import dev.ingest.api.sync.OrdersSync;
import dev.ingest.api.sync.SyncSummary;
import dev.ingest.testkit.FakeBrokerApi;
import dev.ingest.testkit.assertions.IngestAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eight syncs of one account at once into PostgreSQL, each seeing the broker at a different moment
 * of its orders' lives (as eight ingesters polling at slightly different times would): no order or
 * fill may be duplicated, none may be lost, and whatever order the transactions commit in, every
 * stored order must end at the broker's latest state. This is what evaluating the upsert guard in
 * SQL, on the locked row, buys. Run on the row path and on the COPY staging path.
 */
class ConcurrencyTest {
  @RegisterExtension static final PostgresSchema pg = new PostgresSchema();

  private static final int WRITERS = 8;
  private static final int ORDERS = 40;

  @ParameterizedTest(name = "copy_threshold={0}")
  @ValueSource(ints = {10, 10_000})
  void eightSyncsOfAMovingAccountEndAtTheBrokersLatestState(int copyThreshold) throws Exception {
    pg.truncateAll();
    try (JdbcStore store = pg.open(pg.config().withCopyThreshold(copyThreshold))) {
      // Given eight views of the account, view k holding every order at step k of its life
      List<FakeBrokerApi> views = new ArrayList<>();
      for (int k = 0; k < WRITERS; k++) {
        views.add(view(k));
      }
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      try {
        // When all eight sync orders and fills at the same moment
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SyncSummary[]>> results = new ArrayList<>();
        for (FakeBrokerApi view : views) {
          Callable<SyncSummary[]> sync =
              () -> {
                start.await();
                return new SyncSummary[] {
                  OrdersSync.sync(view, ACCOUNT, store.records()),
                  ExecutionsSync.sync(view, ACCOUNT, store.records())
                };
              };
          results.add(pool.submit(sync));
        }
        start.countDown();
        SyncSummary orders = SyncSummary.EMPTY;
        SyncSummary fills = SyncSummary.EMPTY;
        for (Future<SyncSummary[]> result : results) {
          SyncSummary[] summaries = result.get(60, TimeUnit.SECONDS);
          orders = orders.plus(summaries[0]);
          fills = fills.plus(summaries[1]);
        }

        // Then each order and fill was created exactly once
        IngestAssertions.assertThat(orders).created(ORDERS);
        IngestAssertions.assertThat(fills).created(ORDERS * (WRITERS - 1)).updated(0);
        // and every stored order is the latest view's, whatever the commit order was
        FakeBrokerApi latest = views.get(WRITERS - 1);
        assertThat(store.records().orders(ACCOUNT))
            .containsExactlyInAnyOrderElementsOf(latest.fetchOpenOrders());
        assertThat(store.records().executions(ACCOUNT))
            .containsExactlyInAnyOrderElementsOf(latest.fetchExecutions());
        // and the latest view, synced again, changes nothing
        IngestAssertions.assertThat(OrdersSync.sync(latest, ACCOUNT, store.records()))
            .allUnchanged(ORDERS);
      } finally {
        pool.shutdownNow();
        views.forEach(FakeBrokerApi::close);
      }
    }
  }

  /**
   * The broker at step {@code k} (0-7): each order submitted at step 0, filling 10 more per step,
   * filled at step 7, with one execution per step so far.
   */
  private static FakeBrokerApi view(int k) {
    FakeBrokerApi broker = FakeBrokerApi.forAccount(ACCOUNT);
    for (int n = 0; n < ORDERS; n++) {
      String id = String.format("ord-%03d", n);
      Order submitted = order(ACCOUNT, id, aapl(), OrderStatus.SUBMITTED, "0", T0);
      OrderStatus status =
          k == 0
              ? OrderStatus.SUBMITTED
              : k == WRITERS - 1 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
      String filled = k == WRITERS - 1 ? "100" : Integer.toString(10 * k);
      broker.putOrder(
          submitted.withStatus(status, new java.math.BigDecimal(filled), T0.plusSeconds(k)));
      for (int step = 1; step <= k; step++) {
        Execution fill =
            execution(
                ACCOUNT,
                id + "." + step,
                id,
                aapl(),
                step == WRITERS - 1 ? "40" : "10",
                "170.25",
                T0.plusSeconds(step));
        broker.addExecution(fill);
      }
    }
    return broker;
  }
}
