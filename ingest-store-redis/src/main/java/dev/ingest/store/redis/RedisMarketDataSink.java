package dev.ingest.store.redis;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.ingest.api.Beta;
import dev.ingest.api.IngestListener;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Resilience;
import dev.ingest.api.internal.SafeListener;
import dev.ingest.api.market.Bar;
import dev.ingest.api.market.Greeks;
import dev.ingest.api.market.Heartbeat;
import dev.ingest.api.market.IndicatorSeries;
import dev.ingest.api.market.OptionChain;
import dev.ingest.api.market.OrderBook;
import dev.ingest.api.market.SentimentFeed;
import dev.ingest.api.market.Ticker;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.MarketDataSink;
import dev.ingest.store.redis.internal.Names;
import dev.ingest.store.redis.internal.Op;
import dev.ingest.store.redis.internal.Ops;
import dev.ingest.store.redis.internal.PayloadReader;
import dev.ingest.store.redis.internal.RedisWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Seed 002's market-data surfaces in Redis: the sink the IBKR and Alpha Vantage ingesters write
 * through, and the reader of what they wrote. Every key, its JSON payload and its time to live are
 * in the module README's catalogue; {@link RedisKeys} gives the names.
 *
 * <pre>{@code
 * try (RedisClient redis = RedisClient.create("redis://127.0.0.1:6379");
 *     RedisMarketDataSink sink =
 *         RedisMarketDataSink.create(redis, RedisSinkConfig.defaults().withPrefix("prod:"),
 *             IngestListener.NOOP)) {
 *   sink.writeTicker(ticker);   // returns at once; sent in the next pipeline
 *   sink.ticker(Symbol.of("SPY"));
 * }
 * }</pre>
 *
 * <p>Writes are validated and encoded on the calling thread, then handed to one writer thread that
 * sends them in pipelined batches; a write returns at once and never throws for Redis' sake. A
 * dropped connection or a Redis restart is retried under the configured {@link
 * dev.ingest.api.config.RetrySettings} (each retry reported to the {@link IngestListener}), and the
 * writes resume when Redis answers again; a batch that exhausts its retries is dropped and reported
 * with {@code apiCall(..., success=false)} and {@code writesDropped}. While Redis is away, a newer
 * value of a key replaces the older one still waiting, so memory stays bounded by the number of
 * keys. A write whose names cannot become a key (an exchange with a space, a component with a
 * {@code :}) is reported to {@link IngestListener#validationError} and skipped.
 *
 * <p>Reads go straight to Redis on the calling thread, retried under the same policy; when Redis
 * stays unreachable they throw {@link TransportException}, and a payload that is not what the
 * catalogue says throws {@link StorageException}. Reads see a write once {@link #flush()} has
 * returned.
 *
 * <p>Works on one Redis and on Redis Cluster alike (any {@link UnifiedJedis}: {@code RedisClient},
 * {@code RedisClusterClient}); with a cluster, {@linkplain RedisSinkConfig#hashTags() hash tags}
 * must be on, so the keys a script updates together share a slot. Needs Redis 6.2 or later.
 *
 * <p>Thread-safe. A client passed to {@link #create} stays the caller's: closing the sink flushes
 * and stops the writer thread but leaves the client open. The client must itself be safe to share
 * between threads (a pooled {@code RedisClient} or a {@code RedisClusterClient}, not a {@code
 * UnifiedJedis} over one {@code Connection}): the writer thread and the reading threads use it at
 * once.
 *
 * @since 0.1
 */
@Beta
public final class RedisMarketDataSink implements MarketDataSink {
  private static final Logger log = LoggerFactory.getLogger(RedisMarketDataSink.class);
  private static final String STORE = "redis";

  /** Trades kept per symbol in {@code market:{symbol}:trades}, as seed 002. */
  public static final int MAX_TRADES = Ops.MAX_TRADES;

  /** Bars kept per symbol and timeframe in {@code market:{symbol}:bars:{timeframe}}. */
  public static final int MAX_BARS = Ops.MAX_BARS;

  private final UnifiedJedis client;
  private final boolean ownsClient;
  private final RedisSinkConfig config;
  private final RedisKeys keys;
  private final Ops ops;
  private final IngestListener listener;
  private final RedisWriter writer;
  private final RetryPolicy<Object> readPolicy;
  private final String writerId;
  private final AtomicLong tradeIds = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisMarketDataSink(
      UnifiedJedis client, boolean ownsClient, RedisSinkConfig config, IngestListener listener) {
    if (isCluster(client) && !config.hashTags()) {
      throw new ConfigurationException(
          STORE,
          "hash_tags",
          "a Redis Cluster client needs hash_tags=true, so that each symbol's keys share a slot");
    }
    this.client = client;
    this.ownsClient = ownsClient;
    this.config = config;
    this.keys = config.keys();
    this.ops = new Ops(config);
    this.listener = SafeListener.wrap(listener);
    this.readPolicy = Resilience.retryPolicy(config.retry(), STORE, "read", this.listener);
    this.writerId = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    this.writer =
        new RedisWriter(
            client, config.retry(), config.batchSize(), config.flushTimeout(), this.listener);
  }

  /**
   * A sink over the host's own client, which the sink never closes.
   *
   * @throws ConfigurationException when {@code client} is a cluster client and hash tags are off
   */
  public static RedisMarketDataSink create(
      UnifiedJedis client, RedisSinkConfig config, IngestListener listener) {
    return new RedisMarketDataSink(
        Check.notNull(client, "client"), false, Check.notNull(config, "config"), listener);
  }

  /** As {@link #create(UnifiedJedis, RedisSinkConfig, IngestListener)} with the defaults. */
  public static RedisMarketDataSink create(UnifiedJedis client) {
    return create(client, RedisSinkConfig.defaults(), IngestListener.NOOP);
  }

  /* for the store provider: the sink closes the client it was opened with */
  static RedisMarketDataSink owning(
      UnifiedJedis client, RedisSinkConfig config, IngestListener listener) {
    return new RedisMarketDataSink(client, true, config, listener);
  }

  /* writes waiting to be sent, after coalescing; for tests */
  int pendingWrites() {
    return writer.pendingCount();
  }

  /** The key names this sink writes. */
  public RedisKeys keys() {
    return keys;
  }

  public RedisSinkConfig config() {
    return config;
  }

  // ---------------------------------------------------------------- writes

  @Override
  public void writeBook(OrderBook book) {
    submit("OrderBook", book, ops::book);
  }

  @Override
  public void writeTicker(Ticker ticker) {
    submit("Ticker", ticker, ops::ticker);
  }

  @Override
  public void writeTrade(Trade trade) {
    if (trade == null) {
      rejected(new DataValidationException("Trade", "must not be null"), null);
      return;
    }
    String id = writerId + "-" + Long.toString(tradeIds.incrementAndGet(), 36);
    writer.submit(ops.trade(trade, id));
  }

  @Override
  public void writeBar(Bar bar) {
    submit("Bar", bar, ops::bar);
  }

  @Override
  public void writeOptionChain(OptionChain chain) {
    submit("OptionChain", chain, ops::chain);
  }

  @Override
  public void writeSentiment(SentimentFeed feed) {
    submit("SentimentFeed", feed, ops::sentiment);
  }

  @Override
  public void writeIndicator(IndicatorSeries series) {
    submit("IndicatorSeries", series, ops::indicator);
  }

  @Override
  public void writeHeartbeat(Heartbeat heartbeat) {
    submit("Heartbeat", heartbeat, ops::heartbeat);
  }

  @Override
  public void writeMetrics(String component, Map<String, ?> metrics) {
    if (metrics == null) {
      rejected(
          new DataValidationException("metrics", "must not be null"), "component=" + component);
      return;
    }
    submit("metrics", component, c -> ops.metrics(c, metrics));
  }

  @Override
  public void markStale(Symbol symbol, Instant lastUpdate) {
    if (lastUpdate == null) {
      rejected(new DataValidationException("markStale.lastUpdate", "must not be null"), null);
      return;
    }
    submit("markStale", symbol, s -> ops.markStale(s, lastUpdate));
  }

  @Override
  public void clearStale(Symbol symbol) {
    submit("clearStale", symbol, ops::clearStale);
  }

  @Override
  public void setConnected(String component, boolean connected) {
    submit("connected", component, c -> ops.connected(c, connected));
  }

  /** Waits until every write made before this call is in Redis (or dropped after its retries). */
  @Override
  public void flush() {
    writer.flush();
  }

  private <T> void submit(String recordType, @Nullable T record, Function<T, Op> toOp) {
    if (record == null) {
      rejected(new DataValidationException(recordType, "must not be null"), null);
      return;
    }
    Op op;
    try {
      op = toOp.apply(record);
    } catch (DataValidationException e) {
      rejected(e, naturalKey(record));
      return;
    }
    writer.submit(op);
  }

  private void rejected(DataValidationException e, @Nullable String naturalKey) {
    DataValidationException reported = e.withContext(STORE, naturalKey);
    log.debug("write rejected store=redis reason={}", reported.getMessage());
    listener.validationError(STORE, reported);
  }

  private static @Nullable String naturalKey(Object record) {
    if (record instanceof dev.ingest.api.market.MarketRecord m) {
      return "symbol=" + m.symbol();
    } else if (record instanceof OptionChain c) {
      return "underlying=" + c.underlying();
    } else if (record instanceof SentimentFeed f) {
      return "symbol=" + f.symbol();
    } else if (record instanceof IndicatorSeries s) {
      return "symbol=" + s.symbol() + " indicator=" + s.indicator();
    } else if (record instanceof Symbol s) {
      return "symbol=" + s;
    } else if (record instanceof String s) {
      return "component=" + IngestException.truncate(s);
    }
    return null;
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<OrderBook> book(Symbol symbol, @Nullable String exchange) {
    if (exchange != null) {
      Names.exchange(exchange, "book.exchange");
    }
    String key = keys.book(symbol, exchange);
    return get(key).map(v -> PayloadReader.book(key, v));
  }

  @Override
  public Optional<Ticker> ticker(Symbol symbol) {
    String key = keys.ticker(symbol);
    return get(key).map(v -> PayloadReader.ticker(key, v));
  }

  @Override
  public Optional<Trade> lastTrade(Symbol symbol) {
    String key = keys.last(symbol);
    return get(key).map(v -> PayloadReader.trade(key, v));
  }

  @Override
  public List<Trade> recentTrades(Symbol symbol, int limit) {
    String key = keys.trades(symbol);
    return range(key, limit).stream().map(v -> PayloadReader.trade(key, v)).toList();
  }

  @Override
  public List<Bar> recentBars(Symbol symbol, Duration interval, int limit) {
    String key = keys.bars(symbol, interval);
    return range(key, limit).stream().map(v -> PayloadReader.bar(key, v)).toList();
  }

  @Override
  public Optional<OptionChain> optionChain(Symbol underlying) {
    String key = keys.optionChain(underlying);
    return get(key).map(v -> PayloadReader.chain(key, v));
  }

  @Override
  public Optional<Greeks> greeks(Symbol underlying, Symbol contractId) {
    String key = keys.greeks(underlying, contractId);
    return get(key).map(v -> PayloadReader.greeks(key, v));
  }

  @Override
  public Optional<SentimentFeed> sentiment(Symbol symbol) {
    String key = keys.sentiment(symbol);
    return get(key).map(v -> PayloadReader.sentiment(key, v));
  }

  @Override
  public Optional<IndicatorSeries> indicator(Symbol symbol, String indicator) {
    String key = keys.technicals(symbol, indicator);
    return get(key).map(v -> PayloadReader.indicator(key, v));
  }

  @Override
  public Optional<Heartbeat> heartbeat(String component) {
    String key = keys.heartbeat(component);
    return get(key).map(v -> PayloadReader.heartbeat(key, v));
  }

  @Override
  public Map<String, String> metrics(String component) {
    String key = keys.metrics(component);
    return get(key).map(v -> PayloadReader.metrics(key, v)).map(Map::copyOf).orElse(Map.of());
  }

  @Override
  public Map<Symbol, Instant> staleSymbols() {
    String key = keys.stale();
    Map<String, String> raw = read("staleSymbols", () -> client.hgetAll(key));
    Map<Symbol, Instant> stale = new TreeMap<>();
    raw.forEach(
        (field, value) -> {
          try {
            stale.put(Symbol.of(field), PayloadReader.staleSince(key, field, value));
          } catch (DataValidationException e) {
            throw new StorageException(
                STORE, "read", "unexpected field key=" + key + " field=" + field, e);
          }
        });
    return Collections.unmodifiableMap(stale);
  }

  @Override
  public boolean isConnected(String component) {
    String key = keys.connected(component);
    return get(key).map(v -> v.length == 1 && v[0] == '1').orElse(false);
  }

  private Optional<byte[]> get(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    return Optional.ofNullable(read("get", () -> client.get(bytes)));
  }

  private List<byte[]> range(String key, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    List<byte[]> values = read("lrange", () -> client.lrange(bytes, 0, limit - 1L));
    return values == null ? List.of() : new ArrayList<>(values);
  }

  private <T> T read(String operation, Supplier<T> call) {
    try {
      return Failsafe.with(readPolicy)
          .get(
              () -> {
                try {
                  return call.get();
                } catch (JedisDataException e) {
                  throw new StorageException(STORE, operation, e.getMessage(), e);
                } catch (JedisException e) {
                  throw new TransportException(
                      STORE, "redis " + operation + " failed: " + e.getMessage(), e);
                }
              });
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new TransportException(STORE, "redis " + operation + " interrupted", e.getCause());
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Sends what is pending (waiting at most the flush timeout), stops the writer thread and, when
   * the sink was opened from a URL, closes its client. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    writer.close();
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "RedisMarketDataSink[prefix=" + keys.prefix() + ", hashTags=" + keys.hashTags() + "]";
  }

  @SuppressWarnings("deprecation") // JedisCluster: deprecated, but hosts still pass it
  private static boolean isCluster(UnifiedJedis client) {
    return client instanceof RedisClusterClient || client instanceof JedisCluster;
  }
}
