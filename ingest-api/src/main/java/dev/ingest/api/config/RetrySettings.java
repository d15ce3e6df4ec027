package dev.ingest.api.config;

import dev.ingest.api.error.ConfigurationException;
import java.time.Duration;

/**
 * How transient failures are retried (seed 004's {@code retry_policy}): up to {@code maxRetries}
 * retries after the first attempt, waiting {@code baseDelay}, then {@code backoffMultiplier} times
 * longer each time, never more than {@code maxDelay}. A provider's {@code Retry-After} overrides
 * the wait.
 *
 * @since 0.1
 */
public record RetrySettings(
    int maxRetries, Duration baseDelay, Duration maxDelay, double backoffMultiplier) {

  /** Seed 004's defaults: 3 retries, 1 s, at most 60 s, doubling. */
  public static final RetrySettings DEFAULT =
      new RetrySettings(3, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0);

  /** No retry at all. */
  public static final RetrySettings NONE =
      new RetrySettings(0, Duration.ofMillis(1), Duration.ofMillis(1), 1.0);

  public RetrySettings {
    if (maxRetries < 0) {
      throw new ConfigurationException(
          "max_retries", "max_retries must be >= 0, was " + maxRetries);
    }
    if (baseDelay == null || baseDelay.isNegative() || baseDelay.isZero()) {
      throw new ConfigurationException("base_delay", "base_delay must be > 0, was " + baseDelay);
    }
    if (maxDelay == null || maxDelay.compareTo(baseDelay) < 0) {
      throw new ConfigurationException(
          "max_delay", "max_delay must be >= base_delay " + baseDelay + ", was " + maxDelay);
    }
    if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
      throw new ConfigurationException(
          "backoff_multiplier", "backoff_multiplier must be >= 1, was " + backoffMultiplier);
    }
  }

  /**
   * Reads {@code max_retries}, {@code base_delay}, {@code max_delay} (seconds) and {@code
   * backoff_multiplier}; absent keys keep {@link #DEFAULT}'s values.
   */
  public static RetrySettings from(Settings section) {
    RetrySettings d = DEFAULT;
    try {
      return new RetrySettings(
          section.intValue("max_retries", d.maxRetries),
          section.duration("base_delay", d.baseDelay),
          section.duration("max_delay", d.maxDelay),
          section.doubleValue("backoff_multiplier", d.backoffMultiplier));
    } catch (ConfigurationException e) {
      if (e.key().startsWith(section.keyOf(""))) {
        throw e;
      }
      // the constructor knows only the bare key; name it as the user wrote it
      throw new ConfigurationException(section.keyOf(e.key()), e.getMessage());
    }
  }

  /** The delay before retry number {@code retry} (1-based), before any Retry-After. */
  public Duration delayBefore(int retry) {
    double nanos = baseDelay.toNanos() * Math.pow(backoffMultiplier, Math.max(0, retry - 1));
    return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
  }
}
