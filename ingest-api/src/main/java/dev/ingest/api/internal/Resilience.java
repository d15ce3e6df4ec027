package dev.ingest.api.internal;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.error.RateLimitedException;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.error.TransportException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps {@link RetrySettings} onto Failsafe. Build policies once and share them; they stay out of
 * public signatures. Internal.
 *
 * <p>Retried: {@link TransportException} (and so {@link RateLimitedException}) and transient {@link
 * StorageException}s. Everything else (a 4xx, bad data, bad config) fails at once. A {@code
 * Retry-After} replaces the backoff delay, capped at {@link #MAX_RETRY_AFTER}.
 */
public final class Resilience {
  private static final Logger log = LoggerFactory.getLogger(Resilience.class);

  /** A provider asking for longer than this is treated as asking for this long. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);

  private Resilience() {}

  public static <R> RetryPolicy<R> retryPolicy(
      RetrySettings settings, String provider, String operation, IngestListener listener) {
    return Resilience.<R>retryPolicyBuilder(settings, provider, operation, listener).build();
  }

  /** The builder behind {@link #retryPolicy}, for callers that add their own listeners. */
  public static <R> RetryPolicyBuilder<R> retryPolicyBuilder(
      RetrySettings settings, String provider, String operation, IngestListener listener) {
    IngestListener safe = SafeListener.wrap(listener);
    RetryPolicyBuilder<R> builder =
        RetryPolicy.<R>builder()
            .handleIf(Resilience::isTransient)
            .withMaxRetries(settings.maxRetries())
            .onRetry(
                event -> {
                  Throwable cause = event.getLastException();
                  log.warn(
                      "retrying provider={} operation={} attempt={} cause={}",
                      provider,
                      operation,
                      event.getAttemptCount(),
                      cause == null ? "result" : cause.getMessage());
                  safe.retry(provider, operation, event.getAttemptCount(), cause);
                });
    if (settings.maxRetries() > 0) {
      if (settings.backoffMultiplier() > 1.0
          && settings.maxDelay().compareTo(settings.baseDelay()) > 0) {
        builder.withBackoff(
            settings.baseDelay(), settings.maxDelay(), settings.backoffMultiplier());
      } else {
        builder.withDelay(settings.baseDelay());
      }
      builder.withDelayFnOn(
          ctx -> {
            RateLimitedException e = ctx.getLastException();
            // a negative delay tells Failsafe to use the backoff delay
            return e.retryAfter().map(Resilience::capRetryAfter).orElse(Duration.ofMillis(-1));
          },
          RateLimitedException.class);
    }
    return builder;
  }

  static Duration capRetryAfter(Duration requested) {
    if (requested.isNegative()) {
      return Duration.ZERO;
    }
    return requested.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : requested;
  }

  /** Whether repeating the call that threw {@code t} may succeed. */
  public static boolean isTransient(Throwable t) {
    return t instanceof TransportException || (t instanceof StorageException s && s.isTransient());
  }
}
