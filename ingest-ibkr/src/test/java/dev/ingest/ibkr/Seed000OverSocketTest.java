package dev.ingest.ibkr;

import static dev.ingest.ibkr.TwsScenario.ACCOUNT;
import static dev.ingest.ibkr.TwsScenario.ACCOUNT_ID;
import static dev.ingest.testkit.assertions.IngestAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.IngestListener;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.sync.AccountSnapshotsSync;
import dev.ingest.api.sync.AccountSync;
import dev.ingest.api.sync.ExecutionsSync;
import dev.ingest.api.sync.OptionEventsSync;
import dev.ingest.api.sync.OrdersSync;
import dev.ingest.api.sync.PositionsSync;
import dev.ingest.api.sync.SyncSummary;
import dev.ingest.testkit.InMemoryBrokerRecordStore;
import dev.ingest.testkit.InMemoryInstrumentStore;
import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsExecution;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 section 5 over a real socket: FakeTwsGateway -> IbkrBrokerApi -> the sync functions ->
 * the store. The gateway's state is changed between syncs to simulate the market, as the seed's
 * FakeBrokerAPI is.
 */
class Seed000OverSocketTest {
  private static final Instant T0 = Instant.parse("2026-04-13T20:00:00Z");

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private volatile Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }
  }

  private final FakeTwsGateway gateway = TwsScenario.gateway();
  private final TestClock clock = new TestClock();
  private final InMemoryInstrumentStore instruments = new InMemoryInstrumentStore();
  private final BrokerRecordStore store = new InMemoryBrokerRecordStore(instruments);
  private final IbkrBrokerApi broker =
      IbkrBrokerApi.connect(TwsScenario.config(gateway), clock, IngestListener.NOOP);

  @AfterEach
  void stop() {
    broker.close();
    gateway.close();
  }

  @Test
  void snapshotsAreInsertedAndTheNewestIsAlwaysAdded() {
    // When
    SyncSummary first = AccountSnapshotsSync.sync(broker, ACCOUNT_ID, store);
    SyncSummary again = AccountSnapshotsSync.sync(broker, ACCOUNT_ID, store);
    gateway.accountValue(ACCOUNT, "NetLiquidation", "101250.00", "USD");
    clock.advanceSeconds(60);
    SyncSummary later = AccountSnapshotsSync.sync(broker, ACCOUNT_ID, store);

    // Then
    assertThat(first).isEqualTo(new SyncSummary(1, 0, 0, 1));
    assertThat(again).isEqualTo(new SyncSummary(0, 0, 1, 1));
    assertThat(later).isEqualTo(new SyncSummary(1, 0, 0, 1));
    assertThat(store.snapshots(ACCOUNT_ID))
        .extracting(s -> s.netLiquidation().toPlainString())
        .containsExactly("100000", "101250");
  }

  @Test
  void positionsAreAlwaysBroughtToWhatTwsReports() {
    // Given
    assertThat(PositionsSync.sync(broker, ACCOUNT_ID, store))
        .isEqualTo(new SyncSummary(4, 0, 0, 4));

    // When AAPL is added to and BRK B sold out
    gateway.position(ACCOUNT, TwsScenario.AAPL, "150", "160.10");
    gateway.removePosition(ACCOUNT, TwsScenario.BRK_B.conId());
    clock.advanceSeconds(60);
    SyncSummary summary = PositionsSync.sync(broker, ACCOUNT_ID, store);

    // Then: AAPL updated, BRK.B closed to zero, the other two unchanged
    assertThat(summary).isEqualTo(new SyncSummary(0, 2, 2, 4));
    assertThat(store.positions(ACCOUNT_ID))
        .extracting(p -> p.instrument().symbol() + "=" + p.quantity().toPlainString())
        .containsExactlyInAnyOrder("AAPL=150", "BRK.B=0", "ESZ6=1", "SPY260320C00600000=-2");
  }

  @Test
  void ordersAreCreatedThenUpdatedFromSubmittedToFilledAndCancelled() {
    // Given
    SyncSummary created = OrdersSync.sync(broker, ACCOUNT_ID, store);

    // When the AAPL order fills and the SPY stop is cancelled
    clock.advanceSeconds(30);
    gateway.order(TwsScenario.AAPL_BUY.filledAt("196.45"));
    SyncSummary filled = OrdersSync.sync(broker, ACCOUNT_ID, store);
    clock.advanceSeconds(30);
    gateway.order(TwsScenario.SPY_SELL.withStatus("Cancelled", "0", "2", "0"));
    SyncSummary cancelled = OrdersSync.sync(broker, ACCOUNT_ID, store);

    // Then
    assertThat(created).isEqualTo(new SyncSummary(2, 0, 0, 2));
    assertThat(filled).isEqualTo(new SyncSummary(0, 1, 1, 2));
    assertThat(cancelled).isEqualTo(new SyncSummary(0, 1, 1, 2));
    assertThat(store.order(ACCOUNT_ID, "1376327563").orElseThrow().status())
        .isEqualTo(OrderStatus.FILLED);
    assertThat(store.order(ACCOUNT_ID, "1376327564").orElseThrow().status())
        .isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void aLateSubmittedDoesNotUndoFilled() {
    // Given a filled order in the store
    gateway.order(TwsScenario.AAPL_BUY.filledAt("196.45"));
    OrdersSync.sync(broker, ACCOUNT_ID, store);

    // When a stale status comes back later (TWS resends statuses in any order)
    clock.advanceSeconds(30);
    gateway.order(TwsScenario.AAPL_BUY);
    SyncSummary late = OrdersSync.sync(broker, ACCOUNT_ID, store);

    // Then
    assertThat(late.updated()).isZero();
    assertThat(store.order(ACCOUNT_ID, "1376327563").orElseThrow().status())
        .isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void oneContractIsOneInstrumentWhateverRecordsNameIt() {
    // When positions, orders and fills all naming AAPL (con 265598) are synced
    AccountSync.sync(broker, ACCOUNT_ID, store);

    // Then
    assertThat(instruments.getByKey("con:265598")).isPresent();
    assertThat(instruments.size()).isEqualTo(4); // AAPL, SPY call, ES, BRK B
    assertThat(store.orders(ACCOUNT_ID).get(0).instrument())
        .isSameAs(store.executions(ACCOUNT_ID).get(0).instrument());
  }

  @Test
  void executionsAreInsertedOnceAndNeverUpdated() {
    // Given
    assertThat(ExecutionsSync.sync(broker, ACCOUNT_ID, store))
        .isEqualTo(new SyncSummary(2, 0, 0, 2));

    // When the same fills are synced again, and then one new fill arrives
    SyncSummary again = ExecutionsSync.sync(broker, ACCOUNT_ID, store);
    gateway.execution(
        TwsExecution.fill(
            "0000e0d5.69dd7440.01.01",
            TwsScenario.AAPL_BUY,
            "20260413 15:59:00 US/Eastern",
            "NASDAQ",
            "100",
            "196.45",
            "1.0"));
    SyncSummary withNew = ExecutionsSync.sync(broker, ACCOUNT_ID, store);

    // Then
    assertThat(again).isEqualTo(new SyncSummary(0, 0, 2, 2));
    assertThat(withNew).isEqualTo(new SyncSummary(1, 0, 2, 3));
    assertThat(store.executions(ACCOUNT_ID)).hasSize(3);
  }

  @Test
  void optionEventsComeFromElsewhereSoTheirSyncWritesNothing() {
    assertThat(OptionEventsSync.sync(broker, ACCOUNT_ID, store)).isEqualTo(SyncSummary.EMPTY);
    assertThat(store.optionEvents(ACCOUNT_ID)).isEmpty();
  }

  @Test
  void aSecondFullSyncOfAnUnchangedAccountChangesNothing() {
    // Given
    AccountSync.Result first = AccountSync.sync(broker, ACCOUNT_ID, store);

    // When
    AccountSync.Result second = AccountSync.sync(broker, ACCOUNT_ID, store);

    // Then
    assertThat(first.total()).isEqualTo(new SyncSummary(9, 0, 0, 9));
    assertThat(second.total()).isEqualTo(new SyncSummary(0, 0, 9, 9));
  }

  @Test
  void aBadFrameFailsItsSyncWithATypedErrorAndLosesNothingAlreadySynced() {
    // Given positions and orders already synced
    PositionsSync.sync(broker, ACCOUNT_ID, store);
    OrdersSync.sync(broker, ACCOUNT_ID, store);
    // and a gateway that answers REQ_EXECUTIONS with a fill whose price is not a number
    gateway.onRequest(
        7,
        (request, session) ->
            session.send(
                "11|"
                    + request.field(2)
                    + "|1|265598|AAPL|STK||0.0|||IEX|USD|AAPL|NMS|0000e0d5.1.01.01"
                    + "|20260413 15:27:04 US/Eastern|DU1234567|IEX|BOT|1|two hundred|1|0|0|1"
                    + "|257.95|||||2|0|"));

    // When / Then
    assertThatThrownBy(() -> ExecutionsSync.sync(broker, ACCOUNT_ID, store))
        .isInstanceOfSatisfying(
            DataValidationException.class,
            e -> {
              assertThat(e.recordType()).isEqualTo("EXECUTION_DATA");
              assertThat(e.field()).isEqualTo("price");
            })
        .hasMessageContaining("'two hundred'");
    assertThat(store.positions(ACCOUNT_ID)).hasSize(4);
    assertThat(store.orders(ACCOUNT_ID)).hasSize(2);
    assertThat(store.executions(ACCOUNT_ID)).isEmpty();

    // and once TWS behaves, the next sync opens a new session and goes on
    gateway.answerNormally(7);
    assertThat(ExecutionsSync.sync(broker, ACCOUNT_ID, store).created()).isEqualTo(2);
  }

  @Test
  void twoSyncsAtOnceNeverDuplicateARow() throws Exception {
    // Given a second connection (its own client id) to the same account
    try (IbkrBrokerApi second =
        IbkrBrokerApi.connect(
            TwsScenario.config(gateway).withClientId(1), clock, IngestListener.NOOP)) {
      // When
      CompletableFuture<AccountSync.Result> a =
          CompletableFuture.supplyAsync(() -> AccountSync.sync(broker, ACCOUNT_ID, store));
      CompletableFuture<AccountSync.Result> b =
          CompletableFuture.supplyAsync(() -> AccountSync.sync(second, ACCOUNT_ID, store));

      // Then: each record was created by exactly one of them
      assertThat(a.get().total().created() + b.get().total().created()).isEqualTo(9);
      assertThat(store.orders(ACCOUNT_ID)).hasSize(2);
      assertThat(store.executions(ACCOUNT_ID)).hasSize(2);
      assertThat(store.positions(ACCOUNT_ID)).hasSize(4);
    }
  }
}
