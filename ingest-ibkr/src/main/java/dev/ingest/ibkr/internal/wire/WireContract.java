package dev.ingest.ibkr.internal.wire;

/**
 * The contract block as TWS sends it inside POSITION, OPEN_ORDER, EXECUTION_DATA and CONTRACT_DATA.
 * Text stays text ({@code multiplier} is {@code ""} or {@code "100"}); a field a message does not
 * carry is {@code ""} ({@code primaryExch} outside CONTRACT_DATA).
 *
 * @param lastTradeDateOrContractMonth raw: {@code 20261218}, {@code 202612}, or in CONTRACT_DATA
 *     for futures {@code 20261218 08:30 US/Central}
 * @param right {@code C}, {@code P}, {@code ""} or {@code ?}
 */
public record WireContract(
    int conId,
    String symbol,
    String secType,
    String lastTradeDateOrContractMonth,
    double strike,
    String right,
    String multiplier,
    String exchange,
    String primaryExch,
    String currency,
    String localSymbol,
    String tradingClass) {}
