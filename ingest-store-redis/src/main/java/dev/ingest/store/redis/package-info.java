/**
 * Seed 002's market-data key catalogue on Redis: {@link dev.ingest.store.redis.RedisMarketDataSink}
 * (the {@link dev.ingest.api.store.MarketDataSink}), {@link dev.ingest.store.redis.RedisKeys} (the
 * key and channel names), {@link dev.ingest.store.redis.RedisSinkConfig} with {@link
 * dev.ingest.store.redis.RedisSurface} (prefix, cluster hash tags, TTLs, retries) and {@link
 * dev.ingest.store.redis.RedisStoreProvider} ({@code redis://} and {@code rediss://} URLs). Beta:
 * the names may still change in a minor release; the key catalogue in the module README is the
 * contract with readers.
 */
@NullMarked
package dev.ingest.store.redis;

import org.jspecify.annotations.NullMarked;
