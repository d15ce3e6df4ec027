package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.model.Symbol;
import java.time.Duration;
import java.time.Instant;

/**
 * An OHLCV bar. Prices are fixed-point at 1e-9 (see {@link Prices}).
 *
 * @param start when the bar opened; the bar covers {@code [start, start + interval)}
 * @since 0.1
 */
public record Bar(
    Symbol symbol,
    Duration interval,
    Instant start,
    long open,
    long high,
    long low,
    long close,
    long volume)
    implements MarketRecord {

  public static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
  public static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  public Bar {
    Check.notNull(symbol, "Bar.symbol");
    Check.notNull(interval, "Bar.interval");
    Check.that(
        !interval.isNegative() && !interval.isZero(),
        "Bar.interval",
        "must be > 0, was " + interval);
    Check.notNull(start, "Bar.start");
    Check.that(high >= low, "Bar.high", "must be >= low " + low + ", was " + high);
    Check.nonNegative(volume, "Bar.volume");
  }

  @Override
  public Instant timestamp() {
    return start;
  }

  public Instant end() {
    return start.plus(interval);
  }
}
