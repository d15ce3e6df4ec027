package dev.ingest.store.redis;

import static dev.ingest.store.redis.Samples.SPY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.spi.Providers;
import dev.ingest.api.spi.Store;
import dev.ingest.api.store.MarketDataSink;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The store provider, found through ServiceLoader by URL, as a composition root would. */
class RedisStoreProviderTest {

  @Test
  void redisAndRedissUrlsChooseTheRedisProvider() {
    assertThat(Providers.store(URI.create("redis://127.0.0.1:6379")))
        .isInstanceOf(RedisStoreProvider.class)
        .extracting(p -> p.name())
        .isEqualTo("redis");
    assertThat(Providers.store(URI.create("rediss://cache.example.com:6380")))
        .isInstanceOf(RedisStoreProvider.class);
    RedisStoreProvider provider = new RedisStoreProvider();
    assertThat(provider.accepts(URI.create("REDIS://h"))).isTrue();
    assertThat(provider.accepts(URI.create("http://h"))).isFalse();
    assertThat(provider.accepts(URI.create("jdbc:postgresql://h/db"))).isFalse();
  }

  @Test
  void anOpenedStoreOffersTheSinkAndClosingItReleasesTheClient() {
    String prefix = LocalRedis.newPrefix();
    URI url = URI.create("redis://127.0.0.1:6379/0");
    Store store =
        Providers.store(url)
            .open(
                url, Settings.of(Map.of("prefix", prefix, "client_name", "ingest-test-provider")));
    try (RedisClient admin = LocalRedis.client("ingest-test-admin")) {
      try {
        MarketDataSink sink = store.marketData().orElseThrow();
        assertThat(store.brokerRecords()).isEmpty();

        sink.writeTicker(Samples.ticker(SPY));
        sink.flush();

        assertThat(admin.get(prefix + "market:SPY:ticker")).contains("\"bid\":\"512.11\"");
        assertThat(sink.ticker(SPY)).contains(Samples.ticker(SPY));
      } finally {
        store.close();
        store.close(); // idempotent
        LocalRedis.deleteAll(admin, prefix);
      }
    }
  }

  @Test
  void aClusterUrlOpensAClusterClientWithHashTags() {
    try (ThrowawayRedis server = ThrowawayRedis.cluster()) {
      URI url = URI.create("redis://127.0.0.1:" + server.port());
      try (Store store =
          new RedisStoreProvider().open(url, Settings.of(Map.of("cluster", "true")))) {
        RedisMarketDataSink sink = (RedisMarketDataSink) store.marketData().orElseThrow();
        sink.writeTicker(Samples.ticker(SPY));
        sink.flush();

        assertThat(sink.keys().hashTags()).isTrue();
        assertThat(server.command("GET", "market:{SPY}:ticker")).contains("\"ask\":\"512.13\"");
      }
    }
  }

  @Test
  void anUnreachableServerFailsTheOpenWithoutShowingThePassword() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI url = URI.create("redis://user:s3cr3t-pw@127.0.0.1:" + closedPort);

    assertThatThrownBy(() -> new RedisStoreProvider().open(url, Settings.empty()))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageNotContaining("s3cr3t-pw")
        .hasMessageContaining("****@");
  }

  @Test
  void configurationMistakesFailNamingTheKey() {
    RedisStoreProvider provider = new RedisStoreProvider();
    URI local = URI.create("redis://127.0.0.1:6379");

    assertThatThrownBy(
            () -> provider.open(URI.create("redis://127.0.0.1:6379/x"), Settings.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database number");
    assertThatThrownBy(
            () ->
                provider.open(
                    local,
                    Settings.of(Map.of("password_env_var", "INGEST_TEST_NO_SUCH_VAR"))
                        .withEnv(name -> null)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("INGEST_TEST_NO_SUCH_VAR");
    assertThatThrownBy(() -> provider.open(local, Settings.of(Map.of("ttl.bars", "soon"))))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).key())
        .isEqualTo("ttl.bars");
    assertThatThrownBy(
            () ->
                provider.open(
                    URI.create("redis://127.0.0.1:6379/2"), Settings.of(Map.of("cluster", "true"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database 0");
  }
}
