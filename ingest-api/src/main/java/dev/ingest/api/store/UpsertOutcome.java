package dev.ingest.api.store;

/**
 * What a store did with one record of a batch.
 *
 * @since 0.1
 */
public enum UpsertOutcome {
  /** The natural key was new; the record was inserted. */
  CREATED,
  /** The natural key existed and the record replaced the stored state. */
  UPDATED,
  /**
   * Nothing was written: the record equals what is stored, or the upsert rule kept the stored one
   * (an execution seen before, a duplicate option event, an order update older than the stored
   * state).
   */
  UNCHANGED
}
