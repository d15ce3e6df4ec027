package dev.ingest.api.internal;

import dev.ingest.api.IngestListener;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.sync.SyncSummary;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a user's listener so that whatever it throws is logged and dropped: a broken metrics hook
 * must never stop ingestion. Internal.
 */
public final class SafeListener implements IngestListener {
  private static final Logger log = LoggerFactory.getLogger(SafeListener.class);

  private final IngestListener delegate;

  private SafeListener(IngestListener delegate) {
    this.delegate = delegate;
  }

  public static IngestListener wrap(IngestListener listener) {
    if (listener == null || listener == IngestListener.NOOP) {
      return IngestListener.NOOP;
    }
    return listener instanceof SafeListener ? listener : new SafeListener(listener);
  }

  private void guard(String callback, Runnable call) {
    try {
      call.run();
    } catch (Throwable t) {
      log.warn(
          "listener callback failed callback={} listener={}",
          callback,
          delegate.getClass().getName(),
          t);
    }
  }

  @Override
  public void recordsFetched(String provider, String recordType, long count) {
    guard("recordsFetched", () -> delegate.recordsFetched(provider, recordType, count));
  }

  @Override
  public void apiCall(String provider, String operation, Duration latency, boolean success) {
    guard("apiCall", () -> delegate.apiCall(provider, operation, latency, success));
  }

  @Override
  public void retry(String provider, String operation, int attempt, Throwable cause) {
    guard("retry", () -> delegate.retry(provider, operation, attempt, cause));
  }

  @Override
  public void validationError(String provider, DataValidationException error) {
    guard("validationError", () -> delegate.validationError(provider, error));
  }

  @Override
  public void progress(
      String provider, String job, int chunk, int totalChunks, long records, long bytes) {
    guard("progress", () -> delegate.progress(provider, job, chunk, totalChunks, records, bytes));
  }

  @Override
  public void lag(String provider, String stream, Duration lag) {
    guard("lag", () -> delegate.lag(provider, stream, lag));
  }

  @Override
  public void writesDropped(String store, String operation, int records, Throwable cause) {
    guard("writesDropped", () -> delegate.writesDropped(store, operation, records, cause));
  }

  @Override
  public void syncCompleted(AccountId account, String recordType, SyncSummary summary) {
    guard("syncCompleted", () -> delegate.syncCompleted(account, recordType, summary));
  }
}
