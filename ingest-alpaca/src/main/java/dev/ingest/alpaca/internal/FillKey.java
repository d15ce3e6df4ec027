package dev.ingest.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ingest.api.error.DataValidationException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The fallback identity of one execution, present in both the REST FILL activity and the stream
 * fill event (reference §7): the order, its cumulative filled quantity after the execution, and the
 * execution's own quantity. Cumulative quantity only grows within an order, so the pair (order,
 * cumulative quantity) is already unique; the quantity is a consistency check. The price is left
 * out on purpose: Alpaca's docs call the stream's {@code price} an average, its staff say it is the
 * execution's price, and a key must not depend on which is right.
 *
 * @param cumQty normalized, so {@code "5"} and {@code "5.0"} are one key
 */
record FillKey(String orderId, BigDecimal cumQty, BigDecimal qty) {

  /** From a REST FILL ({@code order_id}, {@code cum_qty}, {@code qty}); null when one is absent. */
  static @Nullable FillKey ofRest(JsonNode fill) {
    try {
      String orderId = Json.text(fill, "order_id");
      BigDecimal cum = Json.decimal(fill, "cum_qty", WireActivity.RECORD);
      BigDecimal qty = Json.decimal(fill, "qty", WireActivity.RECORD);
      return orderId == null || cum == null || qty == null ? null : new FillKey(orderId, cum, qty);
    } catch (DataValidationException e) {
      return null;
    }
  }

  /** From a stream fill ({@code order.id}, {@code order.filled_qty}, {@code qty}); may be null. */
  static @Nullable FillKey ofStream(TradeUpdate fill) {
    try {
      BigDecimal cum = Json.decimal(fill.order().node(), "filled_qty", WireOrder.RECORD);
      return cum == null || fill.qty() == null
          ? null
          : new FillKey(fill.order().id(), cum, fill.qty());
    } catch (DataValidationException e) {
      return null;
    }
  }

  /**
   * From a stored row's payload, whichever source wrote it: a stream event has an {@code order}
   * object, a REST activity an {@code order_id}.
   */
  static @Nullable FillKey ofStored(JsonNode payload) {
    JsonNode order = payload.get("order");
    if (order != null && order.isObject()) {
      try {
        String orderId = Json.text(order, "id");
        BigDecimal cum = Json.decimal(order, "filled_qty", WireOrder.RECORD);
        BigDecimal qty = Json.decimal(payload, "qty", TradeUpdate.RECORD);
        return orderId == null || cum == null || qty == null
            ? null
            : new FillKey(orderId, cum, qty);
      } catch (DataValidationException e) {
        return null;
      }
    }
    return ofRest(payload);
  }

  @Override
  public String toString() {
    return "order="
        + orderId
        + " cum_qty="
        + cumQty.toPlainString()
        + " qty="
        + qty.toPlainString();
  }
}
