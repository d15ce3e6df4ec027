package dev.ingest.testkit;

import dev.ingest.api.market.Bar;
import dev.ingest.api.market.Greeks;
import dev.ingest.api.market.Heartbeat;
import dev.ingest.api.market.IndicatorSeries;
import dev.ingest.api.market.OptionChain;
import dev.ingest.api.market.OptionContract;
import dev.ingest.api.market.OrderBook;
import dev.ingest.api.market.SentimentFeed;
import dev.ingest.api.market.Ticker;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.MarketDataSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The market-data surfaces of seed 002 in memory: what the Redis sink stores, minus expiry. Use it
 * to test an ingester without Redis; it passes {@code MarketDataSinkContract}. Rolling lists keep
 * the same caps as Redis (1000 trades, 1000 bars per interval). Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryMarketDataSink implements MarketDataSink {
  /** Trades kept per symbol, as seed 002's {@code market:{symbol}:trades}. */
  public static final int MAX_TRADES = 1000;

  /** Bars kept per symbol and interval. */
  public static final int MAX_BARS = 1000;

  private final Map<String, OrderBook> books = new HashMap<>();
  private final Map<Symbol, Ticker> tickers = new HashMap<>();
  private final Map<Symbol, Deque<Trade>> trades = new HashMap<>();
  private final Map<String, Deque<Bar>> bars = new HashMap<>();
  private final Map<Symbol, OptionChain> chains = new HashMap<>();
  private final Map<Symbol, SentimentFeed> sentiment = new HashMap<>();
  private final Map<String, IndicatorSeries> indicators = new HashMap<>();
  private final Map<String, Heartbeat> heartbeats = new HashMap<>();
  private final Map<String, Map<String, String>> metrics = new HashMap<>();
  private final Map<Symbol, Instant> stale = new TreeMap<>();
  private final Map<String, Boolean> connected = new HashMap<>();
  private final List<Consumer<Symbol>> chainListeners = new ArrayList<>();

  /** Calls {@code listener} with the underlying each time a chain is replaced. */
  public synchronized void onChainReplaced(Consumer<Symbol> listener) {
    chainListeners.add(listener);
  }

  @Override
  public synchronized void writeBook(OrderBook book) {
    books.put(bookKey(book.symbol(), book.exchange()), book);
  }

  @Override
  public synchronized void writeTicker(Ticker ticker) {
    tickers.put(ticker.symbol(), ticker);
  }

  @Override
  public synchronized void writeTrade(Trade trade) {
    pushCapped(trades.computeIfAbsent(trade.symbol(), s -> new ArrayDeque<>()), trade, MAX_TRADES);
  }

  @Override
  public synchronized void writeBar(Bar bar) {
    pushCapped(
        bars.computeIfAbsent(barKey(bar.symbol(), bar.interval()), k -> new ArrayDeque<>()),
        bar,
        MAX_BARS);
  }

  @Override
  public void writeOptionChain(OptionChain chain) {
    List<Consumer<Symbol>> notify;
    synchronized (this) {
      if (chain.contracts().isEmpty()) {
        chains.remove(chain.underlying());
      } else {
        chains.put(chain.underlying(), chain);
      }
      notify = List.copyOf(chainListeners);
    }
    notify.forEach(l -> l.accept(chain.underlying()));
  }

  @Override
  public synchronized void writeSentiment(SentimentFeed feed) {
    sentiment.put(feed.symbol(), feed);
  }

  @Override
  public synchronized void writeIndicator(IndicatorSeries series) {
    indicators.put(series.symbol() + ":" + series.indicator(), series);
  }

  @Override
  public synchronized void writeHeartbeat(Heartbeat heartbeat) {
    heartbeats.put(heartbeat.component(), heartbeat);
  }

  @Override
  public synchronized void writeMetrics(String component, Map<String, ?> values) {
    Map<String, String> text = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v instanceof Double d && !Double.isFinite(d)) {
            return;
          }
          if (v instanceof Float f && !Float.isFinite(f)) {
            return;
          }
          if (v != null) {
            text.put(k, v.toString());
          }
        });
    metrics.put(component, Map.copyOf(text));
  }

  @Override
  public synchronized void markStale(Symbol symbol, Instant lastUpdate) {
    stale.put(symbol, lastUpdate);
  }

  @Override
  public synchronized void clearStale(Symbol symbol) {
    stale.remove(symbol);
  }

  @Override
  public synchronized void setConnected(String component, boolean isConnected) {
    connected.put(component, isConnected);
  }

  @Override
  public void flush() {}

  @Override
  public synchronized Optional<OrderBook> book(Symbol symbol, @Nullable String exchange) {
    return Optional.ofNullable(books.get(bookKey(symbol, exchange)));
  }

  @Override
  public synchronized Optional<Ticker> ticker(Symbol symbol) {
    return Optional.ofNullable(tickers.get(symbol));
  }

  @Override
  public synchronized Optional<Trade> lastTrade(Symbol symbol) {
    Deque<Trade> list = trades.get(symbol);
    return list == null ? Optional.empty() : Optional.ofNullable(list.peekFirst());
  }

  @Override
  public synchronized List<Trade> recentTrades(Symbol symbol, int limit) {
    return trades.getOrDefault(symbol, new ArrayDeque<>()).stream().limit(limit).toList();
  }

  @Override
  public synchronized List<Bar> recentBars(Symbol symbol, Duration interval, int limit) {
    return bars.getOrDefault(barKey(symbol, interval), new ArrayDeque<>()).stream()
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized Optional<OptionChain> optionChain(Symbol underlying) {
    return Optional.ofNullable(chains.get(underlying));
  }

  @Override
  public synchronized Optional<Greeks> greeks(Symbol underlying, Symbol contractId) {
    OptionChain chain = chains.get(underlying);
    if (chain == null) {
      return Optional.empty();
    }
    return chain.contracts().stream()
        .filter(c -> c.contractId().equals(contractId))
        .map(OptionContract::greeks)
        .filter(Greeks::isPresent)
        .findFirst();
  }

  @Override
  public synchronized Optional<SentimentFeed> sentiment(Symbol symbol) {
    return Optional.ofNullable(sentiment.get(symbol));
  }

  @Override
  public synchronized Optional<IndicatorSeries> indicator(Symbol symbol, String indicator) {
    return Optional.ofNullable(indicators.get(symbol + ":" + indicator));
  }

  @Override
  public synchronized Optional<Heartbeat> heartbeat(String component) {
    return Optional.ofNullable(heartbeats.get(component));
  }

  @Override
  public synchronized Map<String, String> metrics(String component) {
    return metrics.getOrDefault(component, Map.of());
  }

  @Override
  public synchronized Map<Symbol, Instant> staleSymbols() {
    return Map.copyOf(stale);
  }

  @Override
  public synchronized boolean isConnected(String component) {
    return connected.getOrDefault(component, false);
  }

  @Override
  public void close() {}

  private static String bookKey(Symbol symbol, @Nullable String exchange) {
    return exchange == null ? symbol.value() : symbol.value() + ":" + exchange;
  }

  private static String barKey(Symbol symbol, Duration interval) {
    return symbol.value() + ":" + interval;
  }

  private static <T> void pushCapped(Deque<T> list, T value, int cap) {
    list.addFirst(value);
    while (list.size() > cap) {
      list.removeLast();
    }
  }
}
