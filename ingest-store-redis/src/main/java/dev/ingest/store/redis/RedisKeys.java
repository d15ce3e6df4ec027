package dev.ingest.store.redis;

import dev.ingest.api.Beta;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.model.Symbol;
import dev.ingest.store.redis.internal.Names;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The names of seed 002's keys and channels, for the sink and for anyone reading them (an analytics
 * process, a dashboard). The catalogue, with each key's payload, is in the module's README.
 *
 * <pre>{@code
 * RedisKeys keys = RedisKeys.of("prod:", true);
 * keys.book(Symbol.of("SPY"), null);   // prod:market:{SPY}:book
 * keys.heartbeat("ibkr_ingestion");    // prod:heartbeat:ibkr_ingestion
 * }</pre>
 *
 * <p>With {@code hashTags} (cluster mode) the symbol is written as a Redis Cluster hash tag, {@code
 * {SPY}}, so every key of one symbol lands in one slot and the sink can update them together; keys
 * that belong to no symbol ({@code monitoring:data:stale}, heartbeats) carry no tag. Without it the
 * keys are seed 002's exact names.
 *
 * <p>Every name that comes from user data is validated first: symbols by {@link Symbol}, exchanges,
 * components and indicators here, each throwing {@link
 * dev.ingest.api.error.DataValidationException} naming the field. Immutable and thread-safe.
 *
 * @since 0.1
 */
@Beta
public final class RedisKeys {
  private final String prefix;
  private final boolean hashTags;

  private RedisKeys(String prefix, boolean hashTags) {
    this.prefix = prefix;
    this.hashTags = hashTags;
  }

  /**
   * @param prefix prepended to every key and channel, e.g. {@code "prod:"}; letters, digits and
   *     {@code . _ : -}, at most 64, empty for none
   * @param hashTags whether to wrap symbols in cluster hash tags ({@code market:{SPY}:book})
   * @throws ConfigurationException naming {@code prefix} when it is not allowed
   */
  public static RedisKeys of(String prefix, boolean hashTags) {
    if (prefix == null || !Names.PREFIX.matcher(prefix).matches()) {
      throw new ConfigurationException(
          "redis",
          "prefix",
          "prefix must be letters, digits or . _ : - (at most 64), was '" + prefix + "'");
    }
    return new RedisKeys(prefix, hashTags);
  }

  public String prefix() {
    return prefix;
  }

  public boolean hashTags() {
    return hashTags;
  }

  /** {@code market:{symbol}:{exchange}:book}, or {@code market:{symbol}:book} for null. */
  public String book(Symbol symbol, @Nullable String exchange) {
    return exchange == null
        ? market(symbol, "book")
        : market(symbol, Names.exchange(exchange, "OrderBook.exchange") + ":book");
  }

  /** {@code market:{symbol}:ticker}. */
  public String ticker(Symbol symbol) {
    return market(symbol, "ticker");
  }

  /** {@code market:{symbol}:last}. */
  public String last(Symbol symbol) {
    return market(symbol, "last");
  }

  /** {@code market:{symbol}:trades}. */
  public String trades(Symbol symbol) {
    return market(symbol, "trades");
  }

  /** {@code market:{symbol}:bars:5s}, {@code market:{symbol}:bars:1min}, ... */
  public String bars(Symbol symbol, Duration interval) {
    return market(symbol, "bars:" + timeframe(interval));
  }

  /** {@code options:{symbol}:calls}. */
  public String optionCalls(Symbol underlying) {
    return options(underlying, "calls");
  }

  /** {@code options:{symbol}:puts}. */
  public String optionPuts(Symbol underlying) {
    return options(underlying, "puts");
  }

  /** {@code options:{symbol}:chain}. */
  public String optionChain(Symbol underlying) {
    return options(underlying, "chain");
  }

  /** {@code options:{symbol}:{contractId}:greeks}. */
  public String greeks(Symbol underlying, Symbol contractId) {
    return options(underlying, contractId.value() + ":greeks");
  }

  /** {@code sentiment:{symbol}}. */
  public String sentiment(Symbol symbol) {
    return prefix + "sentiment:" + tag(symbol);
  }

  /** {@code technicals:{symbol}:{indicator}}. */
  public String technicals(Symbol symbol, String indicator) {
    return prefix
        + "technicals:"
        + tag(symbol)
        + ":"
        + Names.indicator(indicator, "IndicatorSeries.indicator");
  }

  /** {@code monitoring:options:{symbol}}: the chain's size and greeks coverage. */
  public String optionsMonitoring(Symbol underlying) {
    return prefix + "monitoring:options:" + tag(underlying);
  }

  /** {@code monitoring:sentiment:{symbol}}: article count, average sentiment, sources. */
  public String sentimentMonitoring(Symbol symbol) {
    return prefix + "monitoring:sentiment:" + tag(symbol);
  }

  /** {@code monitoring:{component}:metrics} ({@code monitoring:ibkr:metrics}). */
  public String metrics(String component) {
    return prefix + "monitoring:" + Names.component(component, "metrics.component") + ":metrics";
  }

  /** {@code heartbeat:{component}} ({@code heartbeat:ibkr_ingestion}). */
  public String heartbeat(String component) {
    return prefix + "heartbeat:" + Names.component(component, "Heartbeat.component");
  }

  /** {@code monitoring:data:stale}: a hash of symbol to the time of its last update. */
  public String stale() {
    return prefix + "monitoring:data:stale";
  }

  /** {@code {component}:connected} ({@code ibkr:connected}): {@code 1} or {@code 0}. */
  public String connected(String component) {
    return prefix + Names.component(component, "connected.component") + ":connected";
  }

  /** The channel told of each replaced options chain: {@code options:chain:updated}. */
  public String optionsChannel() {
    return prefix + "options:chain:updated";
  }

  /** The channel told of each replaced sentiment set: {@code sentiment:updated}. */
  public String sentimentChannel() {
    return prefix + "sentiment:updated";
  }

  /**
   * A bar interval as it appears in keys: {@code 5s}, {@code 1min}, {@code 1h}, {@code 1d}, or
   * {@code 250ms} (or nanoseconds, {@code 500000ns}) for sub-second intervals.
   */
  public static String timeframe(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be > 0, was " + interval);
    }
    if (interval.getNano() % 1_000_000 != 0) {
      return interval.toNanos() + "ns";
    }
    long millis = interval.toMillis();
    if (millis % 86_400_000 == 0) {
      return millis / 86_400_000 + "d";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "min";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  /** The symbol as it appears in keys: {@code SPY}, or {@code {SPY}} in cluster mode. */
  public String tag(Symbol symbol) {
    return hashTags ? "{" + symbol.value() + "}" : symbol.value();
  }

  private String market(Symbol symbol, String rest) {
    return prefix + "market:" + tag(symbol) + ":" + rest;
  }

  private String options(Symbol symbol, String rest) {
    return prefix + "options:" + tag(symbol) + ":" + rest;
  }

  @Override
  public String toString() {
    return "RedisKeys[prefix=" + prefix + ", hashTags=" + hashTags + "]";
  }
}
