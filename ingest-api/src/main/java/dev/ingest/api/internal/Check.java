package dev.ingest.api.internal;

import dev.ingest.api.error.DataValidationException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks for record constructors. Each throws {@link DataValidationException} naming
 * {@code Record.field} and the bad value. Internal: no compatibility promise.
 */
public final class Check {
  private Check() {}

  public static <T> T notNull(@Nullable T value, String field) {
    if (value == null) {
      throw new DataValidationException(field, "must not be null");
    }
    return value;
  }

  public static String notBlank(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new DataValidationException(field, "must not be blank, was " + quote(value));
    }
    return value;
  }

  /** Null stays null; anything else must not be blank. */
  public static @Nullable String optionalNotBlank(@Nullable String value, String field) {
    return value == null ? null : notBlank(value, field);
  }

  public static String matches(@Nullable String value, Pattern pattern, String field, String rule) {
    notNull(value, field);
    if (!pattern.matcher(value).matches()) {
      throw new DataValidationException(field, "must be " + rule + ", was " + quote(value));
    }
    return value;
  }

  public static long positive(long value, String field) {
    if (value <= 0) {
      throw new DataValidationException(field, "must be > 0, was " + value);
    }
    return value;
  }

  public static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new DataValidationException(field, "must be >= 0, was " + value);
    }
    return value;
  }

  public static <T> List<T> list(@Nullable List<T> values, String field) {
    if (values == null) {
      return List.of();
    }
    try {
      return List.copyOf(values);
    } catch (NullPointerException e) {
      throw new DataValidationException(field, "must not contain null");
    }
  }

  public static <K, V> Map<K, V> map(@Nullable Map<K, V> values, String field) {
    if (values == null) {
      return Map.of();
    }
    try {
      return Map.copyOf(values);
    } catch (NullPointerException e) {
      throw new DataValidationException(field, "must not contain null keys or values");
    }
  }

  public static void that(boolean condition, String field, String problem) {
    if (!condition) {
      throw new DataValidationException(field, problem);
    }
  }

  static String quote(@Nullable String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
