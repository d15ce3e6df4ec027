package dev.ingest.ibkr.internal;

import dev.ingest.api.error.DataValidationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date and time texts TWS sends, parsed leniently as reference §5.4 and §13.2 describe. */
public final class IbkrTimes {
  private static final Pattern DATE_TIME =
      Pattern.compile("(\\d{8})([ -]{1,2})(\\d{2}):(\\d{2})(?::(\\d{2}))?(?: (\\S.*))?");
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter FILTER_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

  private IbkrTimes() {}

  /**
   * An execution time: {@code 20260413 15:27:04 US/Eastern} (zone named), {@code 20230224 12:04:56}
   * with two spaces (TWS-local, so {@code twsZone}), {@code 20260413-15:27:04} (UTC) or epoch
   * seconds.
   */
  public static Instant parse(String text, ZoneId twsZone, String field) {
    String t = text.strip();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() != 8) {
      return Instant.ofEpochSecond(Long.parseLong(t));
    }
    Matcher m = DATE_TIME.matcher(t);
    if (!m.matches()) {
      throw new DataValidationException(
          field, "must be a TWS date-time like '20260413 15:27:04 US/Eastern', was '" + text + "'");
    }
    try {
      LocalDate date = LocalDate.parse(m.group(1), BASIC);
      int second = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      LocalDateTime local =
          date.atTime(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), second);
      ZoneId zone;
      if (m.group(6) != null) {
        zone = zone(m.group(6).strip(), field);
      } else if (m.group(2).equals("-")) {
        zone = ZoneOffset.UTC;
      } else {
        zone = twsZone;
      }
      return local.atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new DataValidationException(
          field, "must be a valid TWS date-time, was '" + text + "': " + e.getMessage());
    }
  }

  /** A zone as TWS names it: IANA ({@code US/Eastern}, {@code America/New_York}) or {@code EST}. */
  public static ZoneId zone(String name, String field) {
    try {
      return ZoneId.of(name, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw new DataValidationException(field, "unknown time zone '" + name + "'");
    }
  }

  /**
   * The date part of {@code lastTradeDateOrContractMonth}: {@code 20261218}, {@code 20261218 08:30
   * US/Central} or {@code 20261218-08:30}; null for a bare month ({@code 202612}) or empty.
   */
  public static LocalDate expiry(String text, String field) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    String date = t.split("[ -]", 2)[0];
    if (date.length() == 6) {
      return null;
    }
    try {
      return LocalDate.parse(date, BASIC);
    } catch (DateTimeParseException e) {
      throw new DataValidationException(field, "must be a date yyyyMMdd, was '" + text + "'");
    }
  }

  /** The execution filter's time form: {@code yyyyMMdd-HH:mm:ss} in UTC. */
  public static String filterTime(Instant since) {
    return FILTER_TIME.format(since);
  }
}
