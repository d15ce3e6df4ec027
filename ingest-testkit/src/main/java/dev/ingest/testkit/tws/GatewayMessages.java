package dev.ingest.testkit.tws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's messages at version 193, written from the layouts of the TWS reference (§5, §13),
 * field by field, as TWS fills them (version constants of §2.6, the unset markers of real
 * captures).
 */
final class GatewayMessages {
  private GatewayMessages() {}

  /** TWS's unset double, as Java's Double.toString writes Double.MAX_VALUE. */
  static final String UNSET_DOUBLE = "1.7976931348623157E308";

  static final String UNSET_INT = "2147483647";

  static List<String> serverVersion(int version, String connectionTime) {
    return List.of(Integer.toString(version), connectionTime);
  }

  static List<String> managedAccounts(List<String> accounts) {
    return List.of("15", "1", String.join(",", accounts));
  }

  static List<String> nextValidId(int orderId) {
    return List.of("9", "1", Integer.toString(orderId));
  }

  static List<String> error(int id, int code, String message) {
    return List.of("4", "2", Integer.toString(id), Integer.toString(code), message, "");
  }

  static List<String> currentTime(long epochSeconds) {
    return List.of("49", "1", Long.toString(epochSeconds));
  }

  static List<String> accountSummary(
      int reqId, String account, String tag, String value, String currency) {
    return List.of("63", "1", Integer.toString(reqId), account, tag, value, currency);
  }

  static List<String> accountSummaryEnd(int reqId) {
    return List.of("64", "1", Integer.toString(reqId));
  }

  static List<String> position(String account, TwsContract c, String quantity, String avgCost) {
    List<String> f = new ArrayList<>(16);
    f.add("61");
    f.add("3");
    f.add(account);
    addContract(f, c, c.right());
    f.add(quantity);
    f.add(avgCost);
    return List.copyOf(f);
  }

  static List<String> positionEnd() {
    return List.of("62", "1");
  }

  static List<String> orderStatus(TwsOrder o) {
    return List.of(
        "3",
        Integer.toString(o.orderId()),
        o.status(),
        o.filled(),
        o.remaining(),
        o.avgFillPrice(),
        Long.toString(o.permId()),
        "0",
        o.lastFillPrice(),
        Integer.toString(o.clientId()),
        "",
        "0");
  }

  static List<String> openOrderEnd() {
    return List.of("53", "1");
  }

  /**
   * OPEN_ORDER as TWS 193 sends a plain order: 141 fields, no optional group (reference §5.3 and
   * the §10.3 message stoqey decoded without leftovers).
   */
  static List<String> openOrder(TwsOrder o) {
    TwsContract c = o.contract();
    String e = UNSET_DOUBLE;
    List<String> f = new ArrayList<>(141);
    f.add("5");
    f.add(Integer.toString(o.orderId()));
    addContract(f, c, c.right().isEmpty() ? "?" : c.right());
    f.add(o.action()); // #13
    f.add(o.totalQuantity());
    f.add(o.orderType());
    f.add(o.lmtPrice());
    f.add(o.auxPrice());
    f.add(o.tif());
    f.add(""); // ocaGroup
    f.add(o.account()); // #20
    f.add(""); // openClose
    f.add("0"); // origin
    f.add(o.orderRef());
    f.add(Integer.toString(o.clientId()));
    f.add(Long.toString(o.permId())); // #25
    f.add("0"); // outsideRth
    f.add("0"); // hidden
    f.add("0"); // discretionaryAmt
    f.add(""); // goodAfterTime
    f.add(o.permId() + ".0/" + o.account() + "/" + o.totalQuantity()); // #30 sharesAllocation
    f.add(""); // faGroup
    f.add(""); // faMethod
    f.add(""); // faPercentage
    f.add(""); // modelCode
    f.add(""); // #35 goodTillDate
    f.add(""); // rule80A
    f.add(""); // percentOffset
    f.add(""); // settlingFirm
    f.add("0"); // shortSaleSlot
    f.add(""); // #40 designatedLocation
    f.add("-1"); // exemptCode
    f.add("0"); // auctionStrategy
    f.add(""); // startingPrice
    f.add(""); // stockRefPrice
    f.add(""); // #45 delta
    f.add(""); // stockRangeLower
    f.add(""); // stockRangeUpper
    f.add(UNSET_INT); // displaySize
    f.add("0"); // blockOrder
    f.add("0"); // #50 sweepToFill
    f.add("0"); // allOrNone
    f.add(""); // minQty
    f.add("3"); // ocaType
    f.add("0"); // eTradeOnly
    f.add("0"); // #55 firmQuoteOnly
    f.add(""); // nbboPriceCap
    f.add("0"); // parentId
    f.add("0"); // triggerMethod
    f.add(""); // volatility
    f.add("0"); // #60 volatilityType
    f.add("None"); // deltaNeutralOrderType: non-empty, so the next block is present
    f.add(""); // deltaNeutralAuxPrice
    f.add("0"); // deltaNeutralConId
    f.add(""); // deltaNeutralSettlingFirm
    f.add(""); // #65 deltaNeutralClearingAccount
    f.add(""); // deltaNeutralClearingIntent
    f.add("?"); // deltaNeutralOpenClose
    f.add("0"); // deltaNeutralShortSale
    f.add("0"); // deltaNeutralShortSaleSlot
    f.add(""); // #70 deltaNeutralDesignatedLocation
    f.add("0"); // continuousUpdate
    f.add("0"); // referencePriceType
    f.add(""); // trailStopPrice
    f.add(""); // trailingPercent
    f.add(""); // #75 basisPoints
    f.add(""); // basisPointsType
    f.add(""); // comboLegsDescrip
    f.add("0"); // comboLegsCount
    f.add("0"); // orderComboLegsCount
    f.add("0"); // #80 smartComboRoutingParamsCount
    f.add(UNSET_INT); // scaleInitLevelSize
    f.add(UNSET_INT); // scaleSubsLevelSize
    f.add(""); // scalePriceIncrement
    f.add(""); // hedgeType
    f.add("0"); // #85 optOutSmartRouting
    f.add(""); // clearingAccount
    f.add("IB"); // clearingIntent
    f.add("0"); // notHeld
    f.add("0"); // deltaNeutralContractPresent
    f.add(""); // #90 algoStrategy
    f.add("0"); // solicited
    f.add("0"); // whatIf
    f.add(o.status()); // #93 orderState.status
    for (int i = 0; i < 9; i++) {
      f.add(e); // #94-#102 margin values
    }
    f.add(""); // #103 commission
    f.add(""); // minCommission
    f.add(""); // #105 maxCommission
    f.add(""); // commissionCurrency
    f.add(""); // warningText
    f.add("0"); // randomizeSize
    f.add("0"); // randomizePrice
    f.add("0"); // #110 conditionsCount
    f.add("None"); // adjustedOrderType
    f.add(e); // triggerPrice
    f.add(e); // trailStopPrice
    f.add(e); // lmtPriceOffset
    f.add(e); // #115 adjustedStopPrice
    f.add(e); // adjustedStopLimitPrice
    f.add(e); // adjustedTrailingAmount
    f.add("0"); // adjustableTrailingUnit
    f.add(""); // softDollarTier.name
    f.add(""); // #120 softDollarTier.value
    f.add(""); // softDollarTier.displayName
    f.add(""); // cashQty
    f.add("1"); // dontUseAutoPriceForHedge (TWS's default, as captured)
    f.add("0"); // isOmsContainer
    f.add("0"); // #125 discretionaryUpToLimitPrice
    f.add("0"); // usePriceMgmtAlgo
    f.add(""); // duration
    f.add(""); // postToAts
    f.add("0"); // autoCancelParent
    f.add(UNSET_INT); // #130 minTradeQty
    f.add(UNSET_INT); // minCompeteSize
    f.add(""); // competeAgainstBestOffset
    f.add(""); // midOffsetAtWhole
    f.add(""); // midOffsetAtHalf
    f.add(""); // #135 customerAccount
    f.add("0"); // professionalCustomer
    f.add(""); // bondAccruedInterest
    f.add("0"); // includeOvernight
    f.add(""); // extOperator
    f.add(""); // #140 manualOrderIndicator
    return f;
  }

  static List<String> execution(int reqId, TwsExecution x) {
    TwsContract c = x.contract();
    List<String> f = new ArrayList<>(32);
    f.add("11");
    f.add(Integer.toString(reqId));
    f.add(Integer.toString(x.orderId()));
    addContract(f, c, c.right());
    f.add(x.execId());
    f.add(x.time());
    f.add(x.account());
    f.add(x.exchange());
    f.add(x.side());
    f.add(x.shares());
    f.add(x.price());
    f.add(Long.toString(x.permId()));
    f.add(Integer.toString(x.clientId()));
    f.add("0"); // liquidation
    f.add(x.cumQty());
    f.add(x.avgPrice());
    f.add(x.orderRef());
    f.add(""); // evRule
    f.add(""); // evMultiplier
    f.add(""); // modelCode
    f.add("2"); // lastLiquidity: removed
    f.add("0"); // pendingPriceRevision
    return List.copyOf(f);
  }

  static List<String> commissionReport(TwsExecution x) {
    return List.of(
        "59",
        "1",
        x.execId(),
        x.commission(),
        x.commissionCurrency(),
        UNSET_DOUBLE,
        UNSET_DOUBLE,
        "");
  }

  static List<String> executionEnd(int reqId) {
    return List.of("55", "1", Integer.toString(reqId));
  }

  /** CONTRACT_DATA: 42 fields plus the secIdList pairs (reference §13.2). */
  static List<String> contractData(int reqId, TwsContractDetails d) {
    TwsContract c = d.contract();
    List<String> f = new ArrayList<>(48);
    f.add("10");
    f.add(Integer.toString(reqId));
    f.add(c.symbol());
    f.add(c.secType());
    f.add(c.lastTradeDateOrContractMonth());
    f.add(d.lastTradeDate());
    f.add(c.strike());
    f.add(c.right());
    f.add(c.exchange());
    f.add(c.currency());
    f.add(c.localSymbol()); // #10
    f.add(d.marketName());
    f.add(c.tradingClass());
    f.add(Integer.toString(c.conId()));
    f.add(d.minTick());
    f.add(c.multiplier()); // #15
    f.add(d.orderTypes());
    f.add(d.validExchanges());
    f.add("1"); // priceMagnifier
    f.add(Integer.toString(d.underConId()));
    f.add(d.longName()); // #20
    f.add(c.primaryExch());
    f.add(d.contractMonth());
    f.add(""); // industry
    f.add(""); // category
    f.add(""); // #25 subcategory
    f.add(d.timeZoneId());
    f.add(d.tradingHours());
    f.add(d.liquidHours());
    f.add(""); // evRule
    f.add(""); // #30 evMultiplier
    f.add(Integer.toString(d.secIds().size()));
    for (Map.Entry<String, String> id : d.secIds().entrySet()) {
      f.add(id.getKey());
      f.add(id.getValue());
    }
    f.add(d.aggGroup());
    f.add(d.underSymbol());
    f.add(d.underSecType());
    f.add(d.marketRuleIds()); // #35
    f.add(d.realExpirationDate());
    f.add(d.stockType());
    f.add(d.minSize());
    f.add(d.sizeIncrement());
    f.add(d.suggestedSizeIncrement()); // #40
    f.add("0"); // ineligibilityReasonCount
    return f;
  }

  static List<String> contractDataEnd(int reqId) {
    return List.of("52", "1", Integer.toString(reqId));
  }

  /**
   * The eleven contract fields POSITION, OPEN_ORDER and EXECUTION_DATA carry in the same order
   * (reference §5.2-§5.4), without primaryExch. CONTRACT_DATA orders its contract fields
   * differently (§13.2) and writes its own. {@code right} is passed because OPEN_ORDER writes
   * {@code ?} where the others leave it empty.
   */
  private static void addContract(List<String> f, TwsContract c, String right) {
    f.add(Integer.toString(c.conId()));
    f.add(c.symbol());
    f.add(c.secType());
    f.add(c.lastTradeDateOrContractMonth());
    f.add(c.strike());
    f.add(right);
    f.add(c.multiplier());
    f.add(c.exchange());
    f.add(c.currency());
    f.add(c.localSymbol());
    f.add(c.tradingClass());
  }
}
