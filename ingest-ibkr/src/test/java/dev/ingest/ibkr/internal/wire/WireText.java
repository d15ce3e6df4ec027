package dev.ingest.ibkr.internal.wire;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Test-side writer of incoming frames, in the reference's pipe notation ({@code 61|3|DU1|...|},
 * every field followed by {@code |}, which becomes NUL). It knows the layouts of reference §5 and
 * §13 on its own, so a decoder bug and a writer bug must coincide to hide each other.
 */
final class WireText {
  private WireText() {}

  /** Pipe text to a frame: 4-byte length, then the fields NUL-terminated. */
  static byte[] frame(String pipeText) {
    byte[] payload = pipeText.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[4 + payload.length];
    out[0] = (byte) (payload.length >>> 24);
    out[1] = (byte) (payload.length >>> 16);
    out[2] = (byte) (payload.length >>> 8);
    out[3] = (byte) payload.length;
    System.arraycopy(payload, 0, out, 4, payload.length);
    return out;
  }

  static byte[] stream(String... pipeTexts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String text : pipeTexts) {
      out.writeBytes(frame(text));
    }
    return out.toByteArray();
  }

  /** Fields to pipe text. */
  static String join(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (String f : fields) {
      out.append(f).append('|');
    }
    return out.toString();
  }

  /** The fields of a frame (length prefix dropped), for outgoing checks. */
  static List<String> fields(byte[] frame) {
    String text = new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(Arrays.asList(text.split("\0", -1)));
    out.remove(out.size() - 1);
    return out;
  }

  static String num(double value) {
    return Double.toString(value);
  }

  static String max(double value) {
    return value == Double.MAX_VALUE ? "" : Double.toString(value);
  }

  static String dec(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  static String bool(boolean value) {
    return value ? "1" : "0";
  }

  // ------------------------------------------------------------------ messages

  static String position(PositionMessage m) {
    WireContract c = m.contract();
    return join(
        List.of(
            "61",
            "3",
            m.account(),
            Integer.toString(c.conId()),
            c.symbol(),
            c.secType(),
            c.lastTradeDateOrContractMonth(),
            num(c.strike()),
            c.right(),
            c.multiplier(),
            c.exchange(),
            c.currency(),
            c.localSymbol(),
            c.tradingClass(),
            dec(m.position()),
            num(m.avgCost())));
  }

  static String accountSummary(AccountSummaryMessage m) {
    return join(
        List.of(
            "63", "1", Integer.toString(m.reqId()), m.account(), m.tag(), m.value(), m.currency()));
  }

  static String orderStatus(OrderStatusMessage m) {
    return join(
        List.of(
            "3",
            Integer.toString(m.orderId()),
            m.status(),
            dec(m.filled()),
            dec(m.remaining()),
            num(m.avgFillPrice()),
            Long.toString(m.permId()),
            Integer.toString(m.parentId()),
            num(m.lastFillPrice()),
            Integer.toString(m.clientId()),
            m.whyHeld(),
            num(m.mktCapPrice())));
  }

  static String commissionReport(CommissionReportMessage m) {
    return join(
        List.of(
            "59",
            "1",
            m.execId(),
            num(m.commission()),
            m.currency(),
            num(m.realizedPnl()),
            num(m.yield()),
            Integer.toString(m.yieldRedemptionDate())));
  }

  static String error(ErrorMessage m) {
    return join(
        List.of(
            "4",
            "2",
            Integer.toString(m.id()),
            Integer.toString(m.code()),
            m.message(),
            m.advancedOrderRejectJson()));
  }

  static String execution(ExecutionMessage m) {
    WireContract c = m.contract();
    return join(
        List.of(
            "11",
            Integer.toString(m.reqId()),
            Integer.toString(m.orderId()),
            Integer.toString(c.conId()),
            c.symbol(),
            c.secType(),
            c.lastTradeDateOrContractMonth(),
            num(c.strike()),
            c.right(),
            c.multiplier(),
            c.exchange(),
            c.currency(),
            c.localSymbol(),
            c.tradingClass(),
            m.execId(),
            m.time(),
            m.acctNumber(),
            m.exchange(),
            m.side(),
            dec(m.shares()),
            num(m.price()),
            Long.toString(m.permId()),
            Integer.toString(m.clientId()),
            Integer.toString(m.liquidation()),
            dec(m.cumQty()),
            num(m.avgPrice()),
            m.orderRef(),
            m.evRule(),
            num(m.evMultiplier()),
            m.modelCode(),
            Integer.toString(m.lastLiquidity()),
            bool(m.pendingPriceRevision())));
  }

  static String contractData(ContractDetailsMessage m) {
    WireContract c = m.contract();
    List<String> f = new ArrayList<>();
    f.addAll(
        List.of(
            "10",
            Integer.toString(m.reqId()),
            c.symbol(),
            c.secType(),
            c.lastTradeDateOrContractMonth(),
            m.lastTradeDate(),
            num(c.strike()),
            c.right(),
            c.exchange(),
            c.currency(),
            c.localSymbol(),
            m.marketName(),
            c.tradingClass(),
            Integer.toString(c.conId()),
            num(m.minTick()),
            c.multiplier(),
            m.orderTypes(),
            m.validExchanges(),
            Integer.toString(m.priceMagnifier()),
            Integer.toString(m.underConId()),
            m.longName(),
            c.primaryExch(),
            m.contractMonth(),
            m.industry(),
            m.category(),
            m.subcategory(),
            m.timeZoneId(),
            m.tradingHours(),
            m.liquidHours(),
            m.evRule(),
            num(m.evMultiplier()),
            Integer.toString(m.secIds().size())));
    for (Map.Entry<String, String> id : m.secIds().entrySet()) {
      f.add(id.getKey());
      f.add(id.getValue());
    }
    f.addAll(
        List.of(
            Integer.toString(m.aggGroup()),
            m.underSymbol(),
            m.underSecType(),
            m.marketRuleIds(),
            m.realExpirationDate(),
            m.stockType(),
            dec(m.minSize()),
            dec(m.sizeIncrement()),
            dec(m.suggestedSizeIncrement()),
            "0"));
    return join(f);
  }

  /**
   * OPEN_ORDER in the common case (no optional group): the 141 fields of reference §5.3, with the
   * kept values from {@code m} and the reference sample's values for the rest.
   */
  static String openOrder(OpenOrderMessage m) {
    WireContract c = m.contract();
    String e = FieldReader.UNSET_DOUBLE_TEXT;
    List<String> f = new ArrayList<>();
    f.addAll(
        List.of(
            "5",
            Integer.toString(m.orderId()),
            Integer.toString(c.conId()),
            c.symbol(),
            c.secType(),
            c.lastTradeDateOrContractMonth(),
            num(c.strike()),
            c.right(),
            c.multiplier(),
            c.exchange(),
            c.currency(),
            c.localSymbol(),
            c.tradingClass(),
            m.action(),
            dec(m.totalQuantity()),
            m.orderType(),
            max(m.lmtPrice()),
            max(m.auxPrice()),
            m.tif(),
            m.ocaGroup(),
            m.account(),
            m.openClose(),
            Integer.toString(m.origin()),
            m.orderRef(),
            Integer.toString(m.clientId()),
            Long.toString(m.permId()),
            bool(m.outsideRth()),
            "0", // hidden
            "0", // discretionaryAmt
            m.goodAfterTime(),
            "", // sharesAllocation
            "",
            "",
            "", // fa group, method, percentage
            "", // modelCode
            m.goodTillDate(),
            "", // rule80A
            "", // percentOffset
            "", // settlingFirm
            "0", // shortSaleSlot
            "", // designatedLocation
            "-1", // exemptCode
            "0", // auctionStrategy
            "",
            "",
            "",
            "",
            "", // starting price .. stockRangeUpper
            "2147483647", // displaySize
            "0",
            "0",
            "0", // block, sweep, allOrNone
            "", // minQty
            "3", // ocaType
            "0",
            "0", // eTradeOnly, firmQuoteOnly
            "", // nbboPriceCap
            Integer.toString(m.parentId()),
            "0", // triggerMethod
            "", // volatility
            "0", // volatilityType
            "None", // deltaNeutralOrderType
            "", // deltaNeutralAuxPrice
            "0",
            "",
            "",
            "",
            "?",
            "0",
            "0",
            "", // the delta-neutral block
            "0",
            "0", // continuousUpdate, referencePriceType
            "", // trailStopPrice (#73)
            max(m.trailingPercent()),
            "",
            "2147483647", // basisPoints, basisPointsType
            "", // comboLegsDescrip
            "0",
            "0",
            "0", // combo legs, order combo legs, smart params
            "2147483647",
            "2147483647",
            "", // scale
            "", // hedgeType
            "0",
            "",
            "IB",
            "0", // optOut, clearingAccount, clearingIntent, notHeld
            "0", // deltaNeutralContractPresent
            m.algoStrategy(),
            "0", // solicited
            bool(m.whatIf()),
            m.status(),
            e,
            e,
            e,
            e,
            e,
            e,
            e,
            e,
            e,
            max(m.commission()),
            max(m.minCommission()),
            max(m.maxCommission()),
            m.commissionCurrency(),
            m.warningText(),
            "0",
            "0", // randomize
            "0", // conditionsCount
            "None", // adjustedOrderType
            "", // triggerPrice
            max(m.trailStopPrice()),
            "",
            "",
            "",
            "", // lmtPriceOffset, adjusted stop, stop limit, trailing amount
            "0", // adjustableTrailingUnit
            "",
            "",
            "", // soft dollar tier
            max(m.cashQty()),
            "0",
            "0",
            "0",
            "0", // dontUseAutoPrice, isOms, discretionaryUpTo, usePriceMgmtAlgo
            "2147483647",
            "2147483647", // duration, postToAts
            "0", // autoCancelParent
            "2147483647",
            "2147483647",
            "",
            "",
            "", // peg best/mid
            "",
            "0",
            "",
            "0", // customerAccount, professional, bondAccrued, includeOvernight
            "",
            "")); // extOperator, manualOrderIndicator
    if (!m.algoStrategy().isEmpty()) {
      throw new IllegalArgumentException("use a handwritten frame for algo params");
    }
    return join(f);
  }

  /** The reference §10.3 OPEN_ORDER at 193, written with {@code E} for the unset double. */
  static final String REFERENCE_OPEN_ORDER =
      ("5|13|76792991|TSLA|STK||0|?||SMART|USD|TSLA|NMS|BUY|100|LMT|196.5|0.0|DAY||DU1234567||0"
              + "|myRef|100|1376327563|0|0|0||1376327563.0/DU1234567/100|||||||||0||-1|0||||||"
              + "2147483647|0|0|0||3|0|0||0|0||0|None||0||||?|0|0||0|0||||||0|0|0|2147483647|"
              + "2147483647|||0||IB|0|0||0|0|Submitted|E|E|E|E|E|E|E|E|E||||||0|0|0|None|E|E|E|E|E"
              + "|E|0|||||1|0|0|0|||0|2147483647|2147483647|||||0||0|||")
          .replace("E", FieldReader.UNSET_DOUBLE_TEXT);

  /** The reference §10.6 CONTRACT_DATA for ES December 2026. */
  static final String REFERENCE_CONTRACT_DATA =
      "10|1001|ES|FUT|20261218 08:30 US/Central|20261218|0||CME|USD|ESZ6|ES|ES|649180695|0.25|50"
          + "|ACTIVETIM,AD,ADJUST,ALERT,ALGO,LMT,MKT,STP,STPLMT,TRAIL|CME,QBALGO|1|11004968"
          + "|E-mini S&P 500||202612||||US/Central"
          + "|20260114:1700-20260115:1600;20260115:1700-20260116:1600"
          + "|20260115:0830-20260115:1600;20260116:0830-20260116:1600|||0|2147483647|ES|IND|67,67"
          + "|20261218||1|1|1|0|";

  /** The reference §5.2 POSITION capture (sv 200, same at 193). */
  static final String REFERENCE_POSITION =
      "61|3|DU9000001|3691937|AMZN|STK||0.0|||NASDAQ|USD|AMZN|NMS|15|200.25|";

  /** The reference §5.4 EXECUTION_DATA capture without the sv-198 submitter field. */
  static final String REFERENCE_EXECUTION =
      "11|-1|1|265598|AAPL|STK||0.0|||IEX|USD|AAPL|NMS|0000e0d5.69dd7411.01.01"
          + "|20260413 15:27:04 US/Eastern|DUP770846|IEX|BOT|1|257.95|389211034|94|0|1|257.95"
          + "|||||2|0|";
}
