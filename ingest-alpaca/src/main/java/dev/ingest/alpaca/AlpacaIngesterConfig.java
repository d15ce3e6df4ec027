package dev.ingest.alpaca;

import dev.ingest.api.Beta;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import java.time.Duration;

/**
 * The ingester's timing (seed 001's {@code IngesterConfig}).
 *
 * @param healingInterval how often the healer polls REST ({@code HEALING_INTERVAL_SEC}, 300 s)
 * @param healingLookback how far back each healing pass looks ({@code HEALING_LOOKBACK_SEC}, 600
 *     s); at least the interval, so consecutive passes overlap
 * @param backfillMargin how far before the latest stored row the start-up backfill begins (1 h),
 *     because the newest stored row says nothing about rows just before it that were never stored
 * @param reconnectBaseDelay the first stream reconnect delay (2 s), doubling per failed attempt
 * @param reconnectMaxDelay the longest stream reconnect delay (60 s)
 * @param authTimeout how long the stream waits for Alpaca's answer to its credentials (10 s)
 * @since 0.1
 */
@Beta
public record AlpacaIngesterConfig(
    Duration healingInterval,
    Duration healingLookback,
    Duration backfillMargin,
    Duration reconnectBaseDelay,
    Duration reconnectMaxDelay,
    Duration authTimeout) {

  public static final AlpacaIngesterConfig DEFAULT =
      new AlpacaIngesterConfig(
          Duration.ofSeconds(300),
          Duration.ofSeconds(600),
          Duration.ofHours(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(60),
          Duration.ofSeconds(10));

  public AlpacaIngesterConfig {
    positive(healingInterval, "healing_interval_sec");
    positive(healingLookback, "healing_lookback_sec");
    if (healingLookback.compareTo(healingInterval) < 0) {
      throw new ConfigurationException(
          "alpaca",
          "healing_lookback_sec",
          "healing_lookback_sec ("
              + healingLookback.toSeconds()
              + ") must be >= healing_interval_sec ("
              + healingInterval.toSeconds()
              + "), or events between two passes are never healed");
    }
    if (backfillMargin == null || backfillMargin.isNegative()) {
      throw new ConfigurationException(
          "alpaca", "backfill_margin_sec", "backfill_margin_sec must be >= 0");
    }
    positive(reconnectBaseDelay, "stream.reconnect_base_delay");
    positive(reconnectMaxDelay, "stream.reconnect_max_delay");
    if (reconnectMaxDelay.compareTo(reconnectBaseDelay) < 0) {
      throw new ConfigurationException(
          "alpaca",
          "stream.reconnect_max_delay",
          "stream.reconnect_max_delay must be >= stream.reconnect_base_delay");
    }
    positive(authTimeout, "stream.auth_timeout");
  }

  /**
   * Reads {@code healing_interval_sec}, {@code healing_lookback_sec}, {@code backfill_margin_sec},
   * {@code stream.reconnect_base_delay}, {@code stream.reconnect_max_delay} and {@code
   * stream.auth_timeout} (seconds, or ISO-8601); absent keys keep {@link #DEFAULT}'s values.
   */
  public static AlpacaIngesterConfig from(Settings settings) {
    AlpacaIngesterConfig d = DEFAULT;
    return new AlpacaIngesterConfig(
        settings.duration("healing_interval_sec", d.healingInterval),
        settings.duration("healing_lookback_sec", d.healingLookback),
        settings.duration("backfill_margin_sec", d.backfillMargin),
        settings.duration("stream.reconnect_base_delay", d.reconnectBaseDelay),
        settings.duration("stream.reconnect_max_delay", d.reconnectMaxDelay),
        settings.duration("stream.auth_timeout", d.authTimeout));
  }

  public AlpacaIngesterConfig withHealing(Duration interval, Duration lookback) {
    return new AlpacaIngesterConfig(
        interval, lookback, backfillMargin, reconnectBaseDelay, reconnectMaxDelay, authTimeout);
  }

  public AlpacaIngesterConfig withReconnectDelays(Duration base, Duration max) {
    return new AlpacaIngesterConfig(
        healingInterval, healingLookback, backfillMargin, base, max, authTimeout);
  }

  private static void positive(Duration d, String key) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new ConfigurationException("alpaca", key, key + " must be > 0, was " + d);
    }
  }
}
