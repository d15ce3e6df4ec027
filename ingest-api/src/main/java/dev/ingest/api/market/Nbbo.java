package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.model.Symbol;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The best bid and offer aggregated across venues. Prices fixed-point at 1e-9; an empty side has
 * price {@link Prices#UNDEFINED}.
 *
 * @since 0.1
 */
public record Nbbo(
    Symbol symbol,
    Instant timestamp,
    long bidPrice,
    long bidSize,
    @Nullable String bidVenue,
    long askPrice,
    long askSize,
    @Nullable String askVenue)
    implements MarketRecord {

  public Nbbo {
    Check.notNull(symbol, "Nbbo.symbol");
    Check.notNull(timestamp, "Nbbo.timestamp");
    Check.nonNegative(bidSize, "Nbbo.bidSize");
    Check.nonNegative(askSize, "Nbbo.askSize");
  }

  public boolean isTwoSided() {
    return Prices.isDefined(bidPrice) && Prices.isDefined(askPrice);
  }

  /** Midpoint, or {@link Prices#UNDEFINED} when a side is empty. */
  public long mid() {
    return Prices.mid(bidPrice, askPrice);
  }

  /** Ask minus bid, or {@link Prices#UNDEFINED} when a side is empty. */
  public long spread() {
    return Prices.spread(bidPrice, askPrice);
  }

  /** Spread in basis points of the mid, or NaN when a side is empty or the mid is not positive. */
  public double spreadBps() {
    long mid = mid();
    return mid == Prices.UNDEFINED || mid <= 0 ? Double.NaN : spread() * 10_000.0 / mid;
  }
}
