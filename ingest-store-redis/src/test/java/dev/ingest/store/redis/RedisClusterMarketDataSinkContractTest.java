package dev.ingest.store.redis;

import dev.ingest.api.IngestListener;
import dev.ingest.api.store.MarketDataSink;
import dev.ingest.testkit.contract.MarketDataSinkContract;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.RedisClusterClient;

/**
 * The same contract on Redis Cluster: a one-node cluster started for this class, a {@code
 * RedisClusterClient}, and hash tags on, so every multi-key script stays within one slot.
 */
class RedisClusterMarketDataSinkContractTest extends MarketDataSinkContract {
  private static ThrowawayRedis server;
  private static RedisClusterClient cluster;

  @BeforeAll
  static void startCluster() {
    server = ThrowawayRedis.cluster();
    cluster = RedisClusterClient.create(Set.of(server.address()));
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
    server.close();
  }

  @Override
  protected MarketDataSink createSink() {
    return RedisMarketDataSink.create(
        cluster,
        RedisSinkConfig.defaults().withPrefix(LocalRedis.newPrefix()).withHashTags(true),
        IngestListener.NOOP);
  }
}
