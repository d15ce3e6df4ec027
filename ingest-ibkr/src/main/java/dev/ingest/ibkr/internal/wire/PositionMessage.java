package dev.ingest.ibkr.internal.wire;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * POSITION (61): one holding of one account; {@code position} is signed, 0 once closed, null when
 * TWS sent its "unset" marker.
 */
public record PositionMessage(
    String account, WireContract contract, @Nullable BigDecimal position, double avgCost) {}
