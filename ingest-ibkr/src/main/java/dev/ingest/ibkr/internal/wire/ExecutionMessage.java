package dev.ingest.ibkr.internal.wire;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * EXECUTION_DATA (11) at server version 193 (no version field; pendingPriceRevision last).
 *
 * @param reqId the REQ_EXECUTIONS id, or -1 for a fill pushed live
 * @param time raw text: {@code 20260413 15:27:04 US/Eastern} or older {@code 20230224 12:04:56}
 * @param side {@code BOT} or {@code SLD}
 */
public record ExecutionMessage(
    int reqId,
    int orderId,
    WireContract contract,
    String execId,
    String time,
    String acctNumber,
    String exchange,
    String side,
    @Nullable BigDecimal shares,
    double price,
    long permId,
    int clientId,
    int liquidation,
    @Nullable BigDecimal cumQty,
    double avgPrice,
    String orderRef,
    String evRule,
    double evMultiplier,
    String modelCode,
    int lastLiquidity,
    boolean pendingPriceRevision) {}
