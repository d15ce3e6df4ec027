package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import org.jspecify.annotations.Nullable;

/**
 * One price level of a depth book. Price fixed-point at 1e-9.
 *
 * @param venue the market maker or venue quoting it (IB's {@code marketMaker}), if known
 * @since 0.1
 */
public record BookLevel(long price, long size, @Nullable String venue) {
  public BookLevel {
    Check.that(Prices.isDefined(price), "BookLevel.price", "must be defined");
    Check.nonNegative(size, "BookLevel.size");
    venue = Check.optionalNotBlank(venue, "BookLevel.venue");
  }
}
