package dev.ingest.ibkr.internal.wire;

/**
 * The seven filter fields of REQ_EXECUTIONS (reference §4.7); empty (or clientId 0) means "any".
 *
 * @param time {@code yyyyMMdd-HH:mm:ss} in UTC, executions after it
 */
public record ExecutionFilter(
    int clientId,
    String acctCode,
    String time,
    String symbol,
    String secType,
    String exchange,
    String side) {

  public static ExecutionFilter account(String acctCode) {
    return new ExecutionFilter(0, acctCode, "", "", "", "", "");
  }

  public ExecutionFilter since(String utcTime) {
    return new ExecutionFilter(clientId, acctCode, utcTime, symbol, secType, exchange, side);
  }
}
