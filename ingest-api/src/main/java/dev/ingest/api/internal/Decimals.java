package dev.ingest.api.internal;

import dev.ingest.api.error.DataValidationException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Decimal checks and normalization for record constructors.
 *
 * <p>Every decimal a record holds is normalized with {@link #normalize}: trailing zeros stripped
 * and never a negative scale, so {@code 1.0} and {@code 1.00} are one value and a re-sync of an
 * unchanged order compares equal. Internal: no compatibility promise.
 */
public final class Decimals {
  private Decimals() {}

  /** {@code 1.500 -> 1.5}, {@code 1E+3 -> 1000}, {@code 0.000 -> 0}. */
  public static BigDecimal normalize(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  public static @Nullable BigDecimal optional(@Nullable BigDecimal value) {
    return value == null ? null : normalize(value);
  }

  public static BigDecimal required(@Nullable BigDecimal value, String field) {
    return normalize(Check.notNull(value, field));
  }

  public static BigDecimal positive(@Nullable BigDecimal value, String field) {
    BigDecimal v = required(value, field);
    if (v.signum() <= 0) {
      throw new DataValidationException(field, "must be > 0, was " + v.toPlainString());
    }
    return v;
  }

  public static BigDecimal nonNegative(@Nullable BigDecimal value, String field) {
    BigDecimal v = required(value, field);
    if (v.signum() < 0) {
      throw new DataValidationException(field, "must be >= 0, was " + v.toPlainString());
    }
    return v;
  }

  public static @Nullable BigDecimal optionalNonNegative(@Nullable BigDecimal value, String field) {
    return value == null ? null : nonNegative(value, field);
  }

  public static @Nullable BigDecimal optionalPositive(@Nullable BigDecimal value, String field) {
    return value == null ? null : positive(value, field);
  }

  /**
   * Parses a provider's decimal text. Rejects NaN, infinities, hex and anything else {@link
   * BigDecimal} would not read, naming the field.
   */
  public static BigDecimal parse(@Nullable String text, String field) {
    Check.notNull(text, field);
    try {
      return normalize(new BigDecimal(text.trim()));
    } catch (NumberFormatException e) {
      throw new DataValidationException(
          field, "must be a decimal number, was " + Check.quote(text));
    }
  }

  /** A provider's double, rejecting NaN and infinities, which have no decimal value. */
  public static BigDecimal fromDouble(double value, String field) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new DataValidationException(field, "must be a finite number, was " + value);
    }
    return normalize(BigDecimal.valueOf(value));
  }
}
