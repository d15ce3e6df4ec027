package dev.ingest.store.redis;

import static dev.ingest.store.redis.Samples.SPY;
import static dev.ingest.store.redis.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.api.IngestListener;
import dev.ingest.api.market.Bar;
import dev.ingest.api.market.OptionChain;
import dev.ingest.api.model.Symbol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * What lands in Redis, read with plain commands as any other reader would: the keys of the
 * catalogue and no others, their types, payloads and times to live, and the notifications.
 */
class RedisCatalogueTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RedisClient redis;
  private String prefix;
  private RedisMarketDataSink sink;

  @BeforeAll
  static void connect() {
    redis = LocalRedis.client("ingest-test-catalogue");
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void open() {
    prefix = LocalRedis.newPrefix();
    sink = open(RedisSinkConfig.defaults().withPrefix(prefix));
  }

  private RedisMarketDataSink open(RedisSinkConfig config) {
    return RedisMarketDataSink.create(redis, config, IngestListener.NOOP);
  }

  @AfterEach
  void clean() {
    sink.close();
    LocalRedis.deleteAll(redis, prefix);
  }

  private void writeOneOfEach() {
    sink.writeBook(Samples.book(SPY, "ARCA"));
    sink.writeBook(Samples.book(SPY, null));
    sink.writeTicker(Samples.ticker(SPY));
    sink.writeTrade(Samples.trade(SPY, 0));
    sink.writeBar(Samples.bar(SPY));
    sink.writeBar(
        new Bar(
            SPY,
            Bar.ONE_MINUTE,
            T0,
            Samples.px("1"),
            Samples.px("2"),
            Samples.px("1"),
            Samples.px("2"),
            10));
    sink.writeOptionChain(Samples.chain(SPY));
    sink.writeSentiment(Samples.sentiment(SPY));
    sink.writeIndicator(Samples.rsi(SPY));
    sink.writeMetrics("ibkr", Map.of("depth_updates", 10L));
    sink.writeMetrics("alpha_vantage", Map.of("tokens", 590));
    sink.writeHeartbeat(Samples.heartbeat("ibkr_ingestion"));
    sink.writeHeartbeat(Samples.heartbeat("alpha_vantage"));
    sink.markStale(Symbol.of("QQQ"), T0);
    sink.setConnected("ibkr", true);
    sink.flush();
  }

  private String get(String key) {
    return redis.get(prefix + key);
  }

  private long pttl(String key) {
    return redis.pttl(prefix + key);
  }

  @Test
  void everyKeyOfTheCatalogueAndNothingElse() {
    writeOneOfEach();

    assertThat(LocalRedis.keys(redis, prefix))
        .containsExactlyInAnyOrder(
            "market:SPY:ARCA:book",
            "market:SPY:book",
            "market:SPY:ticker",
            "market:SPY:last",
            "market:SPY:trades",
            "market:SPY:bars:5s",
            "market:SPY:bars:1min",
            "options:SPY:calls",
            "options:SPY:puts",
            "options:SPY:chain",
            "options:SPY:SPY240315C00500000:greeks",
            "monitoring:options:SPY",
            "sentiment:SPY",
            "monitoring:sentiment:SPY",
            "technicals:SPY:RSI",
            "monitoring:ibkr:metrics",
            "monitoring:alpha_vantage:metrics",
            "heartbeat:ibkr_ingestion",
            "heartbeat:alpha_vantage",
            "monitoring:data:stale",
            "ibkr:connected");
    assertThat(redis.type(prefix + "market:SPY:trades")).isEqualTo("list");
    assertThat(redis.type(prefix + "market:SPY:bars:5s")).isEqualTo("list");
    assertThat(redis.type(prefix + "monitoring:data:stale")).isEqualTo("hash");
    assertThat(redis.type(prefix + "market:SPY:ticker")).isEqualTo("string");
  }

  @Test
  void eachSurfaceExpiresAfterItsTtlAndStateKeysNever() {
    writeOneOfEach();

    assertTtl("market:SPY:ticker", RedisSurface.MARKET_DATA);
    assertTtl("market:SPY:last", RedisSurface.MARKET_DATA);
    assertTtl("market:SPY:trades", RedisSurface.MARKET_DATA);
    assertTtl("market:SPY:book", RedisSurface.ORDER_BOOK);
    assertTtl("market:SPY:ARCA:book", RedisSurface.ORDER_BOOK);
    assertTtl("market:SPY:bars:5s", RedisSurface.BARS);
    assertTtl("market:SPY:bars:1min", RedisSurface.BARS);
    assertTtl("options:SPY:chain", RedisSurface.OPTIONS);
    assertTtl("options:SPY:calls", RedisSurface.OPTIONS);
    assertTtl("options:SPY:SPY240315C00500000:greeks", RedisSurface.GREEKS);
    assertTtl("sentiment:SPY", RedisSurface.SENTIMENT);
    assertTtl("technicals:SPY:RSI", RedisSurface.TECHNICALS);
    assertTtl("monitoring:options:SPY", RedisSurface.MONITORING);
    assertTtl("monitoring:ibkr:metrics", RedisSurface.MONITORING);
    assertTtl("heartbeat:ibkr_ingestion", RedisSurface.HEARTBEAT);
    assertThat(pttl("monitoring:data:stale")).as("no expiry").isEqualTo(-1);
    assertThat(pttl("ibkr:connected")).as("no expiry").isEqualTo(-1);
  }

  private void assertTtl(String key, RedisSurface surface) {
    long ttl = surface.defaultTtl().toMillis();
    assertThat(pttl(key)).as(key).isBetween(ttl - 10_000, ttl);
  }

  @Test
  void configuredTtlsApplyAndZeroMeansNoExpiry() {
    sink.close();
    sink =
        open(
            RedisSinkConfig.defaults()
                .withPrefix(prefix)
                .withTtl(RedisSurface.ORDER_BOOK, Duration.ofSeconds(30))
                .withTtl(RedisSurface.MARKET_DATA, Duration.ZERO));

    sink.writeBook(Samples.book(SPY, null));
    sink.writeTrade(Samples.trade(SPY, 1));
    sink.writeTicker(Samples.ticker(SPY));
    sink.flush();

    assertThat(pttl("market:SPY:book")).isBetween(20_000L, 30_000L);
    assertThat(pttl("market:SPY:trades")).isEqualTo(-1);
    assertThat(pttl("market:SPY:ticker")).isEqualTo(-1);
  }

  @Test
  void aHeartbeatRefreshesItsExpiry() {
    sink.writeHeartbeat(Samples.heartbeat("ibkr_ingestion"));
    sink.flush();
    // as if 55 of its 60 seconds had passed
    redis.pexpire(prefix + "heartbeat:ibkr_ingestion", 5_000);

    sink.writeHeartbeat(
        new dev.ingest.api.market.Heartbeat("ibkr_ingestion", T0.plusSeconds(10), Map.of()));
    sink.flush();

    assertThat(pttl("heartbeat:ibkr_ingestion")).isGreaterThan(50_000);
    assertThat(get("heartbeat:ibkr_ingestion"))
        .isEqualTo(
            "{\"component\":\"ibkr_ingestion\",\"ts\":\"2024-03-01T14:30:10.123456789Z\",\"fields\":{}}");
  }

  @Test
  void payloadsAreTheDocumentedJson() throws Exception {
    writeOneOfEach();

    JsonNode ticker = JSON.readTree(get("market:SPY:ticker"));
    assertThat(ticker.get("bid").asText()).isEqualTo("512.11");
    assertThat(ticker.get("spread").asText()).isEqualTo("0.02");
    JsonNode book = JSON.readTree(get("market:SPY:ARCA:book"));
    assertThat(book.get("exchange").asText()).isEqualTo("ARCA");
    assertThat(book.get("asks").get(0).get("price").asText()).isEqualTo("512.13");
    JsonNode last = JSON.readTree(get("market:SPY:last"));
    assertThat(last.get("price").asText()).isEqualTo("512.12");
    assertThat(last.get("id").asText()).isNotBlank();
    assertThat(redis.lindex(prefix + "market:SPY:trades", 0)).isEqualTo(get("market:SPY:last"));
    JsonNode greeks = JSON.readTree(get("options:SPY:SPY240315C00500000:greeks"));
    assertThat(greeks.get("delta").asText()).isEqualTo("0.52");
    assertThat(greeks.get("gamma").isNull()).isTrue();
    JsonNode monitoring = JSON.readTree(get("monitoring:options:SPY"));
    assertThat(monitoring.get("missing_greeks").asInt()).isEqualTo(1);
    assertThat(JSON.readTree(get("options:SPY:puts")).get(0).get("right").asText())
        .isEqualTo("PUT");
    assertThat(JSON.readTree(get("monitoring:sentiment:SPY")).get("article_count").asInt())
        .isEqualTo(2);
    assertThat(JSON.readTree(get("monitoring:ibkr:metrics")).get("depth_updates").asLong())
        .isEqualTo(10);
    assertThat(redis.hgetAll(prefix + "monitoring:data:stale"))
        .containsExactly(Map.entry("QQQ", "2024-03-01T14:30:00.123456789Z"));
    assertThat(get("ibkr:connected")).isEqualTo("1");
  }

  @Test
  void theTradeListKeepsTheNewestThousandNewestFirst() {
    for (int i = 0; i < 1100; i++) {
      sink.writeTrade(Samples.trade(SPY, i));
    }
    sink.flush();

    assertThat(redis.llen(prefix + "market:SPY:trades")).isEqualTo(1000);
    assertThat(sink.recentTrades(SPY, 1)).containsExactly(Samples.trade(SPY, 1099));
    assertThat(sink.recentTrades(SPY, 5000))
        .hasSize(1000)
        .last()
        .isEqualTo(Samples.trade(SPY, 100));
  }

  @Test
  void theLastTradeIsTheHeadOfTheTapeEvenWithConcurrentWriters() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int base = w * 500;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    sink.writeTrade(Samples.trade(SPY, base + i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      sink.flush();

      assertThat(sink.lastTrade(SPY)).contains(sink.recentTrades(SPY, 1).get(0));
      assertThat(redis.llen(prefix + "market:SPY:trades")).isEqualTo(1000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void replacingAChainDropsTheGreeksOfContractsThatLeftIt() {
    OptionChain first = Samples.chain(SPY);
    sink.writeOptionChain(first);
    sink.flush();
    assertThat(get("options:SPY:SPY240315C00500000:greeks")).isNotNull();

    OptionChain next =
        new OptionChain(
            SPY,
            T0.plusSeconds(10),
            List.of(
                Samples.contract(
                    SPY, "SPY240322C00510000", dev.ingest.api.model.OptionRight.CALL, true)));
    sink.writeOptionChain(next);
    sink.flush();

    assertThat(get("options:SPY:SPY240315C00500000:greeks")).isNull();
    assertThat(get("options:SPY:SPY240322C00510000:greeks")).isNotNull();
    assertThat(sink.optionChain(SPY)).contains(next);
  }

  @Test
  void anEmptyChainClearsTheKeysAndStillPublishesItsSummary() throws Exception {
    sink.writeOptionChain(Samples.chain(SPY));
    sink.flush();

    sink.writeOptionChain(new OptionChain(SPY, T0.plusSeconds(10), List.of()));
    sink.flush();

    assertThat(LocalRedis.keys(redis, prefix)).containsExactly("monitoring:options:SPY");
    assertThat(JSON.readTree(get("monitoring:options:SPY")).get("contracts").asInt()).isZero();
  }

  @Test
  void subscribersHearOfEachReplacedChainAndSentimentSet() throws Exception {
    BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    CountDownLatch subscribed = new CountDownLatch(2);
    JedisPubSub subscriber =
        new JedisPubSub() {
          @Override
          public void onMessage(String channel, String message) {
            heard.add(channel.substring(prefix.length()) + " " + message);
          }

          @Override
          public void onSubscribe(String channel, int count) {
            subscribed.countDown();
          }
        };
    RedisKeys keys = sink.keys();
    Thread listening =
        new Thread(
            () -> redis.subscribe(subscriber, keys.optionsChannel(), keys.sentimentChannel()));
    listening.start();
    try {
      assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();

      sink.writeOptionChain(Samples.chain(SPY));
      sink.writeSentiment(Samples.sentiment(SPY));
      sink.flush();

      assertThat(heard.poll(10, TimeUnit.SECONDS))
          .isEqualTo(
              "options:chain:updated {\"symbol\":\"SPY\",\"as_of\":\"2024-03-01T14:30:00.123456789Z\",\"contracts\":2}");
      assertThat(heard.poll(10, TimeUnit.SECONDS))
          .isEqualTo(
              "sentiment:updated {\"symbol\":\"SPY\",\"as_of\":\"2024-03-01T14:30:00.123456789Z\",\"articles\":2}");
    } finally {
      subscriber.unsubscribe();
      listening.join(10_000);
    }
  }
}
