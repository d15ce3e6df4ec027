package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reading of a technical indicator. Single-valued indicators (RSI, ATR) have one entry named
 * after the indicator; multi-valued ones (MACD, BBANDS) one per line ({@code MACD}, {@code
 * MACD_Signal}, {@code MACD_Hist}).
 *
 * @since 0.1
 */
public record IndicatorPoint(Instant timestamp, Map<String, BigDecimal> values) {
  public IndicatorPoint {
    Check.notNull(timestamp, "IndicatorPoint.timestamp");
    Map<String, BigDecimal> normalized = new TreeMap<>();
    Check.map(values, "IndicatorPoint.values")
        .forEach((k, v) -> normalized.put(k, Decimals.normalize(v)));
    Check.that(!normalized.isEmpty(), "IndicatorPoint.values", "must not be empty");
    values = Map.copyOf(normalized);
  }
}
