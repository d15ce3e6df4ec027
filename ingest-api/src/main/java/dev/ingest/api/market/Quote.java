package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.model.Symbol;
import java.time.Instant;

/**
 * Top of book from one source (Databento TBBO / MBP-1, an IB L1 tick). Prices fixed-point at 1e-9;
 * a side with no order has price {@link Prices#UNDEFINED} and size 0.
 *
 * @since 0.1
 */
public record Quote(
    Symbol symbol, Instant timestamp, long bidPrice, long bidSize, long askPrice, long askSize)
    implements MarketRecord {

  public Quote {
    Check.notNull(symbol, "Quote.symbol");
    Check.notNull(timestamp, "Quote.timestamp");
    Check.nonNegative(bidSize, "Quote.bidSize");
    Check.nonNegative(askSize, "Quote.askSize");
  }
}
