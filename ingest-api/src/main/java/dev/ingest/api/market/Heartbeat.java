package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "I am alive" from a long-running ingester ({@code heartbeat:ibkr_ingestion}, {@code
 * heartbeat:alpha_vantage}), with a few fields of context such as connection state.
 *
 * @param component lower-case name, {@code a-z 0-9 _}; it becomes part of a key
 * @since 0.1
 */
public record Heartbeat(String component, Instant at, Map<String, String> fields) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  public Heartbeat {
    Check.matches(component, NAME, "Heartbeat.component", "lower-case letters, digits, _");
    Check.notNull(at, "Heartbeat.at");
    fields = Check.map(fields, "Heartbeat.fields");
  }
}
