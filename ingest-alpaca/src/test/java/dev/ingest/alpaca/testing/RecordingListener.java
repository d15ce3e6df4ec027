package dev.ingest.alpaca.testing;

import dev.ingest.alpaca.AlpacaIngestListener;
import dev.ingest.alpaca.StreamState;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.model.AccountId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Counts everything the ingester reports. Thread-safe. */
public final class RecordingListener implements AlpacaIngestListener {
  public final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
  public final Map<String, AtomicLong> healed = new ConcurrentHashMap<>();
  public final List<Duration> lags = new CopyOnWriteArrayList<>();
  public final List<StreamState> states = new CopyOnWriteArrayList<>();
  public final List<String> mismatches = new CopyOnWriteArrayList<>();
  public final List<String> unmatched = new CopyOnWriteArrayList<>();
  public final List<IngestException> failures = new CopyOnWriteArrayList<>();
  public final List<DataValidationException> invalid = new CopyOnWriteArrayList<>();
  public final List<Throwable> retries = new CopyOnWriteArrayList<>();
  public final AtomicLong reconnects = new AtomicLong();
  public final AtomicLong apiCalls = new AtomicLong();

  @Override
  public void tradeUpdate(AccountId account, String event, Duration lag) {
    events.computeIfAbsent(event, e -> new AtomicLong()).incrementAndGet();
    lags.add(lag);
  }

  @Override
  public void streamStateChanged(AccountId account, StreamState state) {
    states.add(state);
  }

  @Override
  public void streamReconnected(AccountId account, int failedAttempts) {
    reconnects.incrementAndGet();
  }

  @Override
  public void gapHealed(AccountId account, String recordType, long rows) {
    healed.computeIfAbsent(recordType, e -> new AtomicLong()).addAndGet(rows);
  }

  @Override
  public void fillIdMismatch(AccountId account, String streamId, String restId) {
    mismatches.add(streamId + " != " + restId);
  }

  @Override
  public void unmatchedStreamFill(AccountId account, String activityId) {
    unmatched.add(activityId);
  }

  @Override
  public void accountFailed(AccountId account, IngestException error) {
    failures.add(error);
  }

  @Override
  public void validationError(String provider, DataValidationException error) {
    invalid.add(error);
  }

  @Override
  public void retry(String provider, String operation, int attempt, Throwable cause) {
    retries.add(cause);
  }

  @Override
  public void apiCall(String provider, String operation, Duration latency, boolean success) {
    apiCalls.incrementAndGet();
  }

  public long events(String event) {
    AtomicLong n = events.get(event);
    return n == null ? 0 : n.get();
  }

  public long healed(String recordType) {
    AtomicLong n = healed.get(recordType);
    return n == null ? 0 : n.get();
  }
}
