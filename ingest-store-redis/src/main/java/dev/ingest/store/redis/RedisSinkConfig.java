package dev.ingest.store.redis;

import dev.ingest.api.Beta;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How {@link RedisMarketDataSink} names, expires and sends what it writes.
 *
 * <p>From settings ({@link #from}), every key optional:
 *
 * <pre>
 * prefix         = prod:        prepended to every key and channel (default none)
 * hash_tags      = true         cluster mode: market:{SPY}:book (default: the value of cluster)
 * ttl.order_book = 300          seconds or ISO-8601, per {@link RedisSurface}; 0 = never expires
 * retry_policy.max_retries = 3  and base_delay, max_delay, backoff_multiplier ({@link RetrySettings})
 * batch_size     = 1000         most writes sent before their replies are read
 * flush_timeout  = 30           how long flush() and close() wait for Redis, seconds
 * </pre>
 *
 * @param prefix see {@link RedisKeys#of}
 * @param hashTags wrap symbols in Redis Cluster hash tags; required with a cluster client
 * @param ttls time to live per surface; a surface left out gets its {@linkplain
 *     RedisSurface#defaultTtl() default}, {@link Duration#ZERO} means no expiry
 * @param retry how a failed pipeline is retried before its writes are dropped
 * @param batchSize the most writes sent before their replies are read
 * @param flushTimeout the longest {@code flush()} and {@code close()} wait
 * @since 0.1
 */
@Beta
public record RedisSinkConfig(
    String prefix,
    boolean hashTags,
    Map<RedisSurface, Duration> ttls,
    RetrySettings retry,
    int batchSize,
    Duration flushTimeout) {

  /** Default {@link #batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 1000;

  /** Default {@link #flushTimeout}. */
  public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(30);

  public RedisSinkConfig {
    RedisKeys.of(prefix, hashTags); // validates the prefix
    EnumMap<RedisSurface, Duration> all = new EnumMap<>(RedisSurface.class);
    for (RedisSurface surface : RedisSurface.values()) {
      Duration ttl = ttls == null ? null : ttls.get(surface);
      all.put(surface, ttl == null ? surface.defaultTtl() : checkTtl(surface, ttl));
    }
    ttls = Map.copyOf(all);
    if (retry == null) {
      throw new ConfigurationException("redis", "retry_policy", "retry_policy must not be null");
    }
    if (batchSize < 1 || batchSize > 100_000) {
      throw new ConfigurationException(
          "redis", "batch_size", "batch_size must be 1..100000, was " + batchSize);
    }
    if (flushTimeout == null || flushTimeout.isNegative() || flushTimeout.isZero()) {
      throw new ConfigurationException(
          "redis", "flush_timeout", "flush_timeout must be > 0, was " + flushTimeout);
    }
  }

  /** No prefix, no hash tags, default TTLs, {@link RetrySettings#DEFAULT}. */
  public static RedisSinkConfig defaults() {
    return new RedisSinkConfig(
        "", false, Map.of(), RetrySettings.DEFAULT, DEFAULT_BATCH_SIZE, DEFAULT_FLUSH_TIMEOUT);
  }

  /** Reads the keys listed above; absent keys keep their defaults. */
  public static RedisSinkConfig from(Settings settings) {
    boolean cluster = settings.booleanValue("cluster", false);
    Map<RedisSurface, Duration> ttls = new EnumMap<>(RedisSurface.class);
    Settings ttl = settings.section("ttl");
    for (RedisSurface surface : RedisSurface.values()) {
      ttls.put(surface, ttl.duration(surface.settingsKey(), surface.defaultTtl()));
    }
    try {
      return new RedisSinkConfig(
          settings.get("prefix", ""),
          settings.booleanValue("hash_tags", cluster),
          ttls,
          RetrySettings.from(settings.section("retry_policy")),
          settings.intValue("batch_size", DEFAULT_BATCH_SIZE),
          settings.duration("flush_timeout", DEFAULT_FLUSH_TIMEOUT));
    } catch (ConfigurationException e) {
      if (e.key().startsWith(settings.keyOf(""))) {
        throw e;
      }
      throw new ConfigurationException("redis", settings.keyOf(e.key()), e.getMessage());
    }
  }

  /** The time to live of {@code surface}'s keys; {@link Duration#ZERO} for none. */
  public Duration ttl(RedisSurface surface) {
    return ttls.get(surface);
  }

  /** The key names this configuration gives. */
  public RedisKeys keys() {
    return RedisKeys.of(prefix, hashTags);
  }

  public RedisSinkConfig withPrefix(String prefix) {
    return new RedisSinkConfig(prefix, hashTags, ttls, retry, batchSize, flushTimeout);
  }

  public RedisSinkConfig withHashTags(boolean hashTags) {
    return new RedisSinkConfig(prefix, hashTags, ttls, retry, batchSize, flushTimeout);
  }

  public RedisSinkConfig withTtl(RedisSurface surface, Duration ttl) {
    Map<RedisSurface, Duration> copy = new EnumMap<>(ttls);
    copy.put(surface, ttl);
    return new RedisSinkConfig(prefix, hashTags, copy, retry, batchSize, flushTimeout);
  }

  public RedisSinkConfig withRetry(RetrySettings retry) {
    return new RedisSinkConfig(prefix, hashTags, ttls, retry, batchSize, flushTimeout);
  }

  public RedisSinkConfig withBatchSize(int batchSize) {
    return new RedisSinkConfig(prefix, hashTags, ttls, retry, batchSize, flushTimeout);
  }

  public RedisSinkConfig withFlushTimeout(Duration flushTimeout) {
    return new RedisSinkConfig(prefix, hashTags, ttls, retry, batchSize, flushTimeout);
  }

  private static Duration checkTtl(RedisSurface surface, Duration ttl) {
    if (ttl.isNegative() || (!ttl.isZero() && ttl.toMillis() == 0)) {
      throw new ConfigurationException(
          "redis",
          "ttl." + surface.settingsKey(),
          "ttl."
              + surface.settingsKey()
              + " must be 0 (never expires) or at least 1 ms, was "
              + ttl);
    }
    return ttl;
  }
}
