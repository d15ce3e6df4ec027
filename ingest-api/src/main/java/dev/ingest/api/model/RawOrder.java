package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order exactly as the broker sent it, for the raw data lake of seed 001. Upserted to its latest
 * state by the broker's {@code updatedAt}.
 *
 * @param id the broker's order id (Alpaca: a UUID)
 * @param rawJson the payload byte-for-byte as received
 * @since 0.1
 */
public record RawOrder(
    String id, @Nullable String clientOrderId, String status, Instant updatedAt, String rawJson) {

  public RawOrder {
    Check.notBlank(id, "RawOrder.id");
    clientOrderId = Check.optionalNotBlank(clientOrderId, "RawOrder.clientOrderId");
    Check.notBlank(status, "RawOrder.status");
    Check.notNull(updatedAt, "RawOrder.updatedAt");
    Check.notBlank(rawJson, "RawOrder.rawJson");
  }
}
