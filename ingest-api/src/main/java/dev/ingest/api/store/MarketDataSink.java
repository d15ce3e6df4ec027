package dev.ingest.api.store;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The market-data surfaces of seed 002, written by the IBKR and Alpha Vantage ingesters and read by
 * downstream analytics. The Redis sink maps each surface to a key ({@code market:{symbol}:book},
 * {@code options:{symbol}:chain}, ...); the in-memory sink keeps them in maps.
 *
 * <p>Writes are fire-and-forget from the caller's point of view: a store failure is reported to the
 * sink's listener and retried by policy, never thrown into the ingesting thread, so a Redis restart
 * does not stop a depth stream. Values expire per surface (market data, book, bars, greeks, ...).
 * Reads return what is stored now.
 *
 * <p>Implementations are thread-safe. Closing flushes pending writes.
 *
 * @since 0.1
 */
public interface MarketDataSink extends AutoCloseable {

  /** A venue's depth ({@code exchange} set) or the aggregated book ({@code exchange} null). */
  void writeBook(OrderBook book);

  /** The aggregated bid/ask/last/mid/spread. */
  void writeTicker(Ticker ticker);

  /** Updates the last trade and prepends to the rolling trade list (at most 1000 kept). */
  void writeTrade(Trade trade);

  /** A bar, filed by its interval (5 s raw bars, 1 min candles). */
  void writeBar(Bar bar);

  /**
   * Replaces the underlying's chain: calls, puts, the normalized chain, greeks per contract, and
   * the chain's monitoring summary; notifies subscribers. An empty chain clears them.
   */
  void writeOptionChain(OptionChain chain);

  /** Replaces the symbol's sentiment set and its monitoring summary; notifies subscribers. */
  void writeSentiment(SentimentFeed feed);

  void writeIndicator(IndicatorSeries series);

  void writeHeartbeat(Heartbeat heartbeat);

  /**
   * Replaces {@code monitoring:{component}:metrics}. Values must be finite numbers, booleans or
   * text; NaN and infinities are dropped.
   */
  void writeMetrics(String component, Map<String, ?> metrics);

  /** Records that {@code symbol}'s data is stale since {@code lastUpdate}. */
  void markStale(Symbol symbol, Instant lastUpdate);

  /** Removes {@code symbol} from the stale set. */
  void clearStale(Symbol symbol);

  /** Sets {@code {component}:connected} ({@code ibkr:connected} in seed 002). */
  void setConnected(String component, boolean connected);

  /** Sends buffered writes now. */
  void flush();

  Optional<OrderBook> book(Symbol symbol, @Nullable String exchange);

  Optional<Ticker> ticker(Symbol symbol);

  Optional<Trade> lastTrade(Symbol symbol);

  /** The newest trades first, at most {@code limit}. */
  List<Trade> recentTrades(Symbol symbol, int limit);

  /** The newest bars of {@code interval} first, at most {@code limit}. */
  List<Bar> recentBars(Symbol symbol, Duration interval, int limit);

  Optional<OptionChain> optionChain(Symbol underlying);

  Optional<Greeks> greeks(Symbol underlying, Symbol contractId);

  Optional<SentimentFeed> sentiment(Symbol symbol);

  Optional<IndicatorSeries> indicator(Symbol symbol, String indicator);

  Optional<Heartbeat> heartbeat(String component);

  /** {@code monitoring:{component}:metrics} as stored (values as text). */
  Map<String, String> metrics(String component);

  /** The stale set: symbol to the time of its last update. */
  Map<Symbol, Instant> staleSymbols();

  boolean isConnected(String component);

  /** Flushes and releases connections the sink owns. Idempotent. */
  @Override
  void close();
}
