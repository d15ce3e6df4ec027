package dev.ingest.alpaca.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between reconnects of the {@code trade_updates} socket: exponential from {@code base},
 * capped at {@code max}, with "equal jitter" (half the delay fixed, half random) so that several
 * accounts dropped by one network blip do not come back in lock step. Alpaca allows one socket per
 * account and answers a fast reconnect, while the stale socket is still registered, with a storm of
 * 429s; the fixed half keeps even the luckiest draw at a polite distance. Thread-safe.
 */
final class ReconnectBackoff {
  private final Duration base;
  private final Duration max;
  private final DoubleSupplier random;

  /**
   * @param random uniform in [0, 1)
   */
  ReconnectBackoff(Duration base, Duration max, DoubleSupplier random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The delay before reconnect number {@code attempt} (1 after the first drop). */
  Duration delay(int attempt) {
    double factor = Math.pow(2, Math.min(30, Math.max(0, attempt - 1)));
    long ceiling = (long) Math.min(max.toMillis(), base.toMillis() * factor);
    long half = ceiling / 2;
    return Duration.ofMillis(ceiling - half + (long) (random.getAsDouble() * (half + 1)));
  }

  Duration max() {
    return max;
  }
}
