package dev.ingest.testkit;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.AssetClass;
import dev.ingest.api.model.ConId;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.OptionEventType;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.OrderType;
import dev.ingest.api.model.Position;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Short factories for valid records with plausible values, so a test states only what it is about.
 * Every factory returns a new immutable record.
 *
 * @since 0.1
 */
public final class TestRecords {
  public static final AccountId ACCOUNT = AccountId.of("U1234567");
  public static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");

  private TestRecords() {}

  public static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  /** A US stock with an IB contract id. */
  public static Instrument stock(String symbol, long conId) {
    return new Instrument(
        Symbol.of(symbol),
        AssetClass.STOCK,
        "USD",
        ConId.of(conId),
        "SMART",
        BigDecimal.ONE,
        null,
        null,
        null,
        null);
  }

  public static Instrument aapl() {
    return stock("AAPL", 265598);
  }

  /** An AAPL call expiring {@code 2024-03-15}. */
  public static Instrument aaplCall(String strike, long conId) {
    LocalDate expiry = LocalDate.of(2024, 3, 15);
    String occ =
        "AAPL240315C" + String.format("%08d", dec(strike).movePointRight(3).intValueExact());
    return Instrument.usOption(
            Symbol.of(occ), Symbol.of("AAPL"), expiry, dec(strike), OptionRight.CALL)
        .withConId(ConId.of(conId));
  }

  public static AccountSnapshot snapshot(AccountId account, Instant asOf, String netLiquidation) {
    return new AccountSnapshot(
        account,
        asOf,
        "USD",
        dec(netLiquidation),
        dec("25000.00"),
        dec("50000"),
        Map.of("MaintMarginReq", dec("1200.50")));
  }

  public static Position position(
      AccountId account, Instrument instrument, String quantity, String averageCost, Instant asOf) {
    return new Position(account, instrument, dec(quantity), dec(averageCost), null, null, asOf);
  }

  /** A 100-share limit buy at 170.25 in {@code status}, filled as given. */
  public static Order order(
      AccountId account,
      String brokerOrderId,
      Instrument instrument,
      OrderStatus status,
      String filled,
      Instant updatedAt) {
    return new Order(
        account,
        brokerOrderId,
        "client-" + brokerOrderId,
        instrument,
        Side.BUY,
        OrderType.LIMIT,
        dec("100"),
        dec(filled),
        dec("170.25"),
        null,
        dec(filled).signum() == 0 ? null : dec("170.25"),
        status,
        "DAY",
        T0,
        updatedAt);
  }

  public static Execution execution(
      AccountId account,
      String execId,
      String brokerOrderId,
      Instrument instrument,
      String quantity,
      String price,
      Instant at) {
    return new Execution(
        account,
        execId,
        brokerOrderId,
        instrument,
        Side.BUY,
        dec(quantity),
        dec(price),
        at,
        dec("1.00"),
        "USD",
        "NASDAQ");
  }

  public static OptionEvent optionEvent(
      AccountId account, Instrument option, OptionEventType type, Instant at, String quantity) {
    return new OptionEvent(account, option, type, at, dec(quantity));
  }

  /** One snapshot, two positions, three orders, two fills and one expiry for {@code account}. */
  public static void loadFullAccount(FakeBrokerApi broker, AccountId account) {
    Instrument msft = stock("MSFT", 272093);
    Instrument call = aaplCall("180", 681234567L);
    broker.addSnapshot(snapshot(account, T0, "100000.50"));
    broker.putPosition(position(account, aapl(), "100", "170.25", T0));
    broker.putPosition(position(account, call, "-1", "3.10", T0));
    broker.putOrder(order(account, "1001", aapl(), OrderStatus.FILLED, "100", T0.plusSeconds(3)));
    broker.putOrder(order(account, "1002", msft, OrderStatus.SUBMITTED, "0", T0));
    broker.putOrder(order(account, "1003", call, OrderStatus.CANCELLED, "0", T0.plusSeconds(9)));
    broker.addExecution(
        execution(account, "0001.a.01.01", "1001", aapl(), "60", "170.25", T0.plusSeconds(1)));
    broker.addExecution(
        execution(account, "0001.a.01.02", "1001", aapl(), "40", "170.24", T0.plusSeconds(3)));
    broker.addOptionEvent(
        optionEvent(account, call, OptionEventType.EXPIRATION, T0.plus(Duration.ofDays(14)), "1"));
  }
}
