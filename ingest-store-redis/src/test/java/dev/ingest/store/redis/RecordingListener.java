package dev.ingest.store.redis;

import dev.ingest.api.IngestListener;
import dev.ingest.api.error.DataValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the sink reports, for tests to check. Thread-safe. */
final class RecordingListener implements IngestListener {
  final List<Throwable> retries = new CopyOnWriteArrayList<>();
  final List<String> failedCalls = new CopyOnWriteArrayList<>();
  final List<String> succeededCalls = new CopyOnWriteArrayList<>();
  final List<DataValidationException> rejected = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<Integer> dropped = new CopyOnWriteArrayList<>();

  @Override
  public void retry(String provider, String operation, int attempt, Throwable cause) {
    threads.add(Thread.currentThread().getName());
    retries.add(cause);
  }

  @Override
  public void apiCall(String provider, String operation, Duration latency, boolean success) {
    (success ? succeededCalls : failedCalls).add(provider + ":" + operation);
  }

  @Override
  public void writesDropped(String store, String operation, int records, Throwable cause) {
    dropped.add(records);
  }

  @Override
  public void validationError(String provider, DataValidationException error) {
    rejected.add(error);
  }
}
