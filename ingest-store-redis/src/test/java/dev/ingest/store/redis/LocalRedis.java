package dev.ingest.store.redis;

import java.util.List;
import java.util.UUID;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The shared Redis every store test uses (127.0.0.1:6379). Each test works under its own key prefix
 * and deletes it afterwards, so tests never see each other's keys, nor other users' of the same
 * server.
 */
final class LocalRedis {
  static final HostAndPort ADDRESS = new HostAndPort("127.0.0.1", 6379);

  private LocalRedis() {}

  /** A client whose connections carry {@code name}, so a test can find and kill them. */
  static RedisClient client(String name) {
    return RedisClient.builder()
        .hostAndPort(ADDRESS)
        .clientConfig(
            DefaultJedisClientConfig.builder()
                .clientName(name)
                .connectionTimeoutMillis(2000)
                .socketTimeoutMillis(2000)
                .build())
        .build();
  }

  static String newPrefix() {
    return "test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  /** Deletes every key under {@code prefix}; returns how many there were. */
  static int deleteAll(UnifiedJedis redis, String prefix) {
    int deleted = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams params = new ScanParams().match(prefix + "*").count(1000);
    do {
      ScanResult<String> page = redis.scan(cursor, params);
      List<String> keys = page.getResult();
      if (!keys.isEmpty()) {
        deleted += (int) redis.unlink(keys.toArray(String[]::new));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return deleted;
  }

  /** Every key under {@code prefix}, without it. */
  static java.util.Set<String> keys(UnifiedJedis redis, String prefix) {
    java.util.Set<String> found = new java.util.TreeSet<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams params = new ScanParams().match(prefix + "*").count(1000);
    do {
      ScanResult<String> page = redis.scan(cursor, params);
      page.getResult().forEach(k -> found.add(k.substring(prefix.length())));
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return found;
  }
}
