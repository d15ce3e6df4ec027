package dev.ingest.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ingest.api.error.DataValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One {@code trade_updates} event ({@code {"stream":"trade_updates","data":{...}}}).
 *
 * @param event {@code new}, {@code fill}, {@code partial_fill}, {@code canceled}, ... or one we do
 *     not know, which is stored all the same
 * @param executionId unique per execution; sent on most events, not only fills
 * @param timestamp when the event happened (for a fill, the execution time), nanosecond precision
 * @param qty the quantity of this execution (fills only)
 * @param price the price of this execution (fills only; Alpaca's docs call it an average)
 * @param raw the {@code data} object byte-for-byte as received
 */
record TradeUpdate(
    String event,
    @Nullable String executionId,
    @Nullable Instant timestamp,
    WireOrder order,
    @Nullable BigDecimal qty,
    @Nullable BigDecimal price,
    String raw) {

  static final String RECORD = "TradeUpdate";

  static TradeUpdate from(JsonNode data, String raw, @Nullable String orderRaw) {
    String event = Json.requireText(data, "event", RECORD);
    String executionId = Json.text(data, "execution_id");
    try {
      JsonNode order = data.get("order");
      if (order == null || !order.isObject() || orderRaw == null) {
        throw new DataValidationException(RECORD + ".order", "is missing");
      }
      TradeUpdate update =
          new TradeUpdate(
              event,
              executionId,
              Json.instant(data, "timestamp", RECORD),
              WireOrder.from(order, orderRaw),
              Json.decimal(data, "qty", RECORD),
              Json.decimal(data, "price", RECORD),
              raw);
      if (update.isFill()) {
        if (executionId == null) {
          throw new DataValidationException(RECORD + ".execution_id", "is missing on a " + event);
        }
        if (update.timestamp == null) {
          throw new DataValidationException(RECORD + ".timestamp", "is missing on a " + event);
        }
      }
      return update;
    } catch (DataValidationException e) {
      throw e.withContext("alpaca", "event=" + event + " execution_id=" + executionId);
    }
  }

  /** A {@code fill} or {@code partial_fill}: an execution, which becomes a FILL activity. */
  boolean isFill() {
    return "fill".equals(event) || "partial_fill".equals(event);
  }

  /** The event's time, or the order's {@code updated_at} when the event carries none. */
  Instant eventTime() {
    return timestamp != null ? timestamp : order.updatedAt();
  }
}
