// Connects @stoqey/ib (an independent TWS client) to a TWS endpoint, makes the requests named in
// the JSON config (argv[2]) and prints every event stoqey decodes as one JSON line, flattened to
// the field names StoqeyCrossCheckTest compares. Exits 0 once every request has ended, 2 on a
// timeout. Decoding errors (505 "unprocessed data left on queue", underruns) arrive as "error"
// events and are printed like any other event.
"use strict";

const { IBApi, EventName } = require("@stoqey/ib");

const config = JSON.parse(process.argv[2]);
const ib = new IBApi({ host: config.host, port: config.port, clientId: config.clientId });

const print = (event, fields) => process.stdout.write(JSON.stringify({ event, ...fields }) + "\n");
const pending = new Set(["positionEnd", "accountSummaryEnd", "openOrderEnd", "execDetailsEnd"]);
for (const q of config.contractQueries) {
  pending.add("contract:" + q.reqId);
}
let sent = false;
const done = (what) => {
  pending.delete(what);
  if (sent && pending.size === 0) {
    ib.disconnect();
    setTimeout(() => process.exit(0), 50);
  }
};

const contractView = (c) => ({
  conId: c.conId,
  symbol: c.symbol,
  secType: c.secType,
  lastTradeDateOrContractMonth: c.lastTradeDateOrContractMonth,
  strike: c.strike,
  right: c.right,
  multiplier: c.multiplier,
  exchange: c.exchange,
  currency: c.currency,
  localSymbol: c.localSymbol,
  tradingClass: c.tradingClass,
});

ib.on(EventName.server, (version, time) => print("server", { version, time }));
ib.on(EventName.managedAccounts, (accountsList) => print("managedAccounts", { accountsList }));
ib.on(EventName.nextValidId, (orderId) => print("nextValidId", { orderId }));
ib.on(EventName.info, (message, code) => print("info", { code, message }));
ib.on(EventName.error, (error, code, reqId) => {
  print("error", { code, reqId, message: error && error.message });
  const query = config.contractQueries.find((q) => q.reqId === reqId);
  if (query) {
    done("contract:" + reqId);
  }
});

ib.on(EventName.position, (account, contract, pos, avgCost) =>
  print("position", { account, ...contractView(contract), pos, avgCost }));
ib.on(EventName.positionEnd, () => {
  print("positionEnd", {});
  done("positionEnd");
});

ib.on(EventName.accountSummary, (reqId, account, tag, value, currency) =>
  print("accountSummary", { reqId, account, tag, value, currency }));
ib.on(EventName.accountSummaryEnd, (reqId) => {
  print("accountSummaryEnd", { reqId });
  done("accountSummaryEnd");
});

ib.on(EventName.openOrder, (orderId, contract, order, state) =>
  print("openOrder", {
    orderId,
    ...contractView(contract),
    action: order.action,
    totalQuantity: order.totalQuantity,
    orderType: order.orderType,
    lmtPrice: order.lmtPrice,
    auxPrice: order.auxPrice,
    tif: order.tif,
    ocaGroup: order.ocaGroup,
    account: order.account,
    openClose: order.openClose,
    origin: order.origin,
    orderRef: order.orderRef,
    clientId: order.clientId,
    permId: order.permId,
    outsideRth: order.outsideRth,
    goodAfterTime: order.goodAfterTime,
    goodTillDate: order.goodTillDate,
    parentId: order.parentId,
    trailStopPrice: order.trailStopPrice,
    trailingPercent: order.trailingPercent,
    algoStrategy: order.algoStrategy,
    whatIf: order.whatIf,
    cashQty: order.cashQty,
    status: state.status,
    commission: state.commission,
    minCommission: state.minCommission,
    maxCommission: state.maxCommission,
    commissionCurrency: state.commissionCurrency,
    warningText: state.warningText,
  }));
ib.on(EventName.orderStatus, (orderId, status, filled, remaining, avgFillPrice, permId, parentId,
    lastFillPrice, clientId, whyHeld, mktCapPrice) =>
  print("orderStatus", { orderId, status, filled, remaining, avgFillPrice, permId, parentId,
    lastFillPrice, clientId, whyHeld, mktCapPrice }));
ib.on(EventName.openOrderEnd, () => {
  print("openOrderEnd", {});
  done("openOrderEnd");
});

ib.on(EventName.execDetails, (reqId, contract, e) =>
  print("execDetails", {
    reqId,
    ...contractView(contract),
    orderId: e.orderId,
    execId: e.execId,
    time: e.time,
    acctNumber: e.acctNumber,
    execExchange: e.exchange,
    side: e.side,
    shares: e.shares,
    price: e.price,
    permId: e.permId,
    clientId: e.clientId,
    liquidation: e.liquidation,
    cumQty: e.cumQty,
    avgPrice: e.avgPrice,
    orderRef: e.orderRef,
    evRule: e.evRule,
    evMultiplier: e.evMultiplier,
    modelCode: e.modelCode,
    lastLiquidity: e.lastLiquidity,
    pendingPriceRevision: e.pendingPriceRevision,
  }));
ib.on(EventName.commissionReport, (r) =>
  print("commissionReport", {
    execId: r.execId,
    commission: r.commission,
    currency: r.currency,
    realizedPNL: r.realizedPNL,
    yield: r.yield,
    yieldRedemptionDate: r.yieldRedemptionDate,
  }));
ib.on(EventName.execDetailsEnd, (reqId) => {
  print("execDetailsEnd", { reqId });
  done("execDetailsEnd");
});

ib.on(EventName.contractDetails, (reqId, d) =>
  print("contractDetails", {
    reqId,
    ...contractView(d.contract),
    primaryExch: d.contract.primaryExch,
    lastTradeDate: d.contract.lastTradeDate,
    lastTradeTime: d.lastTradeTime,
    marketName: d.marketName,
    minTick: d.minTick,
    orderTypes: d.orderTypes,
    validExchanges: d.validExchanges,
    priceMagnifier: d.priceMagnifier,
    underConId: d.underConId,
    longName: d.longName,
    contractMonth: d.contractMonth,
    industry: d.industry,
    category: d.category,
    subcategory: d.subcategory,
    timeZoneId: d.timeZoneId,
    tradingHours: d.tradingHours,
    liquidHours: d.liquidHours,
    evRule: d.evRule,
    evMultiplier: d.evMultiplier,
    secIdList: d.secIdList,
    aggGroup: d.aggGroup,
    underSymbol: d.underSymbol,
    underSecType: d.underSecType,
    marketRuleIds: d.marketRuleIds,
    realExpirationDate: d.realExpirationDate,
    stockType: d.stockType,
    minSize: d.minSize,
    sizeIncrement: d.sizeIncrement,
    suggestedSizeIncrement: d.suggestedSizeIncrement,
    ineligibilityReasonList: d.ineligibilityReasonList,
  }));
ib.on(EventName.contractDetailsEnd, (reqId) => {
  print("contractDetailsEnd", { reqId });
  done("contract:" + reqId);
});

ib.once(EventName.nextValidId, () => {
  ib.reqPositions();
  ib.reqAccountSummary(config.summaryReqId, "All", config.summaryTags);
  ib.reqAllOpenOrders();
  ib.reqExecutions(config.executionsReqId, { clientId: 0, acctCode: config.account });
  for (const q of config.contractQueries) {
    ib.reqContractDetails(q.reqId, q.contract);
  }
  sent = true;
});

setTimeout(() => {
  process.stderr.write("timed out waiting for: " + [...pending].join(", ") + "\n");
  process.exit(2);
}, config.timeoutMillis || 15000);

ib.connect();
