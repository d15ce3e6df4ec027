package dev.ingest.api.model;

import dev.ingest.api.internal.Check;

/**
 * Interactive Brokers' contract id: one number per tradable contract, stable for its life.
 *
 * @since 0.1
 */
public record ConId(long value) {
  public ConId {
    Check.positive(value, "ConId.value");
  }

  public static ConId of(long value) {
    return new ConId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
