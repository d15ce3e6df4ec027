package dev.ingest.ibkr.internal.wire;

import static dev.ingest.ibkr.internal.wire.MessageIds.CANCEL_ACCOUNT_SUMMARY;
import static dev.ingest.ibkr.internal.wire.MessageIds.CANCEL_POSITIONS;
import static dev.ingest.ibkr.internal.wire.MessageIds.REQ_ACCOUNT_SUMMARY;
import static dev.ingest.ibkr.internal.wire.MessageIds.REQ_ALL_OPEN_ORDERS;
import static dev.ingest.ibkr.internal.wire.MessageIds.REQ_CONTRACT_DATA;
import static dev.ingest.ibkr.internal.wire.MessageIds.REQ_CURRENT_TIME;
import static dev.ingest.ibkr.internal.wire.MessageIds.REQ_EXECUTIONS;
import static dev.ingest.ibkr.internal.wire.MessageIds.REQ_IDS;
import static dev.ingest.ibkr.internal.wire.MessageIds.REQ_MANAGED_ACCTS;
import static dev.ingest.ibkr.internal.wire.MessageIds.REQ_OPEN_ORDERS;
import static dev.ingest.ibkr.internal.wire.MessageIds.REQ_POSITIONS;
import static dev.ingest.ibkr.internal.wire.MessageIds.START_API;

/**
 * The outgoing messages this client sends, each with the exact fields and version constants of
 * reference §4 at server version 193. Each returns a whole frame, length prefix included.
 */
public final class TwsRequests {
  private TwsRequests() {}

  /** {@code 71|2|clientId|optionalCapabilities|}. */
  public static byte[] startApi(int clientId, String optionalCapabilities) {
    return MessageWriter.start("START_API", START_API)
        .add(2)
        .add(clientId)
        .add("optionalCapabilities", optionalCapabilities)
        .toBytes();
  }

  /** {@code 8|1|1|}: answered by NEXT_VALID_ID. */
  public static byte[] reqIds() {
    return MessageWriter.start("REQ_IDS", REQ_IDS).add(1).add(1).toBytes();
  }

  public static byte[] reqManagedAccounts() {
    return MessageWriter.start("REQ_MANAGED_ACCTS", REQ_MANAGED_ACCTS).add(1).toBytes();
  }

  public static byte[] reqCurrentTime() {
    return MessageWriter.start("REQ_CURRENT_TIME", REQ_CURRENT_TIME).add(1).toBytes();
  }

  /** {@code 62|1|reqId|group|tags|}. */
  public static byte[] reqAccountSummary(int reqId, String group, String tags) {
    return MessageWriter.start("REQ_ACCOUNT_SUMMARY", REQ_ACCOUNT_SUMMARY)
        .add(1)
        .add(reqId)
        .add("group", group)
        .add("tags", tags)
        .toBytes();
  }

  public static byte[] cancelAccountSummary(int reqId) {
    return MessageWriter.start("CANCEL_ACCOUNT_SUMMARY", CANCEL_ACCOUNT_SUMMARY)
        .add(1)
        .add(reqId)
        .toBytes();
  }

  public static byte[] reqPositions() {
    return MessageWriter.start("REQ_POSITIONS", REQ_POSITIONS).add(1).toBytes();
  }

  public static byte[] cancelPositions() {
    return MessageWriter.start("CANCEL_POSITIONS", CANCEL_POSITIONS).add(1).toBytes();
  }

  /** Open orders of this client id only. */
  public static byte[] reqOpenOrders() {
    return MessageWriter.start("REQ_OPEN_ORDERS", REQ_OPEN_ORDERS).add(1).toBytes();
  }

  /** Open orders of every API client (and manual TWS orders): a one-time snapshot. */
  public static byte[] reqAllOpenOrders() {
    return MessageWriter.start("REQ_ALL_OPEN_ORDERS", REQ_ALL_OPEN_ORDERS).add(1).toBytes();
  }

  /** {@code 7|3|reqId|} then the seven filter fields. */
  public static byte[] reqExecutions(int reqId, ExecutionFilter filter) {
    return MessageWriter.start("REQ_EXECUTIONS", REQ_EXECUTIONS)
        .add(3)
        .add(reqId)
        .add(filter.clientId())
        .add("acctCode", filter.acctCode())
        .add("time", filter.time())
        .add("symbol", filter.symbol())
        .add("secType", filter.secType())
        .add("exchange", filter.exchange())
        .add("side", filter.side())
        .toBytes();
  }

  /** {@code 9|8|reqId|} then the 13-field contract block and secIdType, secId, issuerId. */
  public static byte[] reqContractData(int reqId, ContractQuery q) {
    return MessageWriter.start("REQ_CONTRACT_DATA", REQ_CONTRACT_DATA)
        .add(8)
        .add(reqId)
        .add(q.conId())
        .add("symbol", q.symbol())
        .add("secType", q.secType())
        .add("lastTradeDateOrContractMonth", q.lastTradeDateOrContractMonth())
        .add(q.strike())
        .add("right", q.right())
        .add("multiplier", q.multiplier())
        .add("exchange", q.exchange())
        .add("primaryExch", q.primaryExch())
        .add("currency", q.currency())
        .add("localSymbol", q.localSymbol())
        .add("tradingClass", q.tradingClass())
        .add(q.includeExpired())
        .empty()
        .empty()
        .empty()
        .toBytes();
  }
}
