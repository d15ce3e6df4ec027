package dev.ingest.ibkr.internal.wire;

/**
 * COMMISSION_REPORT (59): the commission of one execution, joined to it by {@code execId}.
 * realizedPnl and yield are {@link Double#MAX_VALUE} when unset.
 */
public record CommissionReportMessage(
    String execId,
    double commission,
    String currency,
    double realizedPnl,
    double yield,
    int yieldRedemptionDate) {}
