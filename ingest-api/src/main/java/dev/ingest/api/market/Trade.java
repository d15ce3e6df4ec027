package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One print on the tape. Price fixed-point at 1e-9.
 *
 * @param venue the executing venue's code (e.g. {@code ARCA}), if known
 * @param aggressor the side that took liquidity, if known
 * @since 0.1
 */
public record Trade(
    Symbol symbol,
    Instant timestamp,
    long price,
    long size,
    @Nullable String venue,
    @Nullable Side aggressor)
    implements MarketRecord {

  public Trade {
    Check.notNull(symbol, "Trade.symbol");
    Check.notNull(timestamp, "Trade.timestamp");
    Check.that(Prices.isDefined(price), "Trade.price", "must be defined");
    Check.nonNegative(size, "Trade.size");
    venue = Check.optionalNotBlank(venue, "Trade.venue");
  }
}
