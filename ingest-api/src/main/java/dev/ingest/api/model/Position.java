package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A holding in one instrument. Natural key {@code (account, instrument.key())}; always updated on a
 * new sync. Quantity is signed (negative = short) and zero once closed.
 *
 * @param asOf when the broker reported it; not part of the comparison that decides whether a
 *     re-synced position changed (see {@link #sameHolding})
 * @since 0.1
 */
public record Position(
    AccountId account,
    Instrument instrument,
    BigDecimal quantity,
    @Nullable BigDecimal averageCost,
    @Nullable BigDecimal marketPrice,
    @Nullable BigDecimal marketValue,
    Instant asOf) {

  public Position {
    Check.notNull(account, "Position.account");
    Check.notNull(instrument, "Position.instrument");
    quantity = Decimals.required(quantity, "Position.quantity");
    averageCost = Decimals.optional(averageCost);
    marketPrice = Decimals.optionalNonNegative(marketPrice, "Position.marketPrice");
    marketValue = Decimals.optional(marketValue);
    Check.notNull(asOf, "Position.asOf");
  }

  /** A flat position: what a holding becomes when the broker stops reporting it. */
  public Position closedAt(Instant when) {
    return new Position(account, instrument, BigDecimal.ZERO, null, null, BigDecimal.ZERO, when);
  }

  /** Whether both describe the same holding, ignoring when each was reported. */
  public boolean sameHolding(Position other) {
    return account.equals(other.account)
        && instrument.equals(other.instrument)
        && quantity.equals(other.quantity)
        && java.util.Objects.equals(averageCost, other.averageCost)
        && java.util.Objects.equals(marketPrice, other.marketPrice)
        && java.util.Objects.equals(marketValue, other.marketValue);
  }

  public String naturalKey() {
    return "account=" + account + " instrument=" + instrument.key();
  }
}
