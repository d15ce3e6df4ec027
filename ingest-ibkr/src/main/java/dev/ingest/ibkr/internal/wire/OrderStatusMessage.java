package dev.ingest.ibkr.internal.wire;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** ORDER_STATUS (3) at server version 193 (no version field). */
public record OrderStatusMessage(
    int orderId,
    String status,
    @Nullable BigDecimal filled,
    @Nullable BigDecimal remaining,
    double avgFillPrice,
    long permId,
    int parentId,
    double lastFillPrice,
    int clientId,
    String whyHeld,
    double mktCapPrice) {}
