package dev.ingest.ibkr;

import static dev.ingest.ibkr.TwsScenario.ACCOUNT;
import static dev.ingest.ibkr.TwsScenario.ACCOUNT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.BrokerCapability;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.AssetClass;
import dev.ingest.api.model.ConId;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.OrderType;
import dev.ingest.api.model.Position;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsExecution;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IbkrBrokerApi over a real socket: what each fetch asks TWS and what it makes of the answer. */
class IbkrBrokerApiTest {
  private static final Instant NOW = Instant.parse("2026-04-13T20:00:00Z");

  private final FakeTwsGateway gateway = TwsScenario.gateway();
  private final List<DataValidationException> invalid = new CopyOnWriteArrayList<>();
  private final IngestListener listener =
      new IngestListener() {
        @Override
        public void validationError(String provider, DataValidationException error) {
          invalid.add(error);
        }
      };
  private final IbkrBrokerApi broker =
      IbkrBrokerApi.connect(
          TwsScenario.config(gateway), Clock.fixed(NOW, ZoneOffset.UTC), listener);

  @AfterEach
  void stop() {
    broker.close();
    gateway.close();
  }

  @Test
  void aSnapshotComesFromTheAccountSummary() {
    // When
    List<AccountSnapshot> snapshots = broker.fetchAccountSnapshots();

    // Then
    assertThat(snapshots)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.account()).isEqualTo(ACCOUNT_ID);
              assertThat(s.asOf()).isEqualTo(NOW);
              assertThat(s.currency()).isEqualTo("USD");
              assertThat(s.netLiquidation()).isEqualByComparingTo("100000");
              assertThat(s.totalCash()).isEqualByComparingTo("25000.5");
              assertThat(s.buyingPower()).isEqualByComparingTo("400000");
              assertThat(s.values()).containsOnlyKeys("MaintMarginReq");
            });
    // every tag of the reference was asked for, for group All
    assertThat(gateway.requests(62))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.field(3)).isEqualTo("All");
              assertThat(r.field(4))
                  .contains("NetLiquidation,TotalCashValue")
                  .contains("RegTMargin");
            });
  }

  @Test
  void positionsAreTheAccountsHoldingsWithIbsRulesApplied() {
    // When
    List<Position> positions = broker.fetchPositions();

    // Then
    assertThat(positions).hasSize(4).allSatisfy(p -> assertThat(p.account()).isEqualTo(ACCOUNT_ID));
    Position aapl = bySymbol(positions, "AAPL");
    assertThat(aapl.quantity()).isEqualByComparingTo("100");
    assertThat(aapl.averageCost()).isEqualByComparingTo("150.25");
    assertThat(aapl.asOf()).isEqualTo(NOW);
    assertThat(aapl.instrument().conId()).isEqualTo(ConId.of(265598));
    assertThat(aapl.instrument().assetClass()).isEqualTo(AssetClass.STOCK);
    assertThat(aapl.instrument().exchange()).isEqualTo("NASDAQ");

    Position call = bySymbol(positions, "SPY260320C00600000");
    assertThat(call.quantity()).isEqualByComparingTo("-2");
    assertThat(call.instrument().assetClass()).isEqualTo(AssetClass.OPTION);
    assertThat(call.instrument().underlying()).isEqualTo(Symbol.of("SPY"));
    assertThat(call.instrument().expiry()).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(call.instrument().strike()).isEqualByComparingTo("600");
    assertThat(call.instrument().right()).isEqualTo(OptionRight.CALL);
    assertThat(call.instrument().multiplier()).isEqualByComparingTo("100");

    // ES's underlying is an index: the contract details say so
    Position es = bySymbol(positions, "ESZ6");
    assertThat(es.instrument().assetClass()).isEqualTo(AssetClass.INDEX_FUTURE);
    assertThat(es.instrument().multiplier()).isEqualByComparingTo("50");
    assertThat(es.instrument().expiry()).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(es.instrument().underlying()).isEqualTo(Symbol.of("ES"));

    // IB's "BRK B" has no space here
    assertThat(bySymbol(positions, "BRK.B").quantity()).isEqualByComparingTo("10");
  }

  @Test
  void aClosedPositionIsLeftOut() {
    gateway.position(ACCOUNT, TwsScenario.AAPL, "0", "0");
    assertThat(broker.fetchPositions())
        .extracting(p -> p.instrument().symbol().value())
        .doesNotContain("AAPL");
  }

  @Test
  void openOrdersCarryTheirLatestStatus() {
    // When
    List<Order> orders = broker.fetchOpenOrders();

    // Then
    assertThat(orders).hasSize(2);
    Order aapl = byId(orders, "1376327563");
    assertThat(aapl.side()).isEqualTo(Side.BUY);
    assertThat(aapl.type()).isEqualTo(OrderType.LIMIT);
    assertThat(aapl.quantity()).isEqualByComparingTo("100");
    assertThat(aapl.limitPrice()).isEqualByComparingTo("196.5");
    assertThat(aapl.stopPrice()).isNull();
    assertThat(aapl.status()).isEqualTo(OrderStatus.SUBMITTED);
    assertThat(aapl.clientOrderId()).isEqualTo("rebalance-1");
    assertThat(aapl.timeInForce()).isEqualTo("DAY");
    assertThat(aapl.updatedAt()).isEqualTo(NOW);
    assertThat(aapl.instrument().conId()).isEqualTo(ConId.of(265598));

    Order stop = byId(orders, "1376327564");
    assertThat(stop.type()).isEqualTo(OrderType.STOP_LIMIT);
    assertThat(stop.limitPrice()).isEqualByComparingTo("4.25");
    assertThat(stop.stopPrice()).isEqualByComparingTo("4.5");
    assertThat(stop.status()).isEqualTo(OrderStatus.SUBMITTED);
    assertThat(stop.side()).isEqualTo(Side.SELL);
  }

  @Test
  void anOrderMovesThroughPartialFillToFilled() {
    // Given
    gateway.order(TwsScenario.AAPL_BUY.withStatus("Submitted", "40", "60", "196.4"));

    // When / Then
    Order partial = byId(broker.fetchOpenOrders(), "1376327563");
    assertThat(partial.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(partial.filledQuantity()).isEqualByComparingTo("40");
    assertThat(partial.averageFillPrice()).isEqualByComparingTo("196.4");

    gateway.order(TwsScenario.AAPL_BUY.filledAt("196.45"));
    Order filled = byId(broker.fetchOpenOrders(), "1376327563");
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.filledQuantity()).isEqualByComparingTo("100");
    assertThat(filled.averageFillPrice()).isEqualByComparingTo("196.45");
  }

  @Test
  void anUnchangedOrderKeepsItsUpdatedAtWhileAChangedOneGetsANewOne() {
    // Given a clock that moves
    Instant[] now = {NOW};
    Clock moving =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    try (IbkrBrokerApi api =
        IbkrBrokerApi.connect(
            TwsScenario.config(gateway).withClientId(1), moving, IngestListener.NOOP)) {
      Order first = byId(api.fetchOpenOrders(), "1376327563");

      // When the clock moves and nothing changes, then the order fills
      now[0] = NOW.plusSeconds(60);
      Order unchanged = byId(api.fetchOpenOrders(), "1376327563");
      gateway.order(TwsScenario.AAPL_BUY.filledAt("196.45"));
      now[0] = NOW.plusSeconds(120);
      Order filled = byId(api.fetchOpenOrders(), "1376327563");

      // Then
      assertThat(unchanged).isEqualTo(first);
      assertThat(filled.updatedAt()).isEqualTo(NOW.plusSeconds(120));
      assertThat(filled.supersedes(first)).isTrue();
    }
  }

  @Test
  void executionsAreJoinedToTheirCommissionReports() {
    // When
    List<Execution> executions = broker.fetchExecutions();

    // Then
    assertThat(executions).hasSize(2);
    Execution aapl = executions.get(0);
    assertThat(aapl.execId()).isEqualTo("0000e0d5.69dd7411.01.01");
    assertThat(aapl.brokerOrderId()).isEqualTo("1376327561");
    assertThat(aapl.side()).isEqualTo(Side.BUY);
    assertThat(aapl.quantity()).isEqualByComparingTo("100");
    assertThat(aapl.price()).isEqualByComparingTo("257.95");
    assertThat(aapl.executedAt()).isEqualTo(Instant.parse("2026-04-13T19:27:04Z"));
    assertThat(aapl.commission()).isEqualByComparingTo("1");
    assertThat(aapl.commissionCurrency()).isEqualTo("USD");
    assertThat(aapl.exchange()).isEqualTo("IEX");
    assertThat(executions.get(1).side()).isEqualTo(Side.SELL);
    assertThat(executions.get(1).instrument().assetClass()).isEqualTo(AssetClass.OPTION);
    // TWS was asked for this account's executions only
    assertThat(gateway.requests(7))
        .singleElement()
        .satisfies(r -> assertThat(r.field(4)).isEqualTo(ACCOUNT));
  }

  @Test
  void commissionReportsArrivingAfterTheEndAreStillJoined() {
    gateway.commissionsAfterEnd(true);
    assertThat(broker.fetchExecutions())
        .extracting(Execution::commission)
        .containsExactly(new BigDecimal("1"), new BigDecimal("1.3"));
  }

  @Test
  void anExecutionWithoutACommissionReportHasNone() {
    // Given a fill whose report never comes
    gateway.execution(
        TwsExecution.fill(
                "0000e0d5.69dd7430.01.01",
                TwsScenario.AAPL_BUY,
                "20260413 15:50:00 US/Eastern",
                "ARCA",
                "10",
                "258.10",
                null)
            .withoutCommission());

    // When
    Execution last = broker.fetchExecutions().get(2);

    // Then
    assertThat(last.execId()).isEqualTo("0000e0d5.69dd7430.01.01");
    assertThat(last.commission()).isNull();
  }

  @Test
  void aCorrectionReplacesItsOriginal() {
    // Given a correction of the AAPL fill: same prefix, last part .02, another price
    TwsExecution original = TwsScenario.AAPL_FILL;
    gateway.execution(
        new TwsExecution(
            "0000e0d5.69dd7411.01.02",
            original.orderId(),
            original.permId(),
            original.clientId(),
            original.account(),
            original.contract(),
            original.time(),
            original.exchange(),
            original.side(),
            original.shares(),
            "257.90",
            original.cumQty(),
            "257.90",
            original.orderRef(),
            "1.0",
            "USD"));

    // When / Then
    assertThat(broker.fetchExecutions())
        .extracting(Execution::execId)
        .containsExactly("0000e0d5.69dd7411.01.02", "0000e0d5.69dd7420.01.01");
  }

  @Test
  void executionsSinceAskTwsForLess() {
    // When
    List<Execution> late = broker.fetchExecutions(Instant.parse("2026-04-13T19:30:00Z"));

    // Then
    assertThat(late).extracting(Execution::execId).containsExactly("0000e0d5.69dd7420.01.01");
    assertThat(gateway.requests(7).get(0).field(5)).isEqualTo("20260413-19:29:59");
    assertThat(broker.capabilities()).contains(BrokerCapability.EXECUTIONS_SINCE);
  }

  @Test
  void optionEventsAreNotReportedOverTheSocketApi() {
    assertThat(broker.fetchOptionEvents()).isEmpty();
    assertThat(broker.capabilities()).doesNotContain(BrokerCapability.OPTION_EVENTS);
  }

  @Test
  void aRecordThatDoesNotMapIsReportedAndTheRestGoOn() {
    // Given a position whose contract has a currency no record accepts
    gateway.position(
        ACCOUNT,
        new dev.ingest.testkit.tws.TwsContract(
            1, "XYZ", "STK", "", "0.0", "", "", "NYSE", "", "usd", "XYZ", "XYZ"),
        "5",
        "10");

    // When
    List<Position> positions = broker.fetchPositions();

    // Then
    assertThat(positions).hasSize(4);
    assertThat(invalid)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("currency");
              assertThat(e.naturalKey()).contains("conId=1");
            });
  }

  @Test
  void anAccountTwsDoesNotManageIsAConfigurationError() {
    IbkrConfig wrong =
        TwsScenario.config(gateway).withClientId(1).withAccount(AccountId.of("U999"));
    assertThatThrownBy(() -> IbkrBrokerApi.connect(wrong))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("U999 is not managed")
        .hasMessageContaining(ACCOUNT);
  }

  @Test
  void withoutAnAccountTheOnlyManagedOneIsServed() {
    gateway.managedAccounts("DU5550001");
    try (IbkrBrokerApi api =
        IbkrBrokerApi.connect(TwsScenario.config(gateway).withClientId(1).withAccount(null))) {
      assertThat(api.account()).isEqualTo(AccountId.of("DU5550001"));
    }
  }

  @Test
  void aLostSessionIsReopenedByTheRetry() {
    // Given a broker that retries once, quickly
    try (IbkrBrokerApi api =
        IbkrBrokerApi.connect(
            TwsScenario.config(gateway)
                .withClientId(1)
                .withRetry(
                    new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10), 1.0)))) {
      api.fetchPositions();

      // When TWS drops every client
      gateway.disconnectAll();

      // Then the next fetch reconnects
      assertThat(api.fetchPositions()).hasSize(4);
      assertThat(gateway.connectedClients()).isEqualTo(1); // the first broker's was dropped too
    }
  }

  @Test
  void aFetchThatGetsNoEndFailsAfterTheTimeout() {
    // Given a TWS that never ends the open-order list, and a broker that waits 300 ms
    gateway.silence(16);
    IbkrConfig impatient =
        TwsScenario.config(gateway)
            .withClientId(1)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
    try (IbkrBrokerApi api = IbkrBrokerApi.connect(impatient)) {
      // When / Then
      assertThatThrownBy(api::fetchOpenOrders)
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("REQ_ALL_OPEN_ORDERS got no OPEN_ORDER_END within PT0.3S");
    }
  }

  @Test
  void fetchingAfterCloseFails() {
    broker.close();
    broker.close();
    assertThatThrownBy(broker::fetchPositions).isInstanceOf(TransportException.class);
  }

  private static Position bySymbol(List<Position> positions, String symbol) {
    return positions.stream()
        .filter(p -> p.instrument().symbol().value().equals(symbol))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no position in " + symbol + ": " + positions));
  }

  private static Order byId(List<Order> orders, String id) {
    return orders.stream()
        .filter(o -> o.brokerOrderId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no order " + id + " in " + orders));
  }
}
