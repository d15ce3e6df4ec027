package dev.ingest.testkit.contract;

import static dev.ingest.testkit.TestRecords.ACCOUNT;
import static dev.ingest.testkit.TestRecords.T0;
import static dev.ingest.testkit.TestRecords.aapl;
import static dev.ingest.testkit.TestRecords.aaplCall;
import static dev.ingest.testkit.TestRecords.dec;
import static dev.ingest.testkit.TestRecords.execution;
import static dev.ingest.testkit.TestRecords.optionEvent;
import static dev.ingest.testkit.TestRecords.order;
import static dev.ingest.testkit.TestRecords.position;
import static dev.ingest.testkit.TestRecords.snapshot;
import static dev.ingest.testkit.TestRecords.stock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.IngestListener;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.OptionEventType;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.UpsertOutcome;
import dev.ingest.api.sync.AccountSnapshotsSync;
import dev.ingest.api.sync.AccountSync;
import dev.ingest.api.sync.ExecutionsSync;
import dev.ingest.api.sync.OptionEventsSync;
import dev.ingest.api.sync.OrdersSync;
import dev.ingest.api.sync.PositionsSync;
import dev.ingest.api.sync.SyncSummary;
import dev.ingest.testkit.FakeBrokerApi;
import dev.ingest.testkit.TestRecords;
import dev.ingest.testkit.assertions.IngestAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 section 5, for any {@link BrokerRecordStore}: extend it and return a fresh, empty store
 * from {@link #createStore()}:
 *
 * <pre>{@code
 * class JdbcSqliteStoreTest extends BrokerRecordStoreContract {
 *   @Override protected BrokerRecordStore createStore() { return JdbcStore.sqlite(tempFile).records(); }
 * }
 * }</pre>
 *
 * Each test drives the real sync functions through a {@link FakeBrokerApi}, mutated between syncs
 * as the market would.
 *
 * @since 0.1
 */
public abstract class BrokerRecordStoreContract {
  protected BrokerRecordStore store;
  protected FakeBrokerApi broker;

  /** A new, empty store; called before each test. */
  protected abstract BrokerRecordStore createStore();

  /** How many syncs {@link #concurrentSyncsCreateNoDuplicates} runs at once. */
  protected int concurrentSyncs() {
    return 2;
  }

  @BeforeEach
  void openStoreAndBroker() {
    store = createStore();
    broker = FakeBrokerApi.forAccount(ACCOUNT);
  }

  @AfterEach
  void closeBroker() {
    broker.close();
  }

  // --- snapshots -------------------------------------------------------------------------------

  @Test
  void aSnapshotIsInsertedOnceAndTheNewestIsAlwaysAdded() {
    broker.addSnapshot(snapshot(ACCOUNT, T0, "100000.50"));
    IngestAssertions.assertThat(AccountSnapshotsSync.sync(broker, ACCOUNT, store))
        .created(1)
        .total(1);
    IngestAssertions.assertThat(AccountSnapshotsSync.sync(broker, ACCOUNT, store)).allUnchanged(1);

    broker.addSnapshot(snapshot(ACCOUNT, T0.plusSeconds(60), "100100"));
    IngestAssertions.assertThat(AccountSnapshotsSync.sync(broker, ACCOUNT, store))
        .created(1)
        .unchanged(1)
        .total(2);

    assertThat(store.snapshots(ACCOUNT))
        .extracting(s -> s.netLiquidation().toPlainString())
        .containsExactly("100000.5", "100100");
    assertThat(store.snapshots(ACCOUNT).get(0)).isEqualTo(snapshot(ACCOUNT, T0, "100000.50"));
  }

  // --- positions -------------------------------------------------------------------------------

  @Test
  void aPositionIsCreatedThenUpdatedOnTheNextSync() {
    broker.putPosition(position(ACCOUNT, aapl(), "100", "170.25", T0));
    IngestAssertions.assertThat(PositionsSync.sync(broker, ACCOUNT, store)).created(1);

    broker.putPosition(position(ACCOUNT, aapl(), "150", "171.10", T0.plusSeconds(60)));
    IngestAssertions.assertThat(PositionsSync.sync(broker, ACCOUNT, store)).updated(1).total(1);

    assertThat(store.positions(ACCOUNT))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.quantity()).isEqualTo(dec("150"));
              assertThat(p.averageCost()).isEqualTo(dec("171.1"));
            });
  }

  @Test
  void aPositionTheBrokerNoLongerReportsIsClosed() {
    Instrument msft = stock("MSFT", 272093);
    broker.putPosition(position(ACCOUNT, aapl(), "100", "170.25", T0));
    broker.putPosition(position(ACCOUNT, msft, "-20", "400", T0));
    PositionsSync.sync(broker, ACCOUNT, store);

    broker.removePosition(msft.key());
    IngestAssertions.assertThat(PositionsSync.sync(broker, ACCOUNT, store))
        .unchanged(1)
        .updated(1)
        .total(2);

    assertThat(store.positions(ACCOUNT))
        .extracting(p -> p.instrument().symbol().value(), p -> p.quantity())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("AAPL", dec("100")),
            org.assertj.core.groups.Tuple.tuple("MSFT", dec("0")));
    IngestAssertions.assertThat(PositionsSync.sync(broker, ACCOUNT, store)).allUnchanged(1);
  }

  // --- orders ----------------------------------------------------------------------------------

  @Test
  void anOrderIsCreatedWithEveryFieldIntact() {
    Order submitted = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0);
    broker.putOrder(submitted);

    IngestAssertions.assertThat(OrdersSync.sync(broker, ACCOUNT, store)).created(1).total(1);

    assertThat(store.order(ACCOUNT, "1001")).contains(submitted);
  }

  @Test
  void anOrderMovesFromSubmittedToFilled() {
    Order submitted = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0);
    broker.putOrder(submitted);
    broker.putOrder(order(ACCOUNT, "1002", aapl(), OrderStatus.SUBMITTED, "0", T0));
    OrdersSync.sync(broker, ACCOUNT, store);

    broker.putOrder(submitted.withStatus(OrderStatus.FILLED, dec("100"), T0.plusSeconds(5)));
    SyncSummary summary = OrdersSync.sync(broker, ACCOUNT, store);

    IngestAssertions.assertThat(summary).created(0).updated(1).unchanged(1).total(2);
    assertThat(store.order(ACCOUNT, "1001").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    assertThat(store.order(ACCOUNT, "1001").orElseThrow().filledQuantity()).isEqualTo(dec("100"));
  }

  @Test
  void anOrderGoesThroughItsWholeLife() {
    Order order = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0);
    broker.putOrder(order);
    OrdersSync.sync(broker, ACCOUNT, store);
    broker.putOrder(order.withStatus(OrderStatus.PARTIALLY_FILLED, dec("40"), T0.plusSeconds(1)));
    IngestAssertions.assertThat(OrdersSync.sync(broker, ACCOUNT, store)).updated(1);
    broker.putOrder(order.withStatus(OrderStatus.CANCELLED, dec("40"), T0.plusSeconds(2)));
    IngestAssertions.assertThat(OrdersSync.sync(broker, ACCOUNT, store)).updated(1);

    Order stored = store.order(ACCOUNT, "1001").orElseThrow();
    assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(stored.filledQuantity()).isEqualTo(dec("40"));
  }

  @Test
  void aLateSubmittedDoesNotUndoFilled() {
    Order submitted = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0);
    Order filled = submitted.withStatus(OrderStatus.FILLED, dec("100"), T0.plusSeconds(5));
    broker.putOrder(filled);
    OrdersSync.sync(broker, ACCOUNT, store);

    broker.putOrder(submitted); // an older status arrives late
    IngestAssertions.assertThat(OrdersSync.sync(broker, ACCOUNT, store)).allUnchanged(1);
    // even stamped later (a client that stamps on receipt), a live status never undoes a terminal
    // one
    broker.putOrder(submitted.withStatus(OrderStatus.SUBMITTED, dec("0"), T0.plusSeconds(10)));
    IngestAssertions.assertThat(OrdersSync.sync(broker, ACCOUNT, store)).allUnchanged(1);

    assertThat(store.order(ACCOUNT, "1001")).contains(filled);
  }

  @Test
  void ordersOnOneContractResolveToOneInstrument() {
    Instrument fromOrders = aapl();
    broker.putOrder(order(ACCOUNT, "1001", fromOrders, OrderStatus.SUBMITTED, "0", T0));
    broker.putOrder(
        order(ACCOUNT, "1002", fromOrders.withExchange("NASDAQ"), OrderStatus.SUBMITTED, "0", T0));

    OrdersSync.sync(broker, ACCOUNT, store);

    assertThat(store.instruments().getByKey(fromOrders.key())).contains(fromOrders);
    assertThat(store.instruments().getBySymbol(Symbol.of("AAPL"))).contains(fromOrders);
    assertThat(store.orders(ACCOUNT)).extracting(Order::instrument).containsOnly(fromOrders);
  }

  // --- executions ------------------------------------------------------------------------------

  @Test
  void anExecutionIsInsertedOnceAndNeverUpdated() {
    Execution fill =
        execution(ACCOUNT, "0000e0d5.6576e1f2.01.01", "1001", aapl(), "100", "170.25", T0);
    broker.addExecution(fill);
    IngestAssertions.assertThat(ExecutionsSync.sync(broker, ACCOUNT, store)).created(1);
    IngestAssertions.assertThat(ExecutionsSync.sync(broker, ACCOUNT, store)).allUnchanged(1);

    broker.addExecution(execution(ACCOUNT, fill.execId(), "1001", aapl(), "100", "999", T0));
    IngestAssertions.assertThat(ExecutionsSync.sync(broker, ACCOUNT, store)).allUnchanged(1);

    assertThat(store.executions(ACCOUNT)).containsExactly(fill);
  }

  // --- option events ---------------------------------------------------------------------------

  @Test
  void optionEventsAreAppendOnlyAndDuplicatesAreDetected() {
    Instrument call = aaplCall("180", 681234567L);
    broker.addOptionEvent(optionEvent(ACCOUNT, call, OptionEventType.ASSIGNMENT, T0, "1"));
    broker.addOptionEvent(optionEvent(ACCOUNT, call, OptionEventType.ASSIGNMENT, T0, "1"));
    IngestAssertions.assertThat(OptionEventsSync.sync(broker, ACCOUNT, store))
        .created(1)
        .unchanged(1);

    broker.addOptionEvent(
        optionEvent(ACCOUNT, call, OptionEventType.EXPIRATION, T0.plus(Duration.ofDays(14)), "2"));
    IngestAssertions.assertThat(OptionEventsSync.sync(broker, ACCOUNT, store))
        .created(1)
        .unchanged(2)
        .total(3);

    assertThat(store.optionEvents(ACCOUNT))
        .extracting(e -> e.type())
        .containsExactly(OptionEventType.ASSIGNMENT, OptionEventType.EXPIRATION);
  }

  // --- whole account ---------------------------------------------------------------------------

  @Test
  void reSyncingAnUnchangedBrokerReportsEverythingUnchanged() {
    TestRecords.loadFullAccount(broker, ACCOUNT);
    AccountSync.Result first = AccountSync.sync(broker, ACCOUNT, store);
    IngestAssertions.assertThat(first.total()).created(first.total().total());

    AccountSync.Result second = AccountSync.sync(broker, ACCOUNT, store);

    IngestAssertions.assertThat(second.total()).allUnchanged(first.total().total());
  }

  @Test
  void decimalsKeepTheirExactValue() {
    Order precise =
        new Order(
            ACCOUNT,
            "2001",
            null,
            aapl(),
            dev.ingest.api.model.Side.SELL,
            dev.ingest.api.model.OrderType.LIMIT,
            dec("0.000001"),
            dec("0"),
            dec("12345678901234.123456789"),
            null,
            null,
            OrderStatus.SUBMITTED,
            null,
            null,
            T0);
    broker.putOrder(precise);
    OrdersSync.sync(broker, ACCOUNT, store);

    assertThat(store.order(ACCOUNT, "2001")).contains(precise);
    assertThat(store.order(ACCOUNT, "2001").orElseThrow().limitPrice().toPlainString())
        .isEqualTo("12345678901234.123456789");
    IngestAssertions.assertThat(OrdersSync.sync(broker, ACCOUNT, store)).allUnchanged(1);
  }

  @Test
  void accountsAreKeptApart() {
    AccountId other = AccountId.of("DU7654321");
    try (FakeBrokerApi otherBroker = FakeBrokerApi.forAccount(other)) {
      broker.putOrder(order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0));
      otherBroker.putOrder(order(other, "1001", aapl(), OrderStatus.FILLED, "100", T0));

      OrdersSync.sync(broker, ACCOUNT, store);
      OrdersSync.sync(otherBroker, other, store);

      assertThat(store.order(ACCOUNT, "1001").orElseThrow().status())
          .isEqualTo(OrderStatus.SUBMITTED);
      assertThat(store.order(other, "1001").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }
  }

  @Test
  void aRecordOfAnotherAccountIsReportedAndSkipped() {
    broker.putOrder(order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0));
    broker.putOrder(order(AccountId.of("DU999"), "666", aapl(), OrderStatus.SUBMITTED, "0", T0));
    List<DataValidationException> reported = new CopyOnWriteArrayList<>();
    IngestListener listener =
        new IngestListener() {
          @Override
          public void validationError(String provider, DataValidationException error) {
            reported.add(error);
          }
        };

    IngestAssertions.assertThat(OrdersSync.sync(broker, ACCOUNT, store, listener))
        .created(1)
        .total(1);

    assertThat(store.orders(ACCOUNT)).extracting(Order::brokerOrderId).containsExactly("1001");
    assertThat(store.orders(AccountId.of("DU999"))).isEmpty();
    assertThat(reported)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("account");
              assertThat(e.naturalKey()).contains("brokerOrderId=666");
            });
  }

  @Test
  void aBatchReportsOneOutcomePerRecordInOrder() {
    Order a = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0);
    Order aFilled = a.withStatus(OrderStatus.FILLED, dec("100"), T0.plusSeconds(1));
    Order b = order(ACCOUNT, "1002", aapl(), OrderStatus.SUBMITTED, "0", T0);
    store.instruments().getOrCreate(aapl());

    List<UpsertOutcome> outcomes = store.upsertOrders(List.of(a, b, aFilled, a));

    assertThat(outcomes)
        .containsExactly(
            UpsertOutcome.CREATED,
            UpsertOutcome.CREATED,
            UpsertOutcome.UPDATED,
            UpsertOutcome.UNCHANGED);
    assertThat(store.order(ACCOUNT, "1001")).contains(aFilled);
  }

  @Test
  void concurrentSyncsCreateNoDuplicates() throws Exception {
    TestRecords.loadFullAccount(broker, ACCOUNT);
    int syncs = concurrentSyncs();
    ExecutorService pool = Executors.newFixedThreadPool(syncs);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<AccountSync.Result>> results = new ArrayList<>();
      for (int i = 0; i < syncs; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return AccountSync.sync(broker, ACCOUNT, store);
                }));
      }
      start.countDown();
      SyncSummary total = SyncSummary.EMPTY;
      for (Future<AccountSync.Result> result : results) {
        total = total.plus(result.get(60, TimeUnit.SECONDS).total());
      }

      int records = total.total() / syncs;
      IngestAssertions.assertThat(total).created(records).updated(0);
      assertThat(store.orders(ACCOUNT)).hasSize(3);
      assertThat(store.executions(ACCOUNT)).hasSize(2);
      assertThat(store.optionEvents(ACCOUNT)).hasSize(1);
      assertThat(store.positions(ACCOUNT)).hasSize(2);
      assertThat(store.snapshots(ACCOUNT)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
