package dev.ingest.api.market;

import dev.ingest.api.error.DataValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Fixed-point prices as high-rate market records carry them: a {@code long} counting units of 1e-9,
 * as DBN does, so hot paths never allocate. {@link #UNDEFINED} marks a missing price (an empty book
 * side). Conversion to {@link BigDecimal} is exact.
 *
 * @since 0.1
 */
public final class Prices {
  /** Units per 1.0. */
  public static final long SCALE = 1_000_000_000L;

  /** A missing price; the same sentinel DBN uses ({@code INT64_MAX}). */
  public static final long UNDEFINED = Long.MAX_VALUE;

  private Prices() {}

  public static boolean isDefined(long fixed) {
    return fixed != UNDEFINED;
  }

  /** Exact decimal value, trailing zeros stripped; throws for {@link #UNDEFINED}. */
  public static BigDecimal toDecimal(long fixed) {
    if (fixed == UNDEFINED) {
      throw new IllegalArgumentException("undefined price has no decimal value");
    }
    BigDecimal value = BigDecimal.valueOf(fixed, 9).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  /** Plain decimal text ({@code "4521.25"}), or {@code null} for {@link #UNDEFINED}. */
  public static @Nullable String toPlainString(long fixed) {
    return fixed == UNDEFINED ? null : toDecimal(fixed).toPlainString();
  }

  /** Fixed-point from a decimal; more than 9 decimal places is an error, not a rounding. */
  public static long fromDecimal(BigDecimal value, String field) {
    try {
      return value.setScale(9, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new DataValidationException(
          field, "must fit 9 decimal places in 64 bits, was " + value.toPlainString());
    }
  }

  /**
   * Fixed-point from a provider's double (IB sends doubles), rounded half-even to 1e-9. NaN and
   * infinities, which brokers send for "no price", become {@link #UNDEFINED}; so does IB's {@code
   * Double.MAX_VALUE} "unset" value.
   */
  public static long fromDouble(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 9.2e9) {
      return UNDEFINED;
    }
    return Math.round(value * SCALE);
  }

  /** Midpoint of a bid and an ask, or {@link #UNDEFINED} when either is undefined. */
  public static long mid(long bid, long ask) {
    return isDefined(bid) && isDefined(ask) ? bid + (ask - bid) / 2 : UNDEFINED;
  }

  /** Ask minus bid, or {@link #UNDEFINED} when either is undefined. */
  public static long spread(long bid, long ask) {
    return isDefined(bid) && isDefined(ask) ? ask - bid : UNDEFINED;
  }

  /** Fixed-point to double for display and statistics; {@link #UNDEFINED} becomes NaN. */
  public static double toDouble(long fixed) {
    return fixed == UNDEFINED ? Double.NaN : fixed / (double) SCALE;
  }
}
