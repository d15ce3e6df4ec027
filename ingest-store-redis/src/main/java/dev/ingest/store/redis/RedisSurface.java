package dev.ingest.store.redis;

import dev.ingest.api.Beta;
import java.time.Duration;

/**
 * The groups of keys that share a time to live (seed 002's {@code store_ttls}: {@code market_data},
 * {@code order_book}, {@code bars}, {@code greeks}, and the rest of its surfaces). Seed 002 names
 * the groups but not their values; the defaults here are ours, chosen so that keys of a stopped
 * ingester disappear on their own while a quiet symbol keeps its data through an ordinary lull.
 * Freshness is not the TTL's job: readers check the payload's {@code ts}, the heartbeats and {@code
 * monitoring:data:stale}.
 *
 * <p>{@code monitoring:data:stale} and {@code {component}:connected} never expire: they are state
 * that the ingester sets and clears itself.
 *
 * @since 0.1
 */
@Beta
public enum RedisSurface {
  /** {@code market:{symbol}:ticker}, {@code :last}, {@code :trades}. */
  MARKET_DATA("market_data", Duration.ofHours(1)),
  /** {@code market:{symbol}:book} and {@code market:{symbol}:{exchange}:book}. */
  ORDER_BOOK("order_book", Duration.ofMinutes(5)),
  /** {@code market:{symbol}:bars:5s}, {@code :bars:1min}, ... */
  BARS("bars", Duration.ofHours(24)),
  /** {@code options:{symbol}:calls}, {@code :puts}, {@code :chain}. */
  OPTIONS("options", Duration.ofHours(1)),
  /** {@code options:{symbol}:{contractId}:greeks}. */
  GREEKS("greeks", Duration.ofHours(1)),
  /** {@code sentiment:{symbol}}. */
  SENTIMENT("sentiment", Duration.ofHours(6)),
  /** {@code technicals:{symbol}:{indicator}}. */
  TECHNICALS("technicals", Duration.ofHours(6)),
  /**
   * {@code monitoring:{component}:metrics}, {@code monitoring:options:{symbol}}, {@code
   * monitoring:sentiment:{symbol}}.
   */
  MONITORING("monitoring", Duration.ofMinutes(10)),
  /** {@code heartbeat:{component}}: a heartbeat that stops being refreshed vanishes. */
  HEARTBEAT("heartbeat", Duration.ofSeconds(60));

  private final String settingsKey;
  private final Duration defaultTtl;

  RedisSurface(String settingsKey, Duration defaultTtl) {
    this.settingsKey = settingsKey;
    this.defaultTtl = defaultTtl;
  }

  /** The name under {@code ttl.} in settings ({@code ttl.order_book = 300}). */
  public String settingsKey() {
    return settingsKey;
  }

  public Duration defaultTtl() {
    return defaultTtl;
  }
}
