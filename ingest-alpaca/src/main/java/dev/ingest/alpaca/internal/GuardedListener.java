package dev.ingest.alpaca.internal;

import dev.ingest.alpaca.AlpacaIngestListener;
import dev.ingest.alpaca.StreamState;
import dev.ingest.api.IngestListener;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.internal.SafeListener;
import dev.ingest.api.model.AccountId;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's listener with every call guarded: what it throws is logged and dropped. The Alpaca
 * callbacks go only to an {@link AlpacaIngestListener}; the generic ones to any listener.
 */
final class GuardedListener {
  private static final Logger log = LoggerFactory.getLogger(GuardedListener.class);

  private final IngestListener generic;
  private final AlpacaIngestListener alpaca;

  GuardedListener(IngestListener listener) {
    this.generic = SafeListener.wrap(listener);
    this.alpaca = listener instanceof AlpacaIngestListener a ? a : new AlpacaIngestListener() {};
  }

  IngestListener generic() {
    return generic;
  }

  void tradeUpdate(AccountId account, String event, Duration lag) {
    generic.recordsFetched("alpaca", "trade_updates." + event, 1);
    generic.lag("alpaca", "trade_updates", lag);
    guard("tradeUpdate", () -> alpaca.tradeUpdate(account, event, lag));
  }

  void streamStateChanged(AccountId account, StreamState state) {
    guard("streamStateChanged", () -> alpaca.streamStateChanged(account, state));
  }

  void streamReconnected(AccountId account, int failedAttempts) {
    guard("streamReconnected", () -> alpaca.streamReconnected(account, failedAttempts));
  }

  void gapHealed(AccountId account, String recordType, long rows) {
    guard("gapHealed", () -> alpaca.gapHealed(account, recordType, rows));
  }

  void fillIdMismatch(AccountId account, String streamId, String restId) {
    guard("fillIdMismatch", () -> alpaca.fillIdMismatch(account, streamId, restId));
  }

  void unmatchedStreamFill(AccountId account, String activityId) {
    guard("unmatchedStreamFill", () -> alpaca.unmatchedStreamFill(account, activityId));
  }

  void accountFailed(AccountId account, IngestException error) {
    guard("accountFailed", () -> alpaca.accountFailed(account, error));
  }

  private void guard(String callback, Runnable call) {
    try {
      call.run();
    } catch (Throwable t) {
      log.warn(
          "listener callback failed callback={} listener={}",
          callback,
          alpaca.getClass().getName(),
          t);
    }
  }
}
