package dev.ingest.databento.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header: integer seconds as Databento sends them, or an HTTP-date,
 * which some proxies send. Internal.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait asked for, never negative; null when the header is absent or unreadable. */
  public static @Nullable Duration parse(@Nullable String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return Duration.ofSeconds(Math.max(0, seconds));
    } catch (NumberFormatException e) {
      // not seconds: try an HTTP-date
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
