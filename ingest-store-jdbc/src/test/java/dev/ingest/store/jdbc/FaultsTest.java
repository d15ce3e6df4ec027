package dev.ingest.store.jdbc;

import static dev.ingest.testkit.TestRecords.ACCOUNT;
import static dev.ingest.testkit.TestRecords.T0;
import static dev.ingest.testkit.TestRecords.aapl;
import static dev.ingest.testkit.TestRecords.dec;
import static dev.ingest.testkit.TestRecords.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.store.UpsertOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PostgreSQL backend writing a batch is killed half way ({@code pg_terminate_backend}, what an
 * operator, a failover or an OOM killer does): the batch must roll back whole, the failure must say
 * it is transient, and the retry must write every record exactly once. Run on both write paths: row
 * by row ({@code copy_threshold} high) and COPY staging ({@code copy_threshold} 1).
 *
 * <p>"Half way" is made deterministic: another session holds a row lock on the one stored order the
 * batch updates, so the batch stops there after writing the rows before it, and is killed while it
 * waits.
 */
class FaultsTest {
  @RegisterExtension static final PostgresSchema pg = new PostgresSchema();

  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private String app;

  @BeforeEach
  void cleanSchema() {
    pg.truncateAll();
    app = "ingest-fault-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @ParameterizedTest(name = "copy_threshold={0}")
  @ValueSource(ints = {1, 10_000})
  void aBatchWhoseBackendIsKilledRollsBackWholeAndTheRetryWritesItOnce(int copyThreshold)
      throws Exception {
    try (JdbcStore store = open(copyThreshold, RetrySettings.NONE)) {
      // Given a stored order "m" and a batch of 25 new orders around an update of "m"
      Order m = order(ACCOUNT, "m", aapl(), OrderStatus.SUBMITTED, "0", T0);
      store.records().upsertOrders(List.of(m));
      Order mFilled = m.withStatus(OrderStatus.FILLED, dec("100"), T0.plusSeconds(5));
      List<Order> batch = batchAround(mFilled);

      // When the batch's backend is killed while it waits on a row lock half way
      Future<List<UpsertOutcome>> write;
      try (Handle other = pg.adminHandle()) {
        other.begin();
        lockOrder(other, "m");
        write = pool.submit(() -> store.records().upsertOrders(batch));
        int pid = pg.awaitBackendWaitingOnLock(app, "transactionid");
        assertThat(committedOrders(other)).isEqualTo(1); // the rows before "m" are not visible
        pg.terminate(pid);
        other.rollback();
      }

      // Then the write fails as transient, and nothing of the batch was kept
      Throwable failure = catchThrowable(() -> write.get(30, TimeUnit.SECONDS));
      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause())
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.isTransient()).isTrue();
                assertThat(e.operation()).isEqualTo("upsertOrders");
              });
      assertThat(store.records().orders(ACCOUNT)).containsExactly(m);

      // When the batch is retried
      List<UpsertOutcome> outcomes = store.records().upsertOrders(batch);

      // Then every record is written once
      assertThat(outcomes).filteredOn(o -> o == UpsertOutcome.CREATED).hasSize(25);
      assertThat(outcomes).filteredOn(o -> o == UpsertOutcome.UPDATED).hasSize(1);
      assertThat(store.records().orders(ACCOUNT)).hasSize(26).contains(mFilled);
    }
  }

  @ParameterizedTest(name = "copy_threshold={0}")
  @ValueSource(ints = {1, 10_000})
  void theStoresOwnRetryRidesOverAKilledBackend(int copyThreshold) throws Exception {
    RetrySettings quick = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50), 2.0);
    try (JdbcStore store = open(copyThreshold, quick)) {
      Order m = order(ACCOUNT, "m", aapl(), OrderStatus.SUBMITTED, "0", T0);
      store.records().upsertOrders(List.of(m));
      List<Order> batch =
          batchAround(m.withStatus(OrderStatus.FILLED, dec("100"), T0.plusSeconds(5)));

      Future<List<UpsertOutcome>> write;
      try (Handle other = pg.adminHandle()) {
        other.begin();
        lockOrder(other, "m");
        write = pool.submit(() -> store.records().upsertOrders(batch));
        pg.terminate(pg.awaitBackendWaitingOnLock(app, "transactionid"));
        other.rollback();
      }

      List<UpsertOutcome> outcomes = write.get(30, TimeUnit.SECONDS);
      assertThat(outcomes).filteredOn(o -> o == UpsertOutcome.CREATED).hasSize(25);
      assertThat(outcomes).filteredOn(o -> o == UpsertOutcome.UPDATED).hasSize(1);
      assertThat(store.records().orders(ACCOUNT)).hasSize(26);
    }
  }

  private JdbcStore open(int copyThreshold, RetrySettings retry) {
    return JdbcStore.open(
        PostgresSchema.urlWithApplicationName(app),
        pg.config().withCopyThreshold(copyThreshold).withRetry(retry));
  }

  /** New orders a..z around {@code update} (which is "m"), in key order. */
  private static List<Order> batchAround(Order update) {
    List<Order> batch = new ArrayList<>();
    for (char c = 'a'; c <= 'z'; c++) {
      String id = String.valueOf(c);
      batch.add(
          id.equals(update.brokerOrderId())
              ? update
              : order(ACCOUNT, id, aapl(), OrderStatus.SUBMITTED, "0", T0));
    }
    return batch;
  }

  private static void lockOrder(Handle h, String brokerOrderId) {
    h.createQuery(
            "SELECT broker_order_id FROM "
                + pg.schema()
                + ".orders WHERE broker_order_id = :id FOR UPDATE")
        .bind("id", brokerOrderId)
        .mapTo(String.class)
        .one();
  }

  private static int committedOrders(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM " + pg.schema() + ".orders")
        .mapTo(Integer.class)
        .one();
  }
}
