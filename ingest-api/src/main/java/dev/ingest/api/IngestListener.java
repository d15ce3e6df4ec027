package dev.ingest.api;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.sync.SyncSummary;
import java.time.Duration;

/**
 * Receives counts and latencies from every ingester, sync and adapter: the hook for metrics (bridge
 * it to Micrometer, Prometheus or logs). Every method has a no-op default, so implement only what
 * you need.
 *
 * <p>Callbacks run on the ingesting thread: keep them quick. Whatever they throw is caught and
 * logged, never propagated into ingestion. Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface IngestListener {

  /** A listener that ignores everything. */
  IngestListener NOOP = new IngestListener() {};

  /** {@code count} records of {@code recordType} arrived from {@code provider}. */
  default void recordsFetched(String provider, String recordType, long count) {}

  /** One call to a provider finished, successfully or not, after {@code latency}. */
  default void apiCall(String provider, String operation, Duration latency, boolean success) {}

  /** A failed call is being retried; {@code attempt} counts from 1. */
  default void retry(String provider, String operation, int attempt, Throwable cause) {}

  /** A record failed validation and was skipped; the exception names field and record. */
  default void validationError(String provider, DataValidationException error) {}

  /** A historical fetch finished chunk {@code chunk} of {@code totalChunks}, counting from 1. */
  default void progress(
      String provider, String job, int chunk, int totalChunks, long records, long bytes) {}

  /** How far behind real time a stream is. */
  default void lag(String provider, String stream, Duration lag) {}

  /**
   * A store gave up on {@code records} writes of {@code operation} after its retries, or because
   * the server refused them for good; they are lost unless the source sends them again. Stores that
   * never throw into the caller (the market-data sink) report here.
   */
  default void writesDropped(String store, String operation, int records, Throwable cause) {}

  /** A sync function finished for one account and record type. */
  default void syncCompleted(AccountId account, String recordType, SyncSummary summary) {}
}
