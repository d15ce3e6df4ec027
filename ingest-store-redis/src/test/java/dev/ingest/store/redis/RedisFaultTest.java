package dev.ingest.store.redis;

import static dev.ingest.store.redis.Samples.SPY;
import static dev.ingest.store.redis.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.market.Ticker;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.Symbol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * Redis going away under a stream of writes: a killed connection, a restarted server, retries
 * running out. The writing thread never sees an exception, the listener hears of every failure, and
 * the writes resume (without duplicates) once Redis answers again.
 */
class RedisFaultTest {
  /* quick retries, and enough of them to outlast a restart */
  private static final RetrySettings PATIENT =
      new RetrySettings(200, Duration.ofMillis(20), Duration.ofMillis(100), 2.0);

  private static List<Trade> newestFirst(int fromInclusive, int toExclusive) {
    List<Trade> trades = new ArrayList<>();
    for (int i = toExclusive - 1; i >= fromInclusive; i--) {
      trades.add(Samples.trade(SPY, i));
    }
    return trades;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void aKilledConnectionMidStreamIsReportedAndNoTradeIsLostOrDoubled() throws Exception {
    String name = "ingest-test-kill-" + UUID.randomUUID().toString().substring(0, 8);
    String prefix = LocalRedis.newPrefix();
    RecordingListener listener = new RecordingListener();
    try (RedisClient client = LocalRedis.client(name);
        RedisClient admin = LocalRedis.client("ingest-test-admin");
        RedisMarketDataSink sink =
            RedisMarketDataSink.create(
                client,
                RedisSinkConfig.defaults().withPrefix(prefix).withRetry(PATIENT),
                listener)) {
      try {
        for (int i = 0; i < 600; i++) {
          sink.writeTrade(Samples.trade(SPY, i));
          if (i == 150) {
            sink.flush(); // the writer has a connection to kill
          }
          if (i == 200) {
            assertThat(killConnectionsNamed(admin, name)).isPositive();
          }
        }
        sink.flush();

        assertThat(listener.retries)
            .isNotEmpty()
            .allSatisfy(cause -> assertThat(cause).isInstanceOf(TransportException.class));
        assertThat(listener.threads)
            .allSatisfy(t -> assertThat(t).startsWith("ingest-redis-writer-"));
        assertThat(sink.recentTrades(SPY, 1000)).containsExactlyElementsOf(newestFirst(0, 600));
        assertThat(sink.lastTrade(SPY)).contains(Samples.trade(SPY, 599));
      } finally {
        LocalRedis.deleteAll(admin, prefix);
      }
    }
  }

  /* CLIENT KILL ID for each connection named {@code name}; only ours, other clients stay */
  private static int killConnectionsNamed(RedisClient admin, String name) {
    String list =
        new String(
            (byte[])
                admin.executeCommand(new CommandArguments(Protocol.Command.CLIENT).add("LIST")),
            StandardCharsets.UTF_8);
    int killed = 0;
    for (String line : list.split("\n")) {
      if (line.contains(" name=" + name + " ")) {
        String id = line.substring(3, line.indexOf(' '));
        admin.executeCommand(
            new CommandArguments(Protocol.Command.CLIENT).add("KILL").add("ID").add(id));
        killed++;
      }
    }
    return killed;
  }

  @Test
  void writesMadeWhileRedisRestartsLandOnceItIsBack() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (ThrowawayRedis server = ThrowawayRedis.standalone();
        RedisClient client = clientFor(server);
        RedisMarketDataSink sink =
            RedisMarketDataSink.create(
                client, RedisSinkConfig.defaults().withRetry(PATIENT), listener)) {
      for (int i = 0; i < 200; i++) {
        sink.writeTrade(Samples.trade(SPY, i));
      }
      sink.flush();
      assertThat(sink.recentTrades(SPY, 1000)).hasSize(200);

      server.stop();
      for (int i = 200; i < 400; i++) {
        sink.writeTrade(Samples.trade(SPY, i)); // returns at once, throws nothing
      }
      Ticker during = Samples.ticker(SPY);
      sink.writeTicker(during);
      await("a reported failure", () -> !listener.retries.isEmpty());
      server.start(); // same port, empty: no persistence, and no scripts cached
      for (int i = 400; i < 600; i++) {
        sink.writeTrade(Samples.trade(SPY, i));
      }
      sink.flush();

      assertThat(listener.retries)
          .allSatisfy(c -> assertThat(c).isInstanceOf(TransportException.class));
      // 0..199 went down with the old server's memory; everything written since is there once
      assertThat(sink.recentTrades(SPY, 1000)).containsExactlyElementsOf(newestFirst(200, 600));
      assertThat(sink.ticker(SPY)).contains(during);
    }
  }

  @Test
  void whenRetriesRunOutTheBatchIsDroppedReportedAndLaterWritesStillLand() throws Exception {
    RecordingListener listener = new RecordingListener();
    RetrySettings once = new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10), 1.0);
    try (ThrowawayRedis server = ThrowawayRedis.standalone();
        RedisClient client = clientFor(server);
        RedisMarketDataSink sink =
            RedisMarketDataSink.create(
                client, RedisSinkConfig.defaults().withRetry(once), listener)) {
      server.stop();

      sink.writeTicker(Samples.ticker(SPY));
      sink.flush(); // returns once the batch is given up; throws nothing

      assertThat(listener.failedCalls).contains("redis:write");
      assertThat(listener.dropped).containsExactly(1);
      assertThat(listener.retries).hasSize(1);

      server.start();
      Ticker later =
          new Ticker(
              SPY,
              T0.plusSeconds(1),
              Samples.px("513"),
              1,
              Samples.px("513.01"),
              1,
              Samples.px("513"),
              1);
      sink.writeTicker(later);
      sink.flush();

      assertThat(sink.ticker(SPY)).contains(later);
      assertThat(listener.succeededCalls).contains("redis:write");
    }
  }

  @Test
  void whileRedisIsAwayWaitingWritesCoalescePerKey() throws Exception {
    try (ThrowawayRedis server = ThrowawayRedis.standalone();
        RedisClient client = clientFor(server);
        RedisMarketDataSink sink =
            RedisMarketDataSink.create(
                client, RedisSinkConfig.defaults().withRetry(PATIENT), new RecordingListener())) {
      server.stop();
      List<Symbol> symbols = List.of(Symbol.of("SPY"), Symbol.of("QQQ"), Symbol.of("IWM"));
      Ticker lastSpy = null;
      for (int i = 0; i < 10_000; i++) {
        Symbol s = symbols.get(i % 3);
        Ticker t =
            new Ticker(
                s,
                T0.plusMillis(i),
                Samples.px("100") + i,
                1,
                Samples.px("101") + i,
                1,
                Samples.px("100"),
                1);
        sink.writeTicker(t);
        if (s.equals(SPY)) {
          lastSpy = t;
        }
        if (i < 5000) {
          sink.writeTrade(Samples.trade(SPY, i));
        }
      }

      // 3 tickers + SPY's trade list + SPY's last trade, plus at most one batch in flight
      assertThat(sink.pendingWrites()).isLessThanOrEqualTo(5);

      server.start();
      sink.flush();
      assertThat(sink.ticker(SPY)).contains(lastSpy);
      assertThat(sink.recentTrades(SPY, 5000)).containsExactlyElementsOf(newestFirst(4000, 5000));
    }
  }

  @Test
  void flushAndCloseGiveUpAfterTheirTimeoutWithoutThrowing() {
    try (ThrowawayRedis server = ThrowawayRedis.standalone();
        RedisClient client = clientFor(server)) {
      RedisMarketDataSink sink =
          RedisMarketDataSink.create(
              client,
              RedisSinkConfig.defaults()
                  .withRetry(PATIENT)
                  .withFlushTimeout(Duration.ofMillis(300)),
              new RecordingListener());
      server.stop();
      sink.writeTicker(Samples.ticker(SPY));

      sink.flush();
      sink.close();
      sink.writeTicker(Samples.ticker(SPY)); // after close: ignored, not thrown
    }
  }

  private static RedisClient clientFor(ThrowawayRedis server) {
    return RedisClient.builder()
        .hostAndPort(server.address())
        .clientConfig(
            DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(500)
                .socketTimeoutMillis(2000)
                .build())
        .build();
  }
}
