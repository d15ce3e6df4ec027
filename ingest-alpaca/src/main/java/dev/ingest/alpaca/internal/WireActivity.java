package dev.ingest.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ingest.alpaca.SyntheticActivityId;
import dev.ingest.api.error.DataValidationException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An account activity as REST sends it: a FILL (trade activity) or any non-trade type (DIV, FEE,
 * JNLC, CSD, ... and types we have never seen, which are kept, not rejected).
 *
 * @param transactionTime set on fills (and some newer non-trade rows)
 * @param date set on non-trade activities
 * @param raw the activity object byte-for-byte as received
 */
record WireActivity(
    String id,
    String activityType,
    @Nullable Instant transactionTime,
    @Nullable LocalDate date,
    JsonNode node,
    String raw) {

  static final String RECORD = "AlpacaActivity";

  static WireActivity from(JsonNode node, String raw) {
    if (!node.isObject()) {
      throw new DataValidationException(RECORD, "must be a JSON object, was " + node.getNodeType());
    }
    String id = Json.requireText(node, "id", RECORD);
    try {
      String type = Json.requireText(node, "activity_type", RECORD);
      Instant time = Json.instant(node, "transaction_time", RECORD);
      LocalDate date = Json.date(node, "date", RECORD);
      if (isFill(type) && time == null) {
        throw new DataValidationException(RECORD + ".transaction_time", "is missing on a FILL");
      }
      if (time == null && date == null) {
        throw new DataValidationException(
            RECORD + ".date", "is missing, and so is transaction_time");
      }
      return new WireActivity(id, type, time, date, node, raw);
    } catch (DataValidationException e) {
      throw e.withContext("alpaca", "activity id=" + id);
    }
  }

  static boolean isFill(String activityType) {
    return "FILL".equalsIgnoreCase(activityType);
  }

  boolean isFill() {
    return isFill(activityType);
  }

  /** When it happened: the transaction time, or the date at midnight New York time. */
  Instant occurredAt() {
    if (transactionTime != null) {
      return transactionTime;
    }
    return date.atStartOfDay(SyntheticActivityId.NEW_YORK).toInstant();
  }

  /** The id after {@code ::} (for a fill its execution id), or null for an id of another shape. */
  @Nullable String executionId() {
    int separator = id.indexOf("::");
    return separator < 0 || separator + 2 >= id.length() ? null : id.substring(separator + 2);
  }
}
