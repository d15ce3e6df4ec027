package dev.ingest.store.redis.internal;

import dev.ingest.api.market.Bar;
import dev.ingest.api.market.BookLevel;
import dev.ingest.api.market.Greeks;
import dev.ingest.api.market.Heartbeat;
import dev.ingest.api.market.IndicatorPoint;
import dev.ingest.api.market.IndicatorSeries;
import dev.ingest.api.market.OptionChain;
import dev.ingest.api.market.OptionContract;
import dev.ingest.api.market.OrderBook;
import dev.ingest.api.market.Prices;
import dev.ingest.api.market.SentimentArticle;
import dev.ingest.api.market.SentimentFeed;
import dev.ingest.api.market.Ticker;
import dev.ingest.api.market.TickerSentiment;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Symbol;
import dev.ingest.store.redis.RedisKeys;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON payload of each key, as the module README's catalogue documents it. Prices and decimals
 * are exact decimal strings ({@code "512.11"}), never binary floats; a missing price is {@code
 * null}; times are ISO-8601 UTC with up to nanoseconds. {@link PayloadReader} reads every payload
 * back into an equal record. Stateless; every method uses the calling thread's {@link JsonOut}.
 */
public final class Payloads {
  /** Decimal places of computed averages (sentiment). */
  private static final int AVERAGE_SCALE = 6;

  private Payloads() {}

  /** {@code market:{symbol}:ticker}. */
  public static byte[] ticker(Ticker t) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("symbol").string(t.symbol().value());
    out.name("ts").instant(t.timestamp());
    out.name("bid").price(t.bidPrice());
    out.name("bid_size").number(t.bidSize());
    out.name("ask").price(t.askPrice());
    out.name("ask_size").number(t.askSize());
    out.name("last").price(t.lastPrice());
    out.name("last_size").number(t.lastSize());
    out.name("mid").price(t.mid());
    out.name("spread").price(t.spread());
    long mid = t.mid();
    if (mid != Prices.UNDEFINED && mid > 0) {
      // basis points of the mid, to 4 places: a display figure, so a double is fine here
      double bps = Math.round(t.spread() * 10_000.0 / mid * 10_000.0) / 10_000.0;
      out.name("spread_bps").number(bps);
    } else {
      out.name("spread_bps").nullValue();
    }
    return out.endObject().toBytes();
  }

  /** {@code market:{symbol}:book} and {@code market:{symbol}:{exchange}:book}. */
  public static byte[] book(OrderBook b) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("symbol").string(b.symbol().value());
    out.name("exchange").string(b.exchange());
    out.name("ts").instant(b.timestamp());
    out.name("bids");
    levels(out, b.bids());
    out.name("asks");
    levels(out, b.asks());
    return out.endObject().toBytes();
  }

  private static void levels(JsonOut out, List<BookLevel> levels) {
    out.beginArray();
    for (BookLevel level : levels) {
      out.beginObject();
      out.name("price").price(level.price());
      out.name("size").number(level.size());
      out.name("venue").string(level.venue());
      out.endObject();
    }
    out.endArray();
  }

  /**
   * {@code market:{symbol}:last} and each entry of {@code market:{symbol}:trades}.
   *
   * @param id unique per write, so that a retried push can tell a trade it already stored from a
   *     second print with the same time, price and size
   */
  public static byte[] trade(Trade t, String id) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("id").string(id);
    out.name("symbol").string(t.symbol().value());
    out.name("ts").instant(t.timestamp());
    out.name("price").price(t.price());
    out.name("size").number(t.size());
    out.name("venue").string(t.venue());
    out.name("aggressor").string(t.aggressor() == null ? null : t.aggressor().name());
    return out.endObject().toBytes();
  }

  /** Each entry of {@code market:{symbol}:bars:{timeframe}}. */
  public static byte[] bar(Bar b) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("symbol").string(b.symbol().value());
    out.name("timeframe").string(RedisKeys.timeframe(b.interval()));
    out.name("interval").string(b.interval().toString());
    out.name("start").instant(b.start());
    out.name("end").instant(b.end());
    out.name("open").price(b.open());
    out.name("high").price(b.high());
    out.name("low").price(b.low());
    out.name("close").price(b.close());
    out.name("volume").number(b.volume());
    return out.endObject().toBytes();
  }

  /** {@code options:{symbol}:calls} or {@code :puts}: the contracts as a JSON array. */
  public static byte[] contracts(Collection<OptionContract> contracts) {
    JsonOut out = JsonOut.local().beginArray();
    contracts.forEach(c -> contract(out, c));
    return out.endArray().toBytes();
  }

  /** {@code options:{symbol}:chain}: every contract by id, plus expiry and coverage summaries. */
  public static byte[] chain(OptionChain chain) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("underlying").string(chain.underlying().value());
    out.name("as_of").instant(chain.asOf());
    out.name("by_contract").beginObject();
    for (OptionContract c : chain.contracts()) {
      out.name(c.contractId().value());
      contract(out, c);
    }
    out.endObject();
    out.name("expirations").beginObject();
    Map<LocalDate, int[]> byExpiry = new TreeMap<>();
    for (OptionContract c : chain.contracts()) {
      byExpiry
          .computeIfAbsent(c.expiry(), e -> new int[2])[c.right() == OptionRight.CALL ? 0 : 1]++;
    }
    byExpiry.forEach(
        (expiry, counts) -> {
          out.name(expiry.toString()).beginObject();
          out.name("calls").number(counts[0]);
          out.name("puts").number(counts[1]);
          out.endObject();
        });
    out.endObject();
    out.name("metrics").beginObject();
    coverage(out, chain);
    out.endObject();
    return out.endObject().toBytes();
  }

  /** {@code options:{symbol}:{contractId}:greeks}. */
  public static byte[] greeks(OptionContract c, Instant asOf) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("contract_id").string(c.contractId().value());
    out.name("underlying").string(c.underlying().value());
    out.name("as_of").instant(asOf);
    greekFields(out, c.greeks());
    return out.endObject().toBytes();
  }

  /** {@code monitoring:options:{symbol}}: chain size and greeks coverage. */
  public static byte[] optionsMonitoring(OptionChain chain) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("symbol").string(chain.underlying().value());
    out.name("as_of").instant(chain.asOf());
    coverage(out, chain);
    out.name("expirations")
        .number(chain.contracts().stream().map(OptionContract::expiry).distinct().count());
    return out.endObject().toBytes();
  }

  /** The message on {@code options:chain:updated}. */
  public static byte[] chainNotice(OptionChain chain) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("symbol").string(chain.underlying().value());
    out.name("as_of").instant(chain.asOf());
    out.name("contracts").number(chain.contracts().size());
    return out.endObject().toBytes();
  }

  private static void coverage(JsonOut out, OptionChain chain) {
    long withGreeks = chain.contracts().stream().filter(c -> c.greeks().isPresent()).count();
    out.name("contracts").number(chain.contracts().size());
    out.name("calls").number(chain.calls().size());
    out.name("puts").number(chain.puts().size());
    out.name("with_greeks").number(withGreeks);
    out.name("missing_greeks").number(chain.contracts().size() - withGreeks);
  }

  private static void contract(JsonOut out, OptionContract c) {
    out.beginObject();
    out.name("contract_id").string(c.contractId().value());
    out.name("underlying").string(c.underlying().value());
    out.name("expiry").string(c.expiry().toString());
    out.name("strike").decimal(c.strike());
    out.name("right").string(c.right().name());
    out.name("bid").decimal(c.bid());
    out.name("ask").decimal(c.ask());
    out.name("last").decimal(c.last());
    out.name("mark").decimal(c.mark());
    out.name("volume").number(c.volume());
    out.name("open_interest").number(c.openInterest());
    out.name("implied_volatility").decimal(c.impliedVolatility());
    out.name("greeks").beginObject();
    greekFields(out, c.greeks());
    out.endObject();
    out.endObject();
  }

  private static void greekFields(JsonOut out, Greeks g) {
    out.name("delta").decimal(g.delta());
    out.name("gamma").decimal(g.gamma());
    out.name("theta").decimal(g.theta());
    out.name("vega").decimal(g.vega());
    out.name("rho").decimal(g.rho());
  }

  /** {@code sentiment:{symbol}}: the full article feed plus aggregates. */
  public static byte[] sentiment(SentimentFeed feed) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("symbol").string(feed.symbol().value());
    out.name("as_of").instant(feed.asOf());
    out.name("articles").beginArray();
    for (SentimentArticle a : feed.articles()) {
      out.beginObject();
      out.name("title").string(a.title());
      out.name("url").string(a.url());
      out.name("published_at").instant(a.publishedAt());
      out.name("source").string(a.source());
      out.name("summary").string(a.summary());
      out.name("authors").beginArray();
      a.authors().forEach(out::string);
      out.endArray();
      out.name("overall_score").decimal(a.overallScore());
      out.name("overall_label").string(a.overallLabel());
      out.name("tickers").beginArray();
      for (TickerSentiment t : a.tickers()) {
        out.beginObject();
        out.name("ticker").string(t.ticker());
        out.name("relevance").decimal(t.relevance());
        out.name("score").decimal(t.score());
        out.name("label").string(t.label());
        out.endObject();
      }
      out.endArray();
      out.endObject();
    }
    out.endArray();
    out.name("aggregates").beginObject();
    sentimentSummary(out, feed);
    out.endObject();
    return out.endObject().toBytes();
  }

  /** {@code monitoring:sentiment:{symbol}}. */
  public static byte[] sentimentMonitoring(SentimentFeed feed) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("symbol").string(feed.symbol().value());
    out.name("as_of").instant(feed.asOf());
    sentimentSummary(out, feed);
    return out.endObject().toBytes();
  }

  /** The message on {@code sentiment:updated}. */
  public static byte[] sentimentNotice(SentimentFeed feed) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("symbol").string(feed.symbol().value());
    out.name("as_of").instant(feed.asOf());
    out.name("articles").number(feed.articles().size());
    return out.endObject().toBytes();
  }

  private static void sentimentSummary(JsonOut out, SentimentFeed feed) {
    List<SentimentArticle> articles = feed.articles();
    String symbol = feed.symbol().value();
    List<TickerSentiment> mine =
        articles.stream()
            .flatMap(a -> a.tickers().stream())
            .filter(t -> t.ticker().equalsIgnoreCase(symbol))
            .toList();
    out.name("article_count").number(articles.size());
    out.name("avg_score")
        .decimal(average(articles.stream().map(SentimentArticle::overallScore).toList()));
    out.name("avg_ticker_score")
        .decimal(average(mine.stream().map(TickerSentiment::score).toList()));
    out.name("avg_relevance")
        .decimal(average(mine.stream().map(TickerSentiment::relevance).toList()));
    out.name("labels").beginObject();
    counts(articles.stream().map(SentimentArticle::overallLabel).toList())
        .forEach((label, n) -> out.name(label).number(n));
    out.endObject();
    out.name("sources").beginObject();
    counts(articles.stream().map(SentimentArticle::source).toList())
        .forEach((source, n) -> out.name(source).number(n));
    out.endObject();
    Instant newest =
        articles.stream().map(SentimentArticle::publishedAt).max(Instant::compareTo).orElse(null);
    Instant oldest =
        articles.stream().map(SentimentArticle::publishedAt).min(Instant::compareTo).orElse(null);
    if (newest == null) {
      out.name("newest").nullValue();
      out.name("oldest").nullValue();
    } else {
      out.name("newest").instant(newest);
      out.name("oldest").instant(oldest);
    }
  }

  private static @Nullable BigDecimal average(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal mean =
        sum.divide(BigDecimal.valueOf(values.size()), AVERAGE_SCALE, RoundingMode.HALF_EVEN);
    BigDecimal stripped = mean.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static Map<String, Integer> counts(List<String> values) {
    Map<String, Integer> counts = new TreeMap<>();
    values.forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts;
  }

  /** {@code technicals:{symbol}:{indicator}}: readings newest first as given. */
  public static byte[] indicator(IndicatorSeries series) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("symbol").string(series.symbol().value());
    out.name("indicator").string(series.indicator());
    out.name("interval").string(series.interval());
    out.name("points").beginArray();
    for (IndicatorPoint p : series.points()) {
      out.beginObject();
      out.name("ts").instant(p.timestamp());
      out.name("values").beginObject();
      new TreeMap<>(p.values()).forEach((line, v) -> out.name(line).decimal(v));
      out.endObject();
      out.endObject();
    }
    out.endArray();
    return out.endObject().toBytes();
  }

  /** {@code heartbeat:{component}}. */
  public static byte[] heartbeat(Heartbeat h) {
    JsonOut out = JsonOut.local().beginObject();
    out.name("component").string(h.component());
    out.name("ts").instant(h.at());
    out.name("fields").beginObject();
    new TreeMap<>(h.fields()).forEach((k, v) -> out.name(k).string(v));
    out.endObject();
    return out.endObject().toBytes();
  }

  /**
   * {@code monitoring:{component}:metrics}: the metrics as one JSON object. Finite numbers stay
   * numbers, booleans booleans, anything else becomes its text; NaN, infinities and nulls are left
   * out.
   */
  public static byte[] metrics(Map<String, ?> metrics) {
    JsonOut out = JsonOut.local().beginObject();
    metrics.forEach(
        (name, v) -> {
          if (name == null || v == null) {
            return;
          }
          if (v instanceof Double d) {
            if (Double.isFinite(d)) {
              out.name(name).number(d.doubleValue());
            }
          } else if (v instanceof Float f) {
            if (Float.isFinite(f)) {
              out.name(name).number(f.doubleValue());
            }
          } else if (v instanceof BigDecimal d) {
            out.name(name).number(d);
          } else if (v instanceof Long
              || v instanceof Integer
              || v instanceof Short
              || v instanceof Byte) {
            out.name(name).number(((Number) v).longValue());
          } else if (v instanceof Number n) {
            // BigInteger, AtomicLong, DoubleAdder, ...: keep the exact digits when finite
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
              BigDecimal exact;
              try {
                exact = new BigDecimal(n.toString());
              } catch (NumberFormatException e) {
                exact = BigDecimal.valueOf(d);
              }
              out.name(name).number(exact);
            }
          } else if (v instanceof Boolean b) {
            out.name(name).bool(b);
          } else {
            out.name(name).string(v.toString());
          }
        });
    return out.endObject().toBytes();
  }

  /** The text of {@code monitoring:data:stale}'s field value: when the symbol last updated. */
  public static byte[] staleSince(Instant lastUpdate) {
    JsonOut out = JsonOut.local();
    IsoInstant.append(out, lastUpdate);
    return out.toBytes();
  }

  /** {@code {component}:connected}: seed 002's {@code 1} or {@code 0}. */
  public static byte[] connected(boolean connected) {
    return new byte[] {(byte) (connected ? '1' : '0')};
  }

  /** The field of {@code monitoring:data:stale}. */
  public static String staleField(Symbol symbol) {
    return symbol.value();
  }
}
