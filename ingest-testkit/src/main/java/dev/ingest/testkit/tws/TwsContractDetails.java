package dev.ingest.testkit.tws;

import dev.ingest.api.Beta;
import java.util.Map;
import java.util.Objects;

/**
 * What the fake gateway answers REQ_CONTRACT_DATA with: one CONTRACT_DATA per matching entry. Texts
 * are wire text; {@code contract.lastTradeDateOrContractMonth} goes out as given (futures: {@code
 * 20261218 08:30 US/Central}).
 *
 * @param secIds e.g. {@code ISIN -> US88160R1014}
 * @param underSecType {@code IND} for an index future such as ES
 * @since 0.1
 */
@Beta
public record TwsContractDetails(
    TwsContract contract,
    String lastTradeDate,
    String marketName,
    String minTick,
    String orderTypes,
    String validExchanges,
    int underConId,
    String longName,
    String contractMonth,
    String timeZoneId,
    String tradingHours,
    String liquidHours,
    Map<String, String> secIds,
    String aggGroup,
    String underSymbol,
    String underSecType,
    String marketRuleIds,
    String realExpirationDate,
    String stockType,
    String minSize,
    String sizeIncrement,
    String suggestedSizeIncrement) {

  public TwsContractDetails {
    Objects.requireNonNull(contract, "contract");
    secIds = Map.copyOf(secIds);
  }

  /** A US common stock on SMART with its listing exchange, as TWS answers a SMART query. */
  public static TwsContractDetails stock(TwsContract stock, String longName, String isin) {
    TwsContract smart =
        new TwsContract(
            stock.conId(),
            stock.symbol(),
            "STK",
            "",
            "0",
            "",
            "",
            "SMART",
            stock.primaryExch().isEmpty() ? stock.exchange() : stock.primaryExch(),
            stock.currency(),
            stock.localSymbol(),
            stock.tradingClass());
    return new TwsContractDetails(
        smart,
        "",
        stock.tradingClass(),
        "0.01",
        "ACTIVETIM,AD,ADJUST,ALERT,ALGO,LMT,MKT,STP,STPLMT,TRAIL",
        "SMART,AMEX,NYSE,ARCA,NASDAQ",
        0,
        longName,
        "",
        "US/Eastern",
        "20260115:0400-20260115:2000;20260116:0400-20260116:2000",
        "20260115:0930-20260115:1600;20260116:0930-20260116:1600",
        isin.isEmpty() ? Map.of() : Map.of("ISIN", isin),
        "1",
        "",
        "",
        "26,26,26,26,26",
        "",
        "COMMON",
        "0.0001",
        "0.0001",
        "100");
  }

  /**
   * A future, as in reference §10.6: {@code lastTradeDateOrContractMonth} with its time and zone,
   * the underlying named (an {@code IND} underlying makes it an index future).
   */
  public static TwsContractDetails future(
      TwsContract future,
      String longName,
      String lastTradeTime,
      int underConId,
      String underSecType) {
    String expiry = future.lastTradeDateOrContractMonth();
    TwsContract withTime =
        new TwsContract(
            future.conId(),
            future.symbol(),
            "FUT",
            expiry + " " + lastTradeTime,
            "0",
            "",
            future.multiplier(),
            future.exchange(),
            "",
            future.currency(),
            future.localSymbol(),
            future.tradingClass());
    return new TwsContractDetails(
        withTime,
        expiry,
        future.symbol(),
        "0.25",
        "ACTIVETIM,AD,ADJUST,ALERT,ALGO,LMT,MKT,STP,STPLMT,TRAIL",
        future.exchange() + ",QBALGO",
        underConId,
        longName,
        expiry.substring(0, 6),
        "US/Central",
        "20260114:1700-20260115:1600;20260115:1700-20260116:1600",
        "20260115:0830-20260115:1600;20260116:0830-20260116:1600",
        Map.of(),
        "2147483647",
        future.symbol(),
        underSecType,
        "67,67",
        expiry,
        "",
        "1",
        "1",
        "1");
  }

  /** A US equity option on SMART. */
  public static TwsContractDetails option(TwsContract option, String longName, int underConId) {
    return new TwsContractDetails(
        option,
        option.lastTradeDateOrContractMonth(),
        option.tradingClass(),
        "0.01",
        "ACTIVETIM,AD,ALERT,ALGO,LMT,MKT,STP,STPLMT",
        "SMART,AMEX,CBOE,ISE,PHLX",
        underConId,
        longName,
        option.lastTradeDateOrContractMonth().substring(0, 6),
        "US/Eastern",
        "20260115:0930-20260115:1600",
        "20260115:0930-20260115:1600",
        Map.of(),
        "2",
        option.symbol(),
        "STK",
        "32,32,32,32,32",
        option.lastTradeDateOrContractMonth(),
        "",
        "1",
        "1",
        "1");
  }
}
