package dev.ingest.databento;

import dev.ingest.api.IngestListener;
import dev.ingest.api.error.DataValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the adapter reports, for assertions. Thread-safe. */
final class RecordingListener implements IngestListener {
  record Progress(String job, int chunk, int totalChunks, long records, long bytes) {}

  record Retry(String operation, int attempt, Throwable cause) {}

  record ApiCall(String operation, boolean success) {}

  final List<Progress> progress = new CopyOnWriteArrayList<>();
  final List<Retry> retries = new CopyOnWriteArrayList<>();
  final List<ApiCall> apiCalls = new CopyOnWriteArrayList<>();
  final List<DataValidationException> validationErrors = new CopyOnWriteArrayList<>();
  final List<Long> fetched = new CopyOnWriteArrayList<>();

  @Override
  public void progress(
      String provider, String job, int chunk, int totalChunks, long records, long bytes) {
    progress.add(new Progress(job, chunk, totalChunks, records, bytes));
  }

  @Override
  public void retry(String provider, String operation, int attempt, Throwable cause) {
    retries.add(new Retry(operation, attempt, cause));
  }

  @Override
  public void apiCall(String provider, String operation, Duration latency, boolean success) {
    apiCalls.add(new ApiCall(operation, success));
  }

  @Override
  public void validationError(String provider, DataValidationException error) {
    validationErrors.add(error);
  }

  @Override
  public void recordsFetched(String provider, String recordType, long count) {
    fetched.add(count);
  }
}
