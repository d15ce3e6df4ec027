package dev.ingest.ibkr.crosscheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ingest.ibkr.internal.wire.AccountSummaryMessage;
import dev.ingest.ibkr.internal.wire.CommissionReportMessage;
import dev.ingest.ibkr.internal.wire.ContractDetailsMessage;
import dev.ingest.ibkr.internal.wire.ErrorMessage;
import dev.ingest.ibkr.internal.wire.ExecutionMessage;
import dev.ingest.ibkr.internal.wire.OpenOrderMessage;
import dev.ingest.ibkr.internal.wire.OrderStatusMessage;
import dev.ingest.ibkr.internal.wire.PositionMessage;
import dev.ingest.ibkr.internal.wire.WireContract;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Our decoded messages written the way crosscheck.js writes stoqey's events, applying stoqey's
 * documented conventions (reference §10.4 and §10.6) to our values: the unset double is absent, an
 * empty double is 0, a multiplier is a number, {@code right} is only C or P, and stoqey keeps a
 * future's {@code 20261218 08:30 US/Central} whole. Nothing else is adjusted: every other field
 * must be equal as decoded.
 */
final class StoqeyView {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoqeyView() {}

  static ObjectNode event(String name) {
    return JSON.createObjectNode().put("event", name);
  }

  /** A double as stoqey's readDouble/readDoubleOrUndefined leave it: unset means absent. */
  static void number(ObjectNode node, String field, double value) {
    if (value != Double.MAX_VALUE) {
      node.put(field, value);
    }
  }

  static void decimal(ObjectNode node, String field, BigDecimal value) {
    if (value != null) {
      node.put(field, value.doubleValue());
    }
  }

  /** stoqey parses the multiplier text as a number: empty is 0. */
  static void multiplier(ObjectNode node, String text) {
    node.put("multiplier", text.isEmpty() ? 0.0 : Double.parseDouble(text));
  }

  static void contract(ObjectNode node, WireContract c) {
    node.put("conId", c.conId());
    node.put("symbol", c.symbol());
    node.put("secType", c.secType());
    node.put("lastTradeDateOrContractMonth", c.lastTradeDateOrContractMonth());
    number(node, "strike", c.strike());
    if (c.right().equals("C") || c.right().equals("P")) {
      node.put("right", c.right());
    }
    multiplier(node, c.multiplier());
    node.put("exchange", c.exchange());
    node.put("currency", c.currency());
    node.put("localSymbol", c.localSymbol());
    node.put("tradingClass", c.tradingClass());
  }

  static ObjectNode server(int version, String time) {
    return event("server").put("version", version).put("time", time);
  }

  static ObjectNode error(ErrorMessage e) {
    if (e.id() == -1) {
      return event("info").put("code", e.code()).put("message", e.message());
    }
    return event("error").put("code", e.code()).put("reqId", e.id()).put("message", e.message());
  }

  static ObjectNode position(PositionMessage m) {
    ObjectNode node = event("position").put("account", m.account());
    contract(node, m.contract());
    decimal(node, "pos", m.position());
    number(node, "avgCost", m.avgCost());
    return node;
  }

  static ObjectNode accountSummary(AccountSummaryMessage m) {
    return event("accountSummary")
        .put("reqId", m.reqId())
        .put("account", m.account())
        .put("tag", m.tag())
        .put("value", m.value())
        .put("currency", m.currency());
  }

  static ObjectNode openOrder(OpenOrderMessage o) {
    ObjectNode node = event("openOrder").put("orderId", o.orderId());
    contract(node, o.contract());
    node.put("action", o.action());
    decimal(node, "totalQuantity", o.totalQuantity());
    node.put("orderType", o.orderType());
    number(node, "lmtPrice", o.lmtPrice());
    number(node, "auxPrice", o.auxPrice());
    node.put("tif", o.tif());
    node.put("ocaGroup", o.ocaGroup());
    node.put("account", o.account());
    node.put("openClose", o.openClose());
    node.put("origin", o.origin());
    node.put("orderRef", o.orderRef());
    node.put("clientId", o.clientId());
    node.put("permId", o.permId());
    node.put("outsideRth", o.outsideRth());
    node.put("goodAfterTime", o.goodAfterTime());
    node.put("goodTillDate", o.goodTillDate());
    node.put("parentId", o.parentId());
    number(node, "trailStopPrice", o.trailStopPrice());
    number(node, "trailingPercent", o.trailingPercent());
    node.put("algoStrategy", o.algoStrategy());
    node.put("whatIf", o.whatIf());
    number(node, "cashQty", o.cashQty());
    node.put("status", o.status());
    number(node, "commission", o.commission());
    number(node, "minCommission", o.minCommission());
    number(node, "maxCommission", o.maxCommission());
    node.put("commissionCurrency", o.commissionCurrency());
    node.put("warningText", o.warningText());
    return node;
  }

  static ObjectNode orderStatus(OrderStatusMessage s) {
    ObjectNode node = event("orderStatus").put("orderId", s.orderId()).put("status", s.status());
    decimal(node, "filled", s.filled());
    decimal(node, "remaining", s.remaining());
    number(node, "avgFillPrice", s.avgFillPrice());
    node.put("permId", s.permId());
    node.put("parentId", s.parentId());
    number(node, "lastFillPrice", s.lastFillPrice());
    node.put("clientId", s.clientId());
    node.put("whyHeld", s.whyHeld());
    number(node, "mktCapPrice", s.mktCapPrice());
    return node;
  }

  static ObjectNode execution(ExecutionMessage e) {
    ObjectNode node = event("execDetails").put("reqId", e.reqId());
    contract(node, e.contract());
    node.put("orderId", e.orderId());
    node.put("execId", e.execId());
    node.put("time", e.time());
    node.put("acctNumber", e.acctNumber());
    node.put("execExchange", e.exchange());
    node.put("side", e.side());
    decimal(node, "shares", e.shares());
    number(node, "price", e.price());
    node.put("permId", e.permId());
    node.put("clientId", e.clientId());
    node.put("liquidation", e.liquidation());
    decimal(node, "cumQty", e.cumQty());
    number(node, "avgPrice", e.avgPrice());
    node.put("orderRef", e.orderRef());
    node.put("evRule", e.evRule());
    number(node, "evMultiplier", e.evMultiplier());
    node.put("modelCode", e.modelCode());
    node.put("lastLiquidity", e.lastLiquidity());
    node.put("pendingPriceRevision", e.pendingPriceRevision());
    return node;
  }

  static ObjectNode commissionReport(CommissionReportMessage r) {
    ObjectNode node = event("commissionReport").put("execId", r.execId());
    number(node, "commission", r.commission());
    node.put("currency", r.currency());
    number(node, "realizedPNL", r.realizedPnl());
    number(node, "yield", r.yield());
    node.put("yieldRedemptionDate", r.yieldRedemptionDate());
    return node;
  }

  static ObjectNode contractDetails(ContractDetailsMessage d) {
    ObjectNode node = event("contractDetails").put("reqId", d.reqId());
    contract(node, d.contract());
    // stoqey 1.6.10 splits this field on "-" only (its whitespace split is broken)
    String expiry = d.contract().lastTradeDateOrContractMonth();
    node.remove("lastTradeDateOrContractMonth");
    if (!expiry.isEmpty()) {
      String[] parts = expiry.contains("-") ? expiry.split("-") : new String[] {expiry};
      node.put("lastTradeDateOrContractMonth", parts[0]);
      if (parts.length > 1) {
        node.put("lastTradeTime", parts[1]);
      }
    }
    node.put("primaryExch", d.contract().primaryExch());
    node.put("lastTradeDate", d.lastTradeDate());
    node.put("marketName", d.marketName());
    number(node, "minTick", d.minTick());
    node.put("orderTypes", d.orderTypes());
    node.put("validExchanges", d.validExchanges());
    node.put("priceMagnifier", d.priceMagnifier());
    node.put("underConId", d.underConId());
    node.put("longName", d.longName());
    node.put("contractMonth", d.contractMonth());
    node.put("industry", d.industry());
    node.put("category", d.category());
    node.put("subcategory", d.subcategory());
    node.put("timeZoneId", d.timeZoneId());
    node.put("tradingHours", d.tradingHours());
    node.put("liquidHours", d.liquidHours());
    node.put("evRule", d.evRule());
    number(node, "evMultiplier", d.evMultiplier());
    if (!d.secIds().isEmpty()) {
      ArrayNode ids = node.putArray("secIdList");
      for (Map.Entry<String, String> id : d.secIds().entrySet()) {
        ids.addObject().put("tag", id.getKey()).put("value", id.getValue());
      }
    }
    node.put("aggGroup", d.aggGroup());
    node.put("underSymbol", d.underSymbol());
    node.put("underSecType", d.underSecType());
    node.put("marketRuleIds", d.marketRuleIds());
    node.put("realExpirationDate", d.realExpirationDate());
    node.put("stockType", d.stockType());
    decimal(node, "minSize", d.minSize());
    decimal(node, "sizeIncrement", d.sizeIncrement());
    decimal(node, "suggestedSizeIncrement", d.suggestedSizeIncrement());
    node.putArray("ineligibilityReasonList");
    return node;
  }
}
