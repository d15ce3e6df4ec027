package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.model.Symbol;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A depth snapshot: bids best (highest) first, asks best (lowest) first.
 *
 * @param exchange the venue this book is from, or null for the book aggregated across venues
 * @since 0.1
 */
public record OrderBook(
    Symbol symbol,
    @Nullable String exchange,
    Instant timestamp,
    List<BookLevel> bids,
    List<BookLevel> asks)
    implements MarketRecord {

  public OrderBook {
    Check.notNull(symbol, "OrderBook.symbol");
    exchange = Check.optionalNotBlank(exchange, "OrderBook.exchange");
    Check.notNull(timestamp, "OrderBook.timestamp");
    bids = Check.list(bids, "OrderBook.bids");
    asks = Check.list(asks, "OrderBook.asks");
    for (int i = 1; i < bids.size(); i++) {
      Check.that(
          bids.get(i).price() <= bids.get(i - 1).price(),
          "OrderBook.bids",
          "must be best (highest) first, level " + i + " is above level " + (i - 1));
    }
    for (int i = 1; i < asks.size(); i++) {
      Check.that(
          asks.get(i).price() >= asks.get(i - 1).price(),
          "OrderBook.asks",
          "must be best (lowest) first, level " + i + " is below level " + (i - 1));
    }
  }
}
