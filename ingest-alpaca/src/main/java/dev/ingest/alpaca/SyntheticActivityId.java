package dev.ingest.alpaca;

import dev.ingest.api.Beta;
import dev.ingest.api.error.DataValidationException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The activity id Alpaca gives a fill, rebuilt from what the {@code trade_updates} stream sends, so
 * a fill seen on the stream and the same fill fetched over REST are one row in the raw data lake
 * (seed 001).
 *
 * <p>Format: {@code YYYYMMDDHHMMSSmmm::execution_id}. The 17-digit prefix is the fill's time as
 * wall-clock time in {@code America/New_York} (EDT or EST by the date's own rules, never a fixed
 * offset), <em>truncated</em> to milliseconds: in Alpaca's real FILL ids {@code
 * 2020-06-03T13:30:14.199812Z} became {@code 20200603093014199}, where rounding would give {@code
 * ...200}. In the autumn hour that New York lives twice, two instants an hour apart share a prefix;
 * the execution id still tells them apart.
 *
 * <p>That the prefix is built this way is verified on real ids. That Alpaca's REST id carries the
 * stream's {@code execution_id} after {@code ::}, and that the stream's {@code timestamp} equals
 * the REST {@code transaction_time}, is not: the ingester therefore also matches fills by {@code
 * (order id, cumulative quantity, quantity)} and reports the ones that never find their twin.
 *
 * <p>Only fills get synthetic ids; cash and journal activities keep the ids REST gives them.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
@Beta
public final class SyntheticActivityId {
  /** The zone whose wall-clock time Alpaca writes into activity ids. */
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  // SSS prints the first three digits of the fraction: truncation, never rounding
  private static final DateTimeFormatter PREFIX =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(NEW_YORK);
  private static final Pattern ACTIVITY_ID = Pattern.compile("\\d{17}::\\S+");
  private static final String SEPARATOR = "::";

  private SyntheticActivityId() {}

  /**
   * The activity id of the fill executed at {@code transactionTime} with {@code executionId}.
   *
   * @throws DataValidationException when the execution id is blank or contains {@code ::}
   */
  public static String of(Instant transactionTime, String executionId) {
    if (transactionTime == null) {
      throw new DataValidationException("SyntheticActivityId.transactionTime", "must not be null");
    }
    if (executionId == null || executionId.isBlank() || executionId.contains(SEPARATOR)) {
      throw new DataValidationException(
          "SyntheticActivityId.executionId",
          "must be a non-blank id without '::', was '" + executionId + "'");
    }
    return prefix(transactionTime) + SEPARATOR + executionId;
  }

  /** The 17-digit New York wall-clock prefix of {@code time}, milliseconds truncated. */
  public static String prefix(Instant time) {
    return PREFIX.format(time);
  }

  /**
   * The part after {@code ::} of an Alpaca activity id (for a fill, its execution id).
   *
   * @throws DataValidationException when {@code activityId} is not {@code 17 digits::id}
   */
  public static String executionIdOf(String activityId) {
    if (activityId == null || !ACTIVITY_ID.matcher(activityId).matches()) {
      throw new DataValidationException(
          "SyntheticActivityId.activityId",
          "must be 17 digits, '::' and an id, was '" + activityId + "'");
    }
    return activityId.substring(activityId.indexOf(SEPARATOR) + SEPARATOR.length());
  }
}
