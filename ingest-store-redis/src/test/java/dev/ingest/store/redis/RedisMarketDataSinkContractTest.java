package dev.ingest.store.redis;

import dev.ingest.api.IngestListener;
import dev.ingest.api.store.MarketDataSink;
import dev.ingest.testkit.contract.MarketDataSinkContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.RedisClient;

/** Seed 002's surfaces on the real Redis at 127.0.0.1:6379, each test under its own prefix. */
class RedisMarketDataSinkContractTest extends MarketDataSinkContract {
  private static RedisClient redis;
  private String prefix;

  @BeforeAll
  static void connect() {
    redis = LocalRedis.client("ingest-test-contract");
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected MarketDataSink createSink() {
    prefix = LocalRedis.newPrefix();
    return RedisMarketDataSink.create(
        redis, RedisSinkConfig.defaults().withPrefix(prefix), IngestListener.NOOP);
  }

  @AfterEach
  void deleteKeys() {
    sink.close(); // idempotent: the contract closes it again
    LocalRedis.deleteAll(redis, prefix);
  }
}
