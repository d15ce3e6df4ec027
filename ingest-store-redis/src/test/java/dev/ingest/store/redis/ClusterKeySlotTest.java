package dev.ingest.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.IngestListener;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.market.Bar;
import dev.ingest.api.model.Symbol;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Cluster-mode key shapes, checked against Redis' own {@code CLUSTER KEYSLOT} on a cluster-enabled
 * server started for this test (the shared server has cluster support off and refuses the command).
 */
class ClusterKeySlotTest {
  private static final List<Symbol> SYMBOLS =
      List.of(
              "SPY",
              "QQQ",
              "BRK.B",
              "ES.c.0",
              "BTC/USD",
              "BF-B",
              "SPX^W",
              "EUR=X",
              "A",
              "SPY240315C00500000")
          .stream()
          .map(Symbol::of)
          .toList();

  private static ThrowawayRedis server;

  @BeforeAll
  static void start() {
    server = ThrowawayRedis.cluster();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static int keyslot(String key) {
    return Integer.parseInt(server.command("CLUSTER", "KEYSLOT", key));
  }

  private static List<String> keysOf(RedisKeys keys, Symbol s) {
    Symbol contract = Symbol.of(s.value().replace('/', '-') + "240315C00500000");
    return List.of(
        keys.book(s, null),
        keys.book(s, "ARCA"),
        keys.book(s, "ISLAND"),
        keys.ticker(s),
        keys.last(s),
        keys.trades(s),
        keys.bars(s, Bar.FIVE_SECONDS),
        keys.bars(s, Bar.ONE_MINUTE),
        keys.bars(s, Duration.ofHours(1)),
        keys.optionCalls(s),
        keys.optionPuts(s),
        keys.optionChain(s),
        keys.greeks(s, contract),
        keys.optionsMonitoring(s),
        keys.sentiment(s),
        keys.sentimentMonitoring(s),
        keys.technicals(s, "RSI"),
        keys.technicals(s, "MACD"));
  }

  @Test
  void inClusterModeEveryKeyOfASymbolIsInTheSymbolsSlot() {
    RedisKeys keys = RedisKeys.of("prod:", true);
    for (Symbol symbol : SYMBOLS) {
      int slot = keyslot(symbol.value());
      for (String key : keysOf(keys, symbol)) {
        assertThat(keyslot(key)).as(key).isEqualTo(slot);
        // and the client computes the slot the server does, so pipelines route right
        assertThat(JedisClusterCRC16.getSlot(key)).as(key).isEqualTo(slot);
      }
    }
  }

  @Test
  void withoutHashTagsASymbolsKeysScatterAcrossSlots() {
    RedisKeys keys = RedisKeys.of("prod:", false);
    Set<Integer> slots = new HashSet<>();
    for (String key : keysOf(keys, Symbol.of("SPY"))) {
      slots.add(keyslot(key));
    }

    assertThat(slots).as("why cluster mode needs the tags").hasSizeGreaterThan(5);
  }

  @Test
  void keysOfNoSymbolCarryNoTag() {
    RedisKeys keys = RedisKeys.of("", true);

    assertThat(keyslot(keys.stale())).isEqualTo(keyslot("monitoring:data:stale"));
    assertThat(keys.stale()).doesNotContain("{");
    assertThat(keys.heartbeat("ibkr_ingestion")).doesNotContain("{");
    assertThat(keys.connected("ibkr")).isEqualTo("ibkr:connected");
  }

  @Test
  void aClusterClientWithoutHashTagsIsRefusedAtCreation() {
    try (RedisClusterClient cluster = RedisClusterClient.create(Set.of(server.address()))) {
      assertThatThrownBy(
              () ->
                  RedisMarketDataSink.create(
                      cluster, RedisSinkConfig.defaults(), IngestListener.NOOP))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("hash_tags");
    }
  }
}
