package dev.ingest.api;

import dev.ingest.api.internal.Check;
import java.time.Instant;

/**
 * A half-open span of time {@code [start, end)}.
 *
 * @since 0.1
 */
public record TimeRange(Instant start, Instant end) {
  public TimeRange {
    Check.notNull(start, "TimeRange.start");
    Check.notNull(end, "TimeRange.end");
    Check.that(
        end.isAfter(start), "TimeRange.end", "must be after start " + start + ", was " + end);
  }
}
