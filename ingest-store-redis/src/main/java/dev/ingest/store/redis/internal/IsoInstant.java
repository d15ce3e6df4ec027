package dev.ingest.store.redis.internal;

import java.time.Instant;

/**
 * Writes an {@link Instant} as ISO-8601 UTC text, byte for byte what {@link Instant#toString()}
 * gives ({@code 2024-03-01T14:30:00.123456789Z}: the fraction in 0, 3, 6 or 9 digits), without the
 * formatter's allocations. Years outside 0000-9999 fall back to {@code toString()}.
 */
final class IsoInstant {
  private static final long SECONDS_PER_DAY = 86_400;
  /* 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z */
  private static final long MIN = -62_167_219_200L;
  private static final long MAX = 253_402_300_800L;

  private IsoInstant() {}

  static void append(JsonOut out, Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds < MIN || seconds >= MAX) {
      out.ascii(t.toString());
      return;
    }
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    long secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
    // civil date from days since the epoch (H. Hinnant, "chrono-compatible date algorithms")
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    out.padded(year, 4);
    out.put((byte) '-');
    out.padded(month, 2);
    out.put((byte) '-');
    out.padded(day, 2);
    out.put((byte) 'T');
    out.padded(secondOfDay / 3600, 2);
    out.put((byte) ':');
    out.padded(secondOfDay / 60 % 60, 2);
    out.put((byte) ':');
    out.padded(secondOfDay % 60, 2);
    int nanos = t.getNano();
    if (nanos != 0) {
      out.put((byte) '.');
      if (nanos % 1_000_000 == 0) {
        out.padded(nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        out.padded(nanos / 1000, 6);
      } else {
        out.padded(nanos, 9);
      }
    }
    out.put((byte) 'Z');
  }
}
