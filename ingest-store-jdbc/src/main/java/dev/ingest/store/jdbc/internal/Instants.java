package dev.ingest.store.jdbc.internal;

import dev.ingest.api.error.DataValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How an {@link Instant} is split for storage. PostgreSQL's {@code timestamptz} keeps microseconds,
 * and some brokers stamp nanoseconds (Alpaca's stream), so every instant is stored as the instant
 * floored to the microsecond plus the nanoseconds beyond it (0-999) in a {@code _ns} column. The
 * pair reads back to the very same {@link Instant}, and {@code (ts, ts_ns)} orders like the
 * instant. SQLite keeps the microsecond part as fixed-width ISO-8601 text, which sorts as time
 * does.
 */
final class Instants {
  /** The range both dialects store as fixed-width text and PostgreSQL accepts. */
  static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

  static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static final DateTimeFormatter SQLITE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Instants() {}

  static Instant check(Instant value, String field) {
    if (value.isBefore(MIN) || value.isAfter(MAX)) {
      throw new DataValidationException(
          field, "must be between years 0001 and 9999 to be stored, was " + value);
    }
    return value;
  }

  /** The instant floored to the microsecond. */
  static Instant micros(Instant value) {
    return value.truncatedTo(ChronoUnit.MICROS);
  }

  /** The nanoseconds beyond the microsecond, 0-999. */
  static int nanos(Instant value) {
    return value.getNano() % 1000;
  }

  /**
   * The fixed-width text of the microsecond part, {@code 2024-03-01T14:30:00.123456Z}: SQLite's
   * column value, and what PostgreSQL's COPY reads. Written by hand because a bulk load formats
   * hundreds of thousands of these and {@link DateTimeFormatter} is several times slower.
   */
  static String text(Instant value) {
    long seconds = value.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(days);
    int year = date.getYear();
    if (year < 1 || year > 9999) {
      return SQLITE.format(micros(value)); // never stored (see check), but still correct
    }
    char[] out = new char[27];
    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    out[19] = '.';
    digits(out, 20, value.getNano() / 1000, 6);
    out[26] = 'Z';
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static Instant join(Instant micros, int nanos) {
    return micros.plusNanos(nanos);
  }

  /** Reads {@link #text}. */
  static Instant parse(String text) {
    return Instant.parse(text);
  }
}
