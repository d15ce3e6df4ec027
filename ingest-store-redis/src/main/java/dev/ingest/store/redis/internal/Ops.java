package dev.ingest.store.redis.internal;

import dev.ingest.api.market.Bar;
import dev.ingest.api.market.Heartbeat;
import dev.ingest.api.market.IndicatorSeries;
import dev.ingest.api.market.OptionChain;
import dev.ingest.api.market.OrderBook;
import dev.ingest.api.market.SentimentFeed;
import dev.ingest.api.market.Ticker;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.Symbol;
import dev.ingest.store.redis.RedisSinkConfig;
import dev.ingest.store.redis.RedisSurface;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns each market-data write into the {@link Op}s the sink sends: which key, which payload, which
 * TTL, which command. The sink and the benchmarks share it, so the command stream a benchmark
 * replays with {@code redis-cli --pipe} is the sink's own. Validation of names happens here
 * (through {@link dev.ingest.store.redis.RedisKeys}), before anything is queued. Thread-safe.
 */
public final class Ops {
  /** Trades kept per symbol, as seed 002. */
  public static final int MAX_TRADES = 1000;

  /** Bars kept per symbol and timeframe. */
  public static final int MAX_BARS = 1000;

  private final dev.ingest.store.redis.RedisKeys keys;
  private final KeyCache cache;
  private final long marketTtl;
  private final long bookTtl;
  private final long barsTtl;
  private final long optionsTtl;
  private final long greeksTtl;
  private final long sentimentTtl;
  private final long technicalsTtl;
  private final long monitoringTtl;
  private final long heartbeatTtl;

  public Ops(RedisSinkConfig config) {
    this.keys = config.keys();
    this.cache = new KeyCache(keys);
    this.marketTtl = config.ttl(RedisSurface.MARKET_DATA).toMillis();
    this.bookTtl = config.ttl(RedisSurface.ORDER_BOOK).toMillis();
    this.barsTtl = config.ttl(RedisSurface.BARS).toMillis();
    this.optionsTtl = config.ttl(RedisSurface.OPTIONS).toMillis();
    this.greeksTtl = config.ttl(RedisSurface.GREEKS).toMillis();
    this.sentimentTtl = config.ttl(RedisSurface.SENTIMENT).toMillis();
    this.technicalsTtl = config.ttl(RedisSurface.TECHNICALS).toMillis();
    this.monitoringTtl = config.ttl(RedisSurface.MONITORING).toMillis();
    this.heartbeatTtl = config.ttl(RedisSurface.HEARTBEAT).toMillis();
  }

  public dev.ingest.store.redis.RedisKeys keys() {
    return keys;
  }

  /** {@code SET market:{symbol}:{exchange}:book} (or the aggregated book). */
  public Op book(OrderBook book) {
    return new Op.SetKey(cache.book(book.symbol(), book.exchange()), Payloads.book(book), bookTtl);
  }

  /** {@code SET market:{symbol}:ticker}. */
  public Op ticker(Ticker ticker) {
    return new Op.SetKey(cache.ticker(ticker.symbol()), Payloads.ticker(ticker), marketTtl);
  }

  /**
   * The capped push onto {@code market:{symbol}:trades}, then {@code SET market:{symbol}:last},
   * both with the same payload.
   *
   * @param id unique per write; see {@link Payloads#trade}
   */
  public List<Op> trade(Trade trade, String id) {
    byte[] payload = Payloads.trade(trade, id);
    return List.of(
        new Op.Push(cache.trades(trade.symbol()), MAX_TRADES, marketTtl, payload),
        new Op.SetKey(cache.last(trade.symbol()), payload, marketTtl));
  }

  /** The capped push onto {@code market:{symbol}:bars:{timeframe}}. */
  public Op bar(Bar bar) {
    return new Op.Push(
        cache.bars(bar.symbol(), bar.interval()), MAX_BARS, barsTtl, Payloads.bar(bar));
  }

  public Op chain(OptionChain chain) {
    return new ChainReplace(keys, chain, optionsTtl, greeksTtl, monitoringTtl);
  }

  public Op sentiment(SentimentFeed feed) {
    return new SentimentReplace(keys, feed, sentimentTtl, monitoringTtl);
  }

  public Op indicator(IndicatorSeries series) {
    return new Op.SetKey(
        Key.of(keys.technicals(series.symbol(), series.indicator())),
        Payloads.indicator(series),
        technicalsTtl);
  }

  public Op heartbeat(Heartbeat heartbeat) {
    return new Op.SetKey(
        Key.of(keys.heartbeat(heartbeat.component())), Payloads.heartbeat(heartbeat), heartbeatTtl);
  }

  public Op metrics(String component, Map<String, ?> metrics) {
    return new Op.SetKey(Key.of(keys.metrics(component)), Payloads.metrics(metrics), monitoringTtl);
  }

  public Op markStale(Symbol symbol, Instant lastUpdate) {
    return new Op.SetField(
        Key.of(keys.stale()), Payloads.staleField(symbol), Payloads.staleSince(lastUpdate));
  }

  public Op clearStale(Symbol symbol) {
    return new Op.DeleteField(Key.of(keys.stale()), Payloads.staleField(symbol));
  }

  /** {@code SET {component}:connected 1|0}, no expiry. */
  public Op connected(String component, boolean connected) {
    return new Op.SetKey(Key.of(keys.connected(component)), Payloads.connected(connected), 0);
  }
}
