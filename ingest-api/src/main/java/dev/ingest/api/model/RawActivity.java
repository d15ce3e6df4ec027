package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account activity (fill, dividend, fee, journal) exactly as the broker sent it, for the
 * append-only raw data lake of seed 001.
 *
 * @param id the broker's activity id, or for a fill seen on the stream its synthetic id {@code
 *     YYYYMMDDHHMMSSmmm::execution_id}, so the stream copy and the REST copy are one row
 * @param occurredAt the activity's transaction time (or its date at midnight New York time for
 *     non-trade activities)
 * @param rawJson the payload byte-for-byte as received
 * @since 0.1
 */
public record RawActivity(
    String id,
    String activityType,
    @Nullable BigDecimal netAmount,
    @Nullable String executionId,
    Instant occurredAt,
    String rawJson) {

  public RawActivity {
    Check.notBlank(id, "RawActivity.id");
    Check.notBlank(activityType, "RawActivity.activityType");
    netAmount = Decimals.optional(netAmount);
    executionId = Check.optionalNotBlank(executionId, "RawActivity.executionId");
    Check.notNull(occurredAt, "RawActivity.occurredAt");
    Check.notBlank(rawJson, "RawActivity.rawJson");
  }
}
