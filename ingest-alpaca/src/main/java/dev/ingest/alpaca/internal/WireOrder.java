package dev.ingest.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ingest.api.error.DataValidationException;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An Alpaca order object as sent, from REST or inside a stream event: the fields the ingester
 * decides on, the parsed tree for everything else, and the exact text.
 *
 * @param updatedAt the broker's last change, the version the raw data lake upserts by
 * @param submittedAt what {@code GET /v2/orders?after=} filters on
 * @param raw the order object byte-for-byte as received
 */
record WireOrder(
    String id,
    @Nullable String clientOrderId,
    String status,
    Instant updatedAt,
    @Nullable Instant submittedAt,
    JsonNode node,
    String raw) {

  static final String RECORD = "AlpacaOrder";

  /** Statuses after which Alpaca changes an order no more. */
  private static final Set<String> FINAL =
      Set.of("filled", "canceled", "expired", "replaced", "rejected");

  static WireOrder from(JsonNode node, String raw) {
    if (!node.isObject()) {
      throw new DataValidationException(RECORD, "must be a JSON object, was " + node.getNodeType());
    }
    String id = Json.requireText(node, "id", RECORD);
    try {
      return new WireOrder(
          id,
          Json.text(node, "client_order_id"),
          Json.requireText(node, "status", RECORD),
          Json.requireInstant(node, "updated_at", RECORD),
          Json.instant(node, "submitted_at", RECORD),
          node,
          raw);
    } catch (DataValidationException e) {
      throw e.withContext("alpaca", "order id=" + id);
    }
  }

  /** Whether Alpaca will still change this order (new, partially filled, pending, held...). */
  boolean isOpen() {
    return isOpenStatus(status);
  }

  static boolean isOpenStatus(String status) {
    return !FINAL.contains(status);
  }
}
