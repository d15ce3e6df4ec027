package dev.ingest.testkit.tws;

import dev.ingest.api.Beta;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A contract as the fake gateway writes it into POSITION, OPEN_ORDER, EXECUTION_DATA and
 * CONTRACT_DATA. Every number is the exact text that goes on the wire ({@code "0.0"}, {@code
 * "600"}), so a test controls the bytes.
 *
 * @param lastTradeDateOrContractMonth {@code 20261218}, {@code 202612}, or empty for stocks
 * @param right {@code C}, {@code P}, or empty (TWS writes {@code ?} for stocks in OPEN_ORDER)
 * @param exchange the exchange TWS reports with the record (POSITION: often the listing)
 * @param primaryExch the listing exchange; sent only in CONTRACT_DATA
 * @since 0.1
 */
@Beta
public record TwsContract(
    int conId,
    String symbol,
    String secType,
    String lastTradeDateOrContractMonth,
    String strike,
    String right,
    String multiplier,
    String exchange,
    String primaryExch,
    String currency,
    String localSymbol,
    String tradingClass) {

  public TwsContract {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(secType, "secType");
    Objects.requireNonNull(lastTradeDateOrContractMonth, "lastTradeDateOrContractMonth");
    Objects.requireNonNull(strike, "strike");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(multiplier, "multiplier");
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(primaryExch, "primaryExch");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(localSymbol, "localSymbol");
    Objects.requireNonNull(tradingClass, "tradingClass");
  }

  /** A US stock listed on {@code exchange} (IB spells class B shares {@code BRK B}). */
  public static TwsContract stock(int conId, String symbol, String exchange) {
    return new TwsContract(
        conId, symbol, "STK", "", "0.0", "", "", exchange, exchange, "USD", symbol, "NMS");
  }

  /**
   * A US equity option on SMART, x100, with the OCC local symbol TWS uses ({@code SPY
   * 260320C00600000}: the root padded to six).
   */
  public static TwsContract option(
      int conId, String underlying, String expiry, String strike, String right) {
    String millis = new BigDecimal(strike).movePointRight(3).toBigInteger().toString();
    String occ =
        String.format("%-6s", underlying)
            + expiry.substring(2)
            + right
            + "0".repeat(Math.max(0, 8 - millis.length()))
            + millis;
    return new TwsContract(
        conId,
        underlying,
        "OPT",
        expiry,
        strike,
        right,
        "100",
        "SMART",
        "",
        "USD",
        occ,
        underlying);
  }

  /**
   * A future such as ES December 2026: {@code future(649180695, "ES", "20261218", "ESZ6", "CME",
   * "50")}.
   */
  public static TwsContract future(
      int conId,
      String symbol,
      String expiry,
      String localSymbol,
      String exchange,
      String multiplier) {
    return new TwsContract(
        conId,
        symbol,
        "FUT",
        expiry,
        "0.0",
        "",
        multiplier,
        exchange,
        "",
        "USD",
        localSymbol,
        symbol);
  }

  /** The same contract reported with another exchange (OPEN_ORDER shows the routing one). */
  public TwsContract withExchange(String value) {
    return new TwsContract(
        conId,
        symbol,
        secType,
        lastTradeDateOrContractMonth,
        strike,
        right,
        multiplier,
        value,
        primaryExch,
        currency,
        localSymbol,
        tradingClass);
  }
}
