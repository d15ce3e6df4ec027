package dev.ingest.api;

/**
 * What a {@link BrokerApi} can fetch. A broker declares what it has rather than throwing from what
 * it lacks.
 *
 * @since 0.1
 */
public enum BrokerCapability {
  ACCOUNT_SNAPSHOTS,
  POSITIONS,
  OPEN_ORDERS,
  EXECUTIONS,
  /** {@link BrokerApi#fetchExecutions(java.time.Instant)} asks the broker for less. */
  EXECUTIONS_SINCE,
  OPTION_EVENTS
}
