package dev.ingest.ibkr.internal.wire;

import static dev.ingest.ibkr.internal.wire.MessageIds.ACCOUNT_SUMMARY;
import static dev.ingest.ibkr.internal.wire.MessageIds.ACCOUNT_SUMMARY_END;
import static dev.ingest.ibkr.internal.wire.MessageIds.COMMISSION_REPORT;
import static dev.ingest.ibkr.internal.wire.MessageIds.CONTRACT_DATA;
import static dev.ingest.ibkr.internal.wire.MessageIds.CONTRACT_DATA_END;
import static dev.ingest.ibkr.internal.wire.MessageIds.CURRENT_TIME;
import static dev.ingest.ibkr.internal.wire.MessageIds.ERR_MSG;
import static dev.ingest.ibkr.internal.wire.MessageIds.EXECUTION_DATA;
import static dev.ingest.ibkr.internal.wire.MessageIds.EXECUTION_DATA_END;
import static dev.ingest.ibkr.internal.wire.MessageIds.MANAGED_ACCTS;
import static dev.ingest.ibkr.internal.wire.MessageIds.NEXT_VALID_ID;
import static dev.ingest.ibkr.internal.wire.MessageIds.OPEN_ORDER;
import static dev.ingest.ibkr.internal.wire.MessageIds.OPEN_ORDER_END;
import static dev.ingest.ibkr.internal.wire.MessageIds.ORDER_STATUS;
import static dev.ingest.ibkr.internal.wire.MessageIds.POSITION;
import static dev.ingest.ibkr.internal.wire.MessageIds.POSITION_END;

import dev.ingest.api.error.DataValidationException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes incoming TWS payloads at server version 193, field by field in the order of reference §5
 * and §13, and hands each complete message to a {@link TwsHandler}.
 *
 * <p>A payload whose id is not one TWS can send, a missing field, a leftover field or a number that
 * does not parse throws a {@link DataValidationException} naming the message and field (and byte
 * offset); the handler then hears nothing of that frame. Messages TWS may send but this client does
 * not use (ticks, depth, news, ...) are skipped whole by their length.
 *
 * <p>Not thread-safe; one per reading thread.
 */
public final class TwsDecoder {
  private final TwsHandler handler;
  private final FieldReader in = new FieldReader();

  public TwsDecoder(TwsHandler handler) {
    this.handler = handler;
  }

  /**
   * Decodes one payload {@code buf[start, end)} (NUL-terminated fields, without the length prefix)
   * that began at {@code streamOffset}.
   *
   * @return the message id
   */
  public int decode(byte[] buf, int start, int end, long streamOffset) {
    in.reset(buf, start, end, streamOffset);
    int id = in.readInt("msgId");
    in.message(MessageIds.incomingName(id));
    switch (id) {
      case ERR_MSG:
        errMsg();
        break;
      case NEXT_VALID_ID:
        in.skip("version");
        int orderId = in.readInt("orderId");
        in.expectEnd();
        handler.nextValidId(orderId);
        break;
      case MANAGED_ACCTS:
        in.skip("version");
        String accounts = in.readString("accountsList");
        in.expectEnd();
        handler.managedAccounts(accounts);
        break;
      case CURRENT_TIME:
        in.skip("version");
        long time = in.readLong("time");
        in.expectEnd();
        handler.currentTime(time);
        break;
      case ACCOUNT_SUMMARY:
        accountSummary();
        break;
      case ACCOUNT_SUMMARY_END:
        in.skip("version");
        int summaryReqId = in.readInt("reqId");
        in.expectEnd();
        handler.accountSummaryEnd(summaryReqId);
        break;
      case POSITION:
        position();
        break;
      case POSITION_END:
        in.skip("version");
        in.expectEnd();
        handler.positionEnd();
        break;
      case ORDER_STATUS:
        orderStatus();
        break;
      case OPEN_ORDER:
        openOrder();
        break;
      case OPEN_ORDER_END:
        in.skip("version");
        in.expectEnd();
        handler.openOrderEnd();
        break;
      case EXECUTION_DATA:
        execution();
        break;
      case EXECUTION_DATA_END:
        in.skip("version");
        int execReqId = in.readInt("reqId");
        in.expectEnd();
        handler.executionEnd(execReqId);
        break;
      case COMMISSION_REPORT:
        commissionReport();
        break;
      case CONTRACT_DATA:
        contractData();
        break;
      case CONTRACT_DATA_END:
        in.skip("version");
        int detailsReqId = in.readInt("reqId");
        in.expectEnd();
        handler.contractDetailsEnd(detailsReqId);
        break;
      default:
        if (!MessageIds.isKnownIncoming(id)) {
          throw new DataValidationException(
              "TwsFrame.msgId",
              "unknown message id "
                  + id
                  + " for server version 193 (frame of "
                  + (end - start)
                  + " bytes at byte offset "
                  + streamOffset
                  + ")");
        }
        handler.skipped(id);
        break;
    }
    return id;
  }

  private void errMsg() {
    in.skip("version");
    int id = in.readInt("id");
    int code = in.readInt("errorCode");
    String message = in.readEscapedString("errorMessage");
    String json = in.readEscapedString("advancedOrderRejectJson");
    in.expectEnd();
    handler.error(new ErrorMessage(id, code, message, json));
  }

  private void accountSummary() {
    in.skip("version");
    int reqId = in.readInt("reqId");
    String account = in.readString("account");
    String tag = in.readString("tag");
    String value = in.readString("value");
    String currency = in.readString("currency");
    in.expectEnd();
    handler.accountSummary(new AccountSummaryMessage(reqId, account, tag, value, currency));
  }

  private void position() {
    in.skip("version");
    String account = in.readString("account");
    WireContract contract = contract();
    BigDecimal position = in.readDecimal("position");
    double avgCost = in.readDouble("avgCost");
    in.expectEnd();
    handler.position(new PositionMessage(account, contract, position, avgCost));
  }

  private void orderStatus() {
    int orderId = in.readInt("orderId");
    String status = in.readString("status");
    BigDecimal filled = in.readDecimal("filled");
    BigDecimal remaining = in.readDecimal("remaining");
    double avgFillPrice = in.readDouble("avgFillPrice");
    long permId = in.readLong("permId");
    int parentId = in.readInt("parentId");
    double lastFillPrice = in.readDouble("lastFillPrice");
    int clientId = in.readInt("clientId");
    String whyHeld = in.readString("whyHeld");
    double mktCapPrice = in.readDouble("mktCapPrice");
    in.expectEnd();
    handler.orderStatus(
        new OrderStatusMessage(
            orderId,
            status,
            filled,
            remaining,
            avgFillPrice,
            permId,
            parentId,
            lastFillPrice,
            clientId,
            whyHeld,
            mktCapPrice));
  }

  /**
   * Reference §5.3: 141 fields in the common case, more with optional groups. Fields the record
   * does not keep and the layout does not depend on are skipped unparsed: OPEN_ORDER is the longest
   * frame TWS sends, and most of it is defaults.
   */
  private void openOrder() {
    int orderId = in.readInt("orderId");
    WireContract contract = contract();
    String action = in.readString("action");
    BigDecimal totalQuantity = in.readDecimal("totalQuantity");
    String orderType = in.readString("orderType");
    double lmtPrice = in.readDoubleMax("lmtPrice");
    double auxPrice = in.readDoubleMax("auxPrice");
    String tif = in.readString("tif");
    String ocaGroup = in.readString("ocaGroup");
    String account = in.readString("account");
    String openClose = in.readString("openClose");
    int origin = in.readInt("origin");
    String orderRef = in.readString("orderRef");
    int clientId = in.readInt("clientId");
    long permId = in.readLong("permId");
    boolean outsideRth = in.readBool("outsideRth");
    in.skip("hidden");
    in.skip("discretionaryAmt");
    String goodAfterTime = in.readString("goodAfterTime");
    in.skip("sharesAllocation");
    in.skip("faGroup");
    in.skip("faMethod");
    in.skip("faPercentage");
    in.skip("modelCode");
    String goodTillDate = in.readString("goodTillDate");
    in.skip("rule80A");
    in.skip("percentOffset");
    in.skip("settlingFirm");
    in.skip("shortSaleSlot");
    in.skip("designatedLocation");
    in.skip("exemptCode");
    in.skip("auctionStrategy");
    in.skip("startingPrice");
    in.skip("stockRefPrice");
    in.skip("delta");
    in.skip("stockRangeLower");
    in.skip("stockRangeUpper");
    in.skip("displaySize");
    in.skip("blockOrder");
    in.skip("sweepToFill");
    in.skip("allOrNone");
    in.skip("minQty");
    in.skip("ocaType");
    in.skip("eTradeOnly");
    in.skip("firmQuoteOnly");
    in.skip("nbboPriceCap");
    int parentId = in.readInt("parentId");
    in.skip("triggerMethod");
    in.skip("volatility");
    in.skip("volatilityType");
    // TWS writes "None" here, so the eight delta-neutral fields are present in practice
    boolean deltaNeutral = !in.peekEmpty("deltaNeutralOrderType");
    in.skip("deltaNeutralOrderType");
    in.skip("deltaNeutralAuxPrice");
    if (deltaNeutral) {
      in.skip("deltaNeutralConId");
      in.skip("deltaNeutralSettlingFirm");
      in.skip("deltaNeutralClearingAccount");
      in.skip("deltaNeutralClearingIntent");
      in.skip("deltaNeutralOpenClose");
      in.skip("deltaNeutralShortSale");
      in.skip("deltaNeutralShortSaleSlot");
      in.skip("deltaNeutralDesignatedLocation");
    }
    in.skip("continuousUpdate");
    in.skip("referencePriceType");
    in.skip("trailStopPrice");
    double trailingPercent = in.readDoubleMax("trailingPercent");
    in.skip("basisPoints");
    in.skip("basisPointsType");
    in.skip("comboLegsDescrip");
    int comboLegs = count("comboLegsCount");
    for (int i = 0; i < comboLegs; i++) {
      in.skip("comboLeg.conId");
      in.skip("comboLeg.ratio");
      in.skip("comboLeg.action");
      in.skip("comboLeg.exchange");
      in.skip("comboLeg.openClose");
      in.skip("comboLeg.shortSaleSlot");
      in.skip("comboLeg.designatedLocation");
      in.skip("comboLeg.exemptCode");
    }
    int orderComboLegs = count("orderComboLegsCount");
    for (int i = 0; i < orderComboLegs; i++) {
      in.skip("orderComboLeg.price");
    }
    int smartParams = count("smartComboRoutingParamsCount");
    in.skip(2 * smartParams, "smartComboRoutingParam");
    in.skip("scaleInitLevelSize");
    in.skip("scaleSubsLevelSize");
    double scalePriceIncrement = in.readDoubleMax("scalePriceIncrement");
    if (scalePriceIncrement > 0 && scalePriceIncrement != Double.MAX_VALUE) {
      in.skip("scalePriceAdjustValue");
      in.skip("scalePriceAdjustInterval");
      in.skip("scaleProfitOffset");
      in.skip("scaleAutoReset");
      in.skip("scaleInitPosition");
      in.skip("scaleInitFillQty");
      in.skip("scaleRandomPercent");
    }
    boolean hedge = !in.peekEmpty("hedgeType");
    in.skip("hedgeType");
    if (hedge) {
      in.skip("hedgeParam");
    }
    in.skip("optOutSmartRouting");
    in.skip("clearingAccount");
    in.skip("clearingIntent");
    in.skip("notHeld");
    if (in.readBool("deltaNeutralContractPresent")) {
      in.skip("deltaNeutralContract.conId");
      in.skip("deltaNeutralContract.delta");
      in.skip("deltaNeutralContract.price");
    }
    String algoStrategy = in.readString("algoStrategy");
    if (!algoStrategy.isEmpty()) {
      int algoParams = count("algoParamsCount");
      in.skip(2 * algoParams, "algoParam");
    }
    in.skip("solicited");
    boolean whatIf = in.readBool("whatIf");
    String status = in.readString("status");
    // nine margin values TWS sends as text (often the unset double)
    in.skip(9, "marginValues");
    double commission = in.readDoubleMax("commission");
    double minCommission = in.readDoubleMax("minCommission");
    double maxCommission = in.readDoubleMax("maxCommission");
    String commissionCurrency = in.readString("commissionCurrency");
    String warningText = in.readString("warningText");
    in.skip("randomizeSize");
    in.skip("randomizePrice");
    if (orderType.equals("PEG BENCH") || orderType.equals("PEGBENCH")) {
      in.skip("referenceContractId");
      in.skip("isPeggedChangeAmountDecrease");
      in.skip("peggedChangeAmount");
      in.skip("referenceChangeAmount");
      in.skip("referenceExchangeId");
    }
    int conditions = count("conditionsCount");
    if (conditions > 0) {
      for (int i = 0; i < conditions; i++) {
        condition();
      }
      in.skip("conditionsIgnoreRth");
      in.skip("conditionsCancelOrder");
    }
    in.skip("adjustedOrderType");
    in.skip("triggerPrice");
    double trailStopPrice = in.readDoubleMax("trailStopPrice");
    in.skip("lmtPriceOffset");
    in.skip("adjustedStopPrice");
    in.skip("adjustedStopLimitPrice");
    in.skip("adjustedTrailingAmount");
    in.skip("adjustableTrailingUnit");
    in.skip(3, "softDollarTier");
    double cashQty = in.readDoubleMax("cashQty");
    in.skip("dontUseAutoPriceForHedge");
    in.skip("isOmsContainer");
    in.skip("discretionaryUpToLimitPrice");
    in.skip("usePriceMgmtAlgo");
    in.skip("duration");
    in.skip("postToAts");
    in.skip("autoCancelParent");
    in.skip("minTradeQty");
    in.skip("minCompeteSize");
    in.skip("competeAgainstBestOffset");
    in.skip("midOffsetAtWhole");
    in.skip("midOffsetAtHalf");
    in.skip("customerAccount");
    in.skip("professionalCustomer");
    in.skip("bondAccruedInterest");
    in.skip("includeOvernight");
    in.skip("extOperator");
    in.skip("manualOrderIndicator");
    in.expectEnd();
    handler.openOrder(
        new OpenOrderMessage(
            orderId,
            contract,
            action,
            totalQuantity,
            orderType,
            lmtPrice,
            auxPrice,
            tif,
            ocaGroup,
            account,
            openClose,
            origin,
            orderRef,
            clientId,
            permId,
            outsideRth,
            goodAfterTime,
            goodTillDate,
            parentId,
            trailStopPrice,
            trailingPercent,
            algoStrategy,
            whatIf,
            status,
            commission,
            minCommission,
            maxCommission,
            commissionCurrency,
            warningText,
            cashQty));
  }

  /** One order condition; its layout depends on its type (reference §5.3). */
  private void condition() {
    int type = in.readInt("condition.type");
    in.skip("condition.conjunction");
    switch (type) {
      case 1: // price
        in.skip("condition.isMore");
        in.skip("condition.value");
        in.skip("condition.conId");
        in.skip("condition.exchange");
        in.skip("condition.triggerMethod");
        break;
      case 3: // time
      case 4: // margin
        in.skip("condition.isMore");
        in.skip("condition.value");
        break;
      case 5: // execution
        in.skip(3, "condition.execution");
        break;
      case 6: // volume
      case 7: // percent change
        in.skip("condition.isMore");
        in.skip("condition.value");
        in.skip("condition.conId");
        in.skip("condition.exchange");
        break;
      default:
        throw new DataValidationException(
            in.message() + ".condition.type",
            "unknown order condition type " + type + " (field " + (in.fieldIndex() - 2) + ")");
    }
  }

  private void execution() {
    int reqId = in.readInt("reqId");
    int orderId = in.readInt("orderId");
    WireContract contract = contract();
    String execId = in.readString("execId");
    String time = in.readString("time");
    String acctNumber = in.readString("acctNumber");
    String venue = in.readString("execExchange");
    String side = in.readString("side");
    BigDecimal shares = in.readDecimal("shares");
    double price = in.readDouble("price");
    long permId = in.readLong("permId");
    int clientId = in.readInt("clientId");
    int liquidation = in.readInt("liquidation");
    BigDecimal cumQty = in.readDecimal("cumQty");
    double avgPrice = in.readDouble("avgPrice");
    String orderRef = in.readString("orderRef");
    String evRule = in.readString("evRule");
    double evMultiplier = in.readDouble("evMultiplier");
    String modelCode = in.readString("modelCode");
    int lastLiquidity = in.readInt("lastLiquidity");
    boolean pendingPriceRevision = in.readBool("pendingPriceRevision");
    in.expectEnd();
    handler.execution(
        new ExecutionMessage(
            reqId,
            orderId,
            contract,
            execId,
            time,
            acctNumber,
            venue,
            side,
            shares,
            price,
            permId,
            clientId,
            liquidation,
            cumQty,
            avgPrice,
            orderRef,
            evRule,
            evMultiplier,
            modelCode,
            lastLiquidity,
            pendingPriceRevision));
  }

  private void commissionReport() {
    in.skip("version");
    String execId = in.readString("execId");
    double commission = in.readDouble("commission");
    String currency = in.readString("currency");
    double realizedPnl = in.readDouble("realizedPNL");
    double yield = in.readDouble("yield");
    int yieldRedemptionDate = in.readInt("yieldRedemptionDate");
    in.expectEnd();
    handler.commissionReport(
        new CommissionReportMessage(
            execId, commission, currency, realizedPnl, yield, yieldRedemptionDate));
  }

  /** Reference §13.2: 42 fields in the common case. */
  private void contractData() {
    int reqId = in.readInt("reqId");
    String symbol = in.readString("symbol");
    String secType = in.readString("secType");
    String expiry = in.readString("lastTradeDateOrContractMonth");
    String lastTradeDate = in.readString("lastTradeDate");
    double strike = in.readDouble("strike");
    String right = in.readString("right");
    String exchange = in.readString("exchange");
    String currency = in.readString("currency");
    String localSymbol = in.readString("localSymbol");
    String marketName = in.readString("marketName");
    String tradingClass = in.readString("tradingClass");
    int conId = in.readInt("conId");
    double minTick = in.readDouble("minTick");
    String multiplier = in.readString("multiplier");
    String orderTypes = in.readString("orderTypes");
    String validExchanges = in.readString("validExchanges");
    int priceMagnifier = in.readInt("priceMagnifier");
    int underConId = in.readInt("underConId");
    String longName = in.readEscapedString("longName");
    String primaryExch = in.readString("primaryExch");
    String contractMonth = in.readString("contractMonth");
    String industry = in.readString("industry");
    String category = in.readString("category");
    String subcategory = in.readString("subcategory");
    String timeZoneId = in.readString("timeZoneId");
    String tradingHours = in.readString("tradingHours");
    String liquidHours = in.readString("liquidHours");
    String evRule = in.readString("evRule");
    double evMultiplier = in.readDouble("evMultiplier");
    int secIdCount = count("secIdListCount");
    Map<String, String> secIds = new LinkedHashMap<>();
    for (int i = 0; i < secIdCount; i++) {
      String tag = in.readString("secId.tag");
      secIds.put(tag, in.readString("secId.value"));
    }
    int aggGroup = in.readIntMax("aggGroup");
    String underSymbol = in.readString("underSymbol");
    String underSecType = in.readString("underSecType");
    String marketRuleIds = in.readString("marketRuleIds");
    String realExpirationDate = in.readString("realExpirationDate");
    String stockType = in.readString("stockType");
    BigDecimal minSize = in.readDecimal("minSize");
    BigDecimal sizeIncrement = in.readDecimal("sizeIncrement");
    BigDecimal suggestedSizeIncrement = in.readDecimal("suggestedSizeIncrement");
    if (secType.equals("FUND")) {
      in.skip(17, "fundFields");
    }
    int ineligibilityReasons = count("ineligibilityReasonCount");
    in.skip(2 * ineligibilityReasons, "ineligibilityReason");
    in.expectEnd();
    WireContract contract =
        new WireContract(
            conId,
            symbol,
            secType,
            expiry,
            strike,
            right,
            multiplier,
            exchange,
            primaryExch,
            currency,
            localSymbol,
            tradingClass);
    handler.contractDetails(
        new ContractDetailsMessage(
            reqId,
            contract,
            lastTradeDate,
            marketName,
            minTick,
            orderTypes,
            validExchanges,
            priceMagnifier,
            underConId,
            longName,
            contractMonth,
            industry,
            category,
            subcategory,
            timeZoneId,
            tradingHours,
            liquidHours,
            evRule,
            evMultiplier,
            secIds,
            aggGroup,
            underSymbol,
            underSecType,
            marketRuleIds,
            realExpirationDate,
            stockType,
            minSize,
            sizeIncrement,
            suggestedSizeIncrement));
  }

  /**
   * Explains a frame the stream cut short: decodes what arrived up to its last complete field, so
   * the error names the message and the first field that never came.
   */
  public static DataValidationException truncated(FrameReader.TruncatedFrameException cut) {
    byte[] partial = cut.partial();
    int lastNul = -1;
    for (int i = partial.length - 1; i >= 0; i--) {
      if (partial[i] == 0) {
        lastNul = i;
        break;
      }
    }
    String what =
        cut.declaredLength() < 0
            ? "the stream ended inside a frame's length prefix"
            : "the stream ended "
                + partial.length
                + " bytes into a frame of "
                + cut.declaredLength()
                + " bytes";
    if (lastNul >= 0) {
      try {
        new TwsDecoder(new TwsHandler() {}).decode(partial, 0, lastNul + 1, cut.offset());
      } catch (DataValidationException missing) {
        return new DataValidationException(
            missing.recordType() + "." + missing.field(),
            "truncated: " + what + " (byte offset " + cut.offset() + ")");
      }
    }
    return new DataValidationException(
        "TwsFrame.payload", "truncated: " + what + " (byte offset " + cut.offset() + ")");
  }

  /**
   * The eleven contract fields POSITION, OPEN_ORDER and EXECUTION_DATA carry in the same order
   * (reference §5.2-§5.4); they do not carry primaryExch. CONTRACT_DATA orders its contract fields
   * differently and mixes others in (§13.2), so it reads its own.
   */
  private WireContract contract() {
    int conId = in.readInt("conId");
    String symbol = in.readString("symbol");
    String secType = in.readString("secType");
    String expiry = in.readString("lastTradeDateOrContractMonth");
    double strike = in.readDouble("strike");
    String right = in.readString("right");
    String multiplier = in.readString("multiplier");
    String exchange = in.readString("exchange");
    String currency = in.readString("currency");
    String localSymbol = in.readString("localSymbol");
    String tradingClass = in.readString("tradingClass");
    return new WireContract(
        conId,
        symbol,
        secType,
        expiry,
        strike,
        right,
        multiplier,
        exchange,
        "",
        currency,
        localSymbol,
        tradingClass);
  }

  /** A repeat count; a negative or absurd one means the layout is off. */
  private int count(String field) {
    int count = in.readInt(field);
    if (count < 0 || count > 10_000) {
      throw in.invalid(field, "must be a count between 0 and 10000, was " + count);
    }
    return count;
  }
}
