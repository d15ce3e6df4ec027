package dev.ingest.api.error;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The provider asked us to slow down (HTTP 429, a "Note" body, pacing violation). Retried after
 * {@link #retryAfter()} when the provider said how long, otherwise on the policy's backoff.
 *
 * @since 0.1
 */
public final class RateLimitedException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  public RateLimitedException(String provider, String message, @Nullable Duration retryAfter) {
    super(provider, message);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked us to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
