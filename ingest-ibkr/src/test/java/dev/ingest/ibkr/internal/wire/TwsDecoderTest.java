package dev.ingest.ibkr.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Round trips for every incoming message in scope (record -> frame -> record), and the reference's
 * real captures decoded to the values the reference gives.
 */
class TwsDecoderTest {

  static final WireContract AAPL =
      new WireContract(265598, "AAPL", "STK", "", 0.0, "", "", "NASDAQ", "", "USD", "AAPL", "NMS");
  static final WireContract SPY_CALL =
      new WireContract(
          512345678,
          "SPY",
          "OPT",
          "20260320",
          600.0,
          "C",
          "100",
          "SMART",
          "",
          "USD",
          "SPY   260320C00600000",
          "SPY");

  @Test
  void aPositionRoundTrips() {
    // Given
    PositionMessage position =
        new PositionMessage("DU1234567", SPY_CALL, new BigDecimal("-2"), 512.3);

    // When
    Object decoded = Recorder.decodeOne(WireText.position(position));

    // Then
    assertThat(decoded).isEqualTo(position);
  }

  @Test
  void theReferencePositionCaptureDecodesToItsValues() {
    // Given the capture of reference §5.2
    // When
    PositionMessage p = (PositionMessage) Recorder.decodeOne(WireText.REFERENCE_POSITION);

    // Then
    assertThat(p.account()).isEqualTo("DU9000001");
    assertThat(p.contract())
        .isEqualTo(
            new WireContract(
                3691937, "AMZN", "STK", "", 0.0, "", "", "NASDAQ", "", "USD", "AMZN", "NMS"));
    assertThat(p.position()).isEqualByComparingTo("15");
    assertThat(p.avgCost()).isEqualTo(200.25);
  }

  @Test
  void accountSummaryRowsAndTheirEndRoundTrip() {
    // Given
    AccountSummaryMessage net =
        new AccountSummaryMessage(101, "DU1234567", "NetLiquidation", "100000.00", "USD");
    AccountSummaryMessage type =
        new AccountSummaryMessage(101, "DU1234567", "AccountType", "INDIVIDUAL", "");

    // When
    List<Object> decoded =
        Recorder.decodeAll(
            WireText.stream(
                WireText.accountSummary(net), WireText.accountSummary(type), "64|1|101|"));

    // Then
    assertThat(decoded).containsExactly(net, type, new Recorder.End("ACCOUNT_SUMMARY_END", 101));
  }

  @Test
  void anOrderStatusRoundTrips() {
    // Given
    OrderStatusMessage status =
        new OrderStatusMessage(
            13,
            "Filled",
            new BigDecimal("100"),
            BigDecimal.ZERO,
            196.45,
            1376327563L,
            0,
            196.45,
            100,
            "",
            0.0);

    // When / Then
    assertThat(Recorder.decodeOne(WireText.orderStatus(status))).isEqualTo(status);
  }

  @Test
  void theReferenceOrderStatusDecodes() {
    // Given reference §5.3's example
    OrderStatusMessage s =
        (OrderStatusMessage) Recorder.decodeOne("3|13|PreSubmitted|0|100|0|1376327563|0|0|100||0|");

    // Then
    assertThat(s.orderId()).isEqualTo(13);
    assertThat(s.status()).isEqualTo("PreSubmitted");
    assertThat(s.filled()).isEqualByComparingTo("0");
    assertThat(s.remaining()).isEqualByComparingTo("100");
    assertThat(s.permId()).isEqualTo(1376327563L);
    assertThat(s.clientId()).isEqualTo(100);
  }

  @Test
  void theReferenceOpenOrderDecodesAllItsFieldsToTheirValues() {
    // Given the 141-field OPEN_ORDER of reference §10.3
    assertThat(WireText.REFERENCE_OPEN_ORDER.split("\\|", -1)).hasSize(142);

    // When
    OpenOrderMessage o = (OpenOrderMessage) Recorder.decodeOne(WireText.REFERENCE_OPEN_ORDER);

    // Then
    assertThat(o.orderId()).isEqualTo(13);
    assertThat(o.contract().conId()).isEqualTo(76792991);
    assertThat(o.contract().symbol()).isEqualTo("TSLA");
    assertThat(o.contract().right()).isEqualTo("?");
    assertThat(o.action()).isEqualTo("BUY");
    assertThat(o.totalQuantity()).isEqualByComparingTo("100");
    assertThat(o.orderType()).isEqualTo("LMT");
    assertThat(o.lmtPrice()).isEqualTo(196.5);
    assertThat(o.auxPrice()).isEqualTo(0.0);
    assertThat(o.tif()).isEqualTo("DAY");
    assertThat(o.account()).isEqualTo("DU1234567");
    assertThat(o.orderRef()).isEqualTo("myRef");
    assertThat(o.clientId()).isEqualTo(100);
    assertThat(o.permId()).isEqualTo(1376327563L);
    assertThat(o.status()).isEqualTo("Submitted");
    assertThat(o.commission()).isEqualTo(Double.MAX_VALUE);
    assertThat(o.trailStopPrice()).isEqualTo(Double.MAX_VALUE);
    assertThat(o.cashQty()).isEqualTo(Double.MAX_VALUE);
  }

  @Test
  void anOpenOrderRoundTrips() {
    // Given
    OpenOrderMessage order =
        new OpenOrderMessage(
            21,
            SPY_CALL,
            "SELL",
            new BigDecimal("3"),
            "STP LMT",
            4.25,
            4.5,
            "GTC",
            "",
            "DU1234567",
            "C",
            0,
            "hedge-7",
            7,
            9_876_543_210L,
            true,
            "",
            "20260320 16:00:00 US/Eastern",
            0,
            Double.MAX_VALUE,
            Double.MAX_VALUE,
            "",
            false,
            "PreSubmitted",
            1.25,
            1.0,
            2.0,
            "USD",
            "",
            Double.MAX_VALUE);

    // When / Then
    assertThat(Recorder.decodeOne(WireText.openOrder(order))).isEqualTo(order);
  }

  @Test
  void anOpenOrderWithEveryOptionalGroupDecodes() {
    // Given the reference order with: an empty deltaNeutralOrderType (no 8-field block), one combo
    // leg, one order combo leg price, one smart-routing param, a scale block, a hedge param, a
    // delta-neutral contract, an algo with two params, PEG BENCH fields and two conditions
    String[] f = WireText.REFERENCE_OPEN_ORDER.split("\\|", -1);
    java.util.List<String> fields = new java.util.ArrayList<>(java.util.List.of(f));
    fields.remove(fields.size() - 1);
    fields.set(15, "PEG BENCH");
    // from the end backwards so indices stay valid
    // #110 conditionsCount -> 2 conditions + ignoreRth + cancelOrder, after PEG BENCH block
    int conditions = 110;
    fields.set(conditions, "2");
    fields.addAll(
        conditions + 1,
        List.of("1", "a", "1", "200.5", "265598", "SMART", "0", "5", "o", "STK", "SMART", "AAPL")
            .subList(0, 12));
    fields.addAll(conditions + 13, List.of("1", "0"));
    fields.addAll(conditions, List.of("265598", "0", "1.5", "2.5", "ISLAND"));
    // #90 algoStrategy with two params
    fields.set(90, "Adaptive");
    fields.addAll(91, List.of("2", "adaptivePriority", "Normal", "x", "y"));
    // #89 deltaNeutralContractPresent
    fields.set(89, "1");
    fields.addAll(90, List.of("1234", "0.5", "101.25"));
    // #84 hedgeType + hedgeParam
    fields.set(84, "D");
    fields.add(85, "0.5");
    // #83 scalePriceIncrement > 0 -> 7 more
    fields.set(83, "0.05");
    fields.addAll(84, List.of("0.01", "10", "0.2", "1", "100", "0", "0"));
    // #80 smart params, #79 order combo legs, #78 combo legs
    fields.set(80, "1");
    fields.addAll(81, List.of("NonGuaranteed", "1"));
    fields.set(79, "1");
    fields.add(80, "1.5");
    fields.set(78, "1");
    fields.addAll(79, List.of("265598", "1", "BUY", "SMART", "0", "0", "", "-1"));
    // #61 empty deltaNeutralOrderType: the 8-field block #63-#70 is absent
    fields.set(61, "");
    for (int i = 0; i < 8; i++) {
      fields.remove(63);
    }

    // When
    OpenOrderMessage o = (OpenOrderMessage) Recorder.decodeOne(WireText.join(fields));

    // Then
    assertThat(o.orderType()).isEqualTo("PEG BENCH");
    assertThat(o.algoStrategy()).isEqualTo("Adaptive");
    assertThat(o.status()).isEqualTo("Submitted");
    assertThat(o.permId()).isEqualTo(1376327563L);
  }

  @Test
  void anExecutionRoundTrips() {
    // Given
    ExecutionMessage exec =
        new ExecutionMessage(
            102,
            13,
            SPY_CALL,
            "0000e0d5.69dd7411.01.01",
            "20260413 15:27:04 US/Eastern",
            "DU1234567",
            "CBOE",
            "SLD",
            new BigDecimal("2"),
            5.15,
            1376327563L,
            7,
            0,
            new BigDecimal("2"),
            5.15,
            "hedge-7",
            "",
            0.0,
            "",
            2,
            false);

    // When / Then
    assertThat(Recorder.decodeOne(WireText.execution(exec))).isEqualTo(exec);
  }

  @Test
  void theReferenceExecutionCaptureDecodes() {
    // When
    ExecutionMessage e = (ExecutionMessage) Recorder.decodeOne(WireText.REFERENCE_EXECUTION);

    // Then
    assertThat(e.reqId()).isEqualTo(-1);
    assertThat(e.execId()).isEqualTo("0000e0d5.69dd7411.01.01");
    assertThat(e.time()).isEqualTo("20260413 15:27:04 US/Eastern");
    assertThat(e.acctNumber()).isEqualTo("DUP770846");
    assertThat(e.side()).isEqualTo("BOT");
    assertThat(e.shares()).isEqualByComparingTo("1");
    assertThat(e.price()).isEqualTo(257.95);
    assertThat(e.permId()).isEqualTo(389211034L);
    assertThat(e.lastLiquidity()).isEqualTo(2);
    assertThat(e.pendingPriceRevision()).isFalse();
  }

  @Test
  void aCommissionReportRoundTrips() {
    // Given
    CommissionReportMessage report =
        new CommissionReportMessage(
            "0000e0d5.69dd7411.01.01", 1.05, "USD", Double.MAX_VALUE, Double.MAX_VALUE, 0);

    // When / Then
    assertThat(Recorder.decodeOne(WireText.commissionReport(report))).isEqualTo(report);
  }

  @Test
  void theReferenceContractDataDecodesToStoqeysValues() {
    // When
    ContractDetailsMessage d =
        (ContractDetailsMessage) Recorder.decodeOne(WireText.REFERENCE_CONTRACT_DATA);

    // Then: the values of reference §10.6
    assertThat(d.reqId()).isEqualTo(1001);
    assertThat(d.contract().lastTradeDateOrContractMonth()).isEqualTo("20261218 08:30 US/Central");
    assertThat(d.lastTradeDate()).isEqualTo("20261218");
    assertThat(d.contract().conId()).isEqualTo(649180695);
    assertThat(d.contract().multiplier()).isEqualTo("50");
    assertThat(d.contract().localSymbol()).isEqualTo("ESZ6");
    assertThat(d.minTick()).isEqualTo(0.25);
    assertThat(d.underConId()).isEqualTo(11004968);
    assertThat(d.longName()).isEqualTo("E-mini S&P 500");
    assertThat(d.contractMonth()).isEqualTo("202612");
    assertThat(d.timeZoneId()).isEqualTo("US/Central");
    assertThat(d.aggGroup()).isEqualTo(Integer.MAX_VALUE);
    assertThat(d.underSymbol()).isEqualTo("ES");
    assertThat(d.underSecType()).isEqualTo("IND");
    assertThat(d.marketRuleIds()).isEqualTo("67,67");
    assertThat(d.realExpirationDate()).isEqualTo("20261218");
    assertThat(d.minSize()).isEqualByComparingTo("1");
    assertThat(d.suggestedSizeIncrement()).isEqualByComparingTo("1");
  }

  @Test
  void contractDataWithSecIdsRoundTrips() {
    // Given a US stock answer with an ISIN, as in the TSLA fixture of reference §13.6
    ContractDetailsMessage tsla =
        new ContractDetailsMessage(
            7,
            new WireContract(
                76792991, "TSLA", "STK", "", 0.0, "", "", "SMART", "NASDAQ", "USD", "TSLA", "NMS"),
            "",
            "NMS",
            0.01,
            "LMT,MKT",
            "SMART,AMEX",
            1,
            0,
            "TESLA INC",
            "",
            "Consumer, Cyclical",
            "Auto Manufacturers",
            "Auto-Cars/Light Trucks",
            "US/Eastern",
            "20260115:0400-20260115:2000",
            "20260115:0930-20260115:1600",
            "",
            0.0,
            Map.of("ISIN", "US88160R1014"),
            1,
            "",
            "",
            "26,26",
            "",
            "COMMON",
            new BigDecimal("0.0001"),
            new BigDecimal("0.0001"),
            new BigDecimal("100"));

    // When / Then
    assertThat(Recorder.decodeOne(WireText.contractData(tsla))).isEqualTo(tsla);
  }

  @Test
  void anErrorMessageIsUnescaped() {
    // Given a TWS text with an escaped non-ASCII character (server version >= 153)
    String text = "4|2|1002|200|Keine Wertpapierdefinition gefunden \\u00fcber die Anfrage||";

    // When
    ErrorMessage e = (ErrorMessage) Recorder.decodeOne(text);

    // Then
    assertThat(e)
        .isEqualTo(
            new ErrorMessage(
                1002, 200, "Keine Wertpapierdefinition gefunden über die Anfrage", ""));
  }

  @Test
  void sessionMessagesDecode() {
    // Given the frames TWS sends after START_API
    byte[] stream =
        WireText.stream(
            "15|1|DU1234567,DU7654321,|",
            "9|1|1|",
            "49|1|1768490400|",
            "62|1|",
            "53|1|",
            "55|1|102|",
            "52|1|1001|");

    // When / Then
    assertThat(Recorder.decodeAll(stream))
        .containsExactly(
            new Recorder.Accounts("DU1234567,DU7654321,"),
            new Recorder.NextId(1),
            new Recorder.Time(1768490400L),
            new Recorder.End("POSITION_END", 0),
            new Recorder.End("OPEN_ORDER_END", 0),
            new Recorder.End("EXECUTION_DATA_END", 102),
            new Recorder.End("CONTRACT_DATA_END", 1001));
  }

  @Test
  void messagesThisClientDoesNotUseAreSkippedWhole() {
    // Given a tick price, a depth row and a news bulletin between two known frames
    byte[] stream =
        WireText.stream(
            "9|1|5|",
            "1|6|1001|68|255.45|200|0|",
            "12|1|301|0|0|1|150.25|100|",
            "14|1|7|1|Exchange halted|NYSE|",
            "62|1|");

    // When / Then
    assertThat(Recorder.decodeAll(stream))
        .containsExactly(
            new Recorder.NextId(5),
            new Recorder.Skipped(1),
            new Recorder.Skipped(12),
            new Recorder.Skipped(14),
            new Recorder.End("POSITION_END", 0));
  }
}
