package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.model.Symbol;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A technical indicator's recent readings for one symbol, newest first.
 *
 * @param indicator upper-case name ({@code RSI}, {@code MACD}, {@code BBANDS}, {@code ATR}); it
 *     becomes part of a key, so only {@code A-Z 0-9 _}
 * @param interval the provider's interval ({@code daily}, {@code 60min}, {@code weekly})
 * @since 0.1
 */
public record IndicatorSeries(
    Symbol symbol, String indicator, String interval, List<IndicatorPoint> points) {

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
  private static final Pattern INTERVAL = Pattern.compile("[A-Za-z0-9]{1,16}");

  public IndicatorSeries {
    Check.notNull(symbol, "IndicatorSeries.symbol");
    Check.matches(indicator, NAME, "IndicatorSeries.indicator", "upper-case letters, digits, _");
    Check.matches(interval, INTERVAL, "IndicatorSeries.interval", "letters and digits");
    points = Check.list(points, "IndicatorSeries.points");
  }
}
