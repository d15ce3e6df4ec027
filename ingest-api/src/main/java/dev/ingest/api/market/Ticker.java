package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.model.Symbol;
import java.time.Instant;

/**
 * What {@code market:{symbol}:ticker} holds: the aggregated best bid and offer plus the last trade.
 * Prices fixed-point at 1e-9; anything not yet seen is {@link Prices#UNDEFINED}.
 *
 * @since 0.1
 */
public record Ticker(
    Symbol symbol,
    Instant timestamp,
    long bidPrice,
    long bidSize,
    long askPrice,
    long askSize,
    long lastPrice,
    long lastSize)
    implements MarketRecord {

  public Ticker {
    Check.notNull(symbol, "Ticker.symbol");
    Check.notNull(timestamp, "Ticker.timestamp");
    Check.nonNegative(bidSize, "Ticker.bidSize");
    Check.nonNegative(askSize, "Ticker.askSize");
    Check.nonNegative(lastSize, "Ticker.lastSize");
  }

  /** The ticker for a quote and the last trade seen, if any. */
  public static Ticker of(Nbbo quote, long lastPrice, long lastSize) {
    return new Ticker(
        quote.symbol(),
        quote.timestamp(),
        quote.bidPrice(),
        quote.bidSize(),
        quote.askPrice(),
        quote.askSize(),
        lastPrice,
        lastSize);
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
}
