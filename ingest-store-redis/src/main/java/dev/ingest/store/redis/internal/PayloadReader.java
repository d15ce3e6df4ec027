package dev.ingest.store.redis.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.StorageException;
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
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the payloads {@link Payloads} writes back into records. A payload that is not what the
 * catalogue says (written by something else, or truncated) fails with a {@link StorageException}
 * naming the key and the field; a record that rejects a value keeps its own {@link
 * dev.ingest.api.error.DataValidationException} as the cause. Thread-safe.
 */
public final class PayloadReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PayloadReader() {}

  public static Ticker ticker(String key, byte[] payload) {
    return read(
        key,
        payload,
        n ->
            new Ticker(
                symbol(n, "symbol"),
                instant(n, "ts"),
                price(n, "bid"),
                n.path("bid_size").asLong(),
                price(n, "ask"),
                n.path("ask_size").asLong(),
                price(n, "last"),
                n.path("last_size").asLong()));
  }

  public static OrderBook book(String key, byte[] payload) {
    return read(
        key,
        payload,
        n ->
            new OrderBook(
                symbol(n, "symbol"),
                optionalText(n, "exchange"),
                instant(n, "ts"),
                levels(n.path("bids")),
                levels(n.path("asks"))));
  }

  private static List<BookLevel> levels(JsonNode array) {
    List<BookLevel> levels = new ArrayList<>(array.size());
    for (JsonNode level : array) {
      levels.add(
          new BookLevel(
              price(level, "price"),
              required(level, "size").asLong(),
              optionalText(level, "venue")));
    }
    return levels;
  }

  public static Trade trade(String key, byte[] payload) {
    return read(
        key,
        payload,
        n -> {
          String side = optionalText(n, "aggressor");
          return new Trade(
              symbol(n, "symbol"),
              instant(n, "ts"),
              price(n, "price"),
              required(n, "size").asLong(),
              optionalText(n, "venue"),
              side == null ? null : Side.valueOf(side));
        });
  }

  public static Bar bar(String key, byte[] payload) {
    return read(
        key,
        payload,
        n ->
            new Bar(
                symbol(n, "symbol"),
                Duration.parse(text(n, "interval")),
                instant(n, "start"),
                price(n, "open"),
                price(n, "high"),
                price(n, "low"),
                price(n, "close"),
                required(n, "volume").asLong()));
  }

  /** {@code options:{symbol}:chain} back to the chain, contracts in their stored order. */
  public static OptionChain chain(String key, byte[] payload) {
    return read(
        key,
        payload,
        n -> {
          List<OptionContract> contracts = new ArrayList<>();
          for (JsonNode c : required(n, "by_contract")) {
            contracts.add(contract(c));
          }
          return new OptionChain(symbol(n, "underlying"), instant(n, "as_of"), contracts);
        });
  }

  /** The contract ids of a stored chain, without building the contracts. */
  public static List<Symbol> chainContractIds(String key, byte[] payload) {
    return read(
        key,
        payload,
        n -> {
          List<Symbol> ids = new ArrayList<>();
          required(n, "by_contract").fieldNames().forEachRemaining(id -> ids.add(Symbol.of(id)));
          return ids;
        });
  }

  private static OptionContract contract(JsonNode c) {
    JsonNode volume = c.path("volume");
    JsonNode openInterest = c.path("open_interest");
    return new OptionContract(
        symbol(c, "contract_id"),
        symbol(c, "underlying"),
        LocalDate.parse(text(c, "expiry")),
        decimal(c, "strike"),
        OptionRight.valueOf(text(c, "right")),
        decimal(c, "bid"),
        decimal(c, "ask"),
        decimal(c, "last"),
        decimal(c, "mark"),
        volume.isNull() || volume.isMissingNode() ? null : volume.asLong(),
        openInterest.isNull() || openInterest.isMissingNode() ? null : openInterest.asLong(),
        decimal(c, "implied_volatility"),
        greeks(c.path("greeks")));
  }

  public static Greeks greeks(String key, byte[] payload) {
    return read(key, payload, PayloadReader::greeks);
  }

  private static Greeks greeks(JsonNode n) {
    return new Greeks(
        decimal(n, "delta"),
        decimal(n, "gamma"),
        decimal(n, "theta"),
        decimal(n, "vega"),
        decimal(n, "rho"));
  }

  public static SentimentFeed sentiment(String key, byte[] payload) {
    return read(
        key,
        payload,
        n -> {
          List<SentimentArticle> articles = new ArrayList<>();
          for (JsonNode a : required(n, "articles")) {
            List<String> authors = new ArrayList<>();
            a.path("authors").forEach(author -> authors.add(author.asText()));
            List<TickerSentiment> tickers = new ArrayList<>();
            for (JsonNode t : a.path("tickers")) {
              tickers.add(
                  new TickerSentiment(
                      text(t, "ticker"),
                      decimal(t, "relevance"),
                      decimal(t, "score"),
                      text(t, "label")));
            }
            articles.add(
                new SentimentArticle(
                    text(a, "title"),
                    text(a, "url"),
                    instant(a, "published_at"),
                    text(a, "source"),
                    optionalText(a, "summary"),
                    authors,
                    decimal(a, "overall_score"),
                    text(a, "overall_label"),
                    tickers));
          }
          return new SentimentFeed(symbol(n, "symbol"), instant(n, "as_of"), articles);
        });
  }

  public static IndicatorSeries indicator(String key, byte[] payload) {
    return read(
        key,
        payload,
        n -> {
          List<IndicatorPoint> points = new ArrayList<>();
          for (JsonNode p : required(n, "points")) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : required(p, "values").properties()) {
              values.put(e.getKey(), new BigDecimal(e.getValue().asText()));
            }
            points.add(new IndicatorPoint(instant(p, "ts"), values));
          }
          return new IndicatorSeries(
              symbol(n, "symbol"), text(n, "indicator"), text(n, "interval"), points);
        });
  }

  public static Heartbeat heartbeat(String key, byte[] payload) {
    return read(
        key,
        payload,
        n -> {
          Map<String, String> fields = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> e : n.path("fields").properties()) {
            fields.put(e.getKey(), e.getValue().asText());
          }
          return new Heartbeat(text(n, "component"), instant(n, "ts"), fields);
        });
  }

  /**
   * {@code monitoring:{component}:metrics} as text: each value exactly as written (a number's
   * digits, {@code true}/{@code false}, a string's content).
   */
  public static Map<String, String> metrics(String key, byte[] payload) {
    Map<String, String> metrics = new LinkedHashMap<>();
    try (JsonParser p = JSON.getFactory().createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed(key, "", "not a JSON object", null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        if (value != JsonToken.VALUE_NULL) {
          metrics.put(name, p.getText());
        }
      }
      return metrics;
    } catch (IOException e) {
      throw malformed(key, "", e.getMessage(), e);
    }
  }

  /** A field value of {@code monitoring:data:stale}. */
  public static Instant staleSince(String key, String field, String value) {
    try {
      return Instant.parse(value);
    } catch (RuntimeException e) {
      throw malformed(key, field, "not an ISO-8601 instant: " + value, e);
    }
  }

  // ---- helpers

  private static <T> T read(String key, byte[] payload, Function<JsonNode, T> mapping) {
    JsonNode node;
    try {
      node = JSON.readTree(payload);
    } catch (IOException e) {
      throw malformed(key, "", "not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw malformed(key, "", "not a JSON object", null);
    }
    try {
      return mapping.apply(node);
    } catch (Malformed e) {
      throw malformed(key, e.field, e.getMessage(), null);
    } catch (IngestException | IllegalArgumentException | java.time.DateTimeException e) {
      throw malformed(key, "", e.getMessage(), e);
    }
  }

  private static StorageException malformed(
      String key, String field, String problem, @Nullable Throwable cause) {
    return new StorageException(
        "redis",
        "read",
        "unexpected payload key="
            + key
            + (field.isEmpty() ? "" : " field=" + field)
            + ": "
            + problem,
        cause);
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new Malformed(field, "missing");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = required(n, field);
    if (!v.isTextual()) {
      throw new Malformed(field, "not text");
    }
    return v.asText();
  }

  private static @Nullable String optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Symbol symbol(JsonNode n, String field) {
    return Symbol.of(text(n, field));
  }

  private static Instant instant(JsonNode n, String field) {
    try {
      return Instant.parse(text(n, field));
    } catch (java.time.format.DateTimeParseException e) {
      throw new Malformed(field, "not an ISO-8601 instant");
    }
  }

  /* a fixed-point price from its decimal text; null is an undefined price, absent is an error */
  private static long price(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null) {
      throw new Malformed(field, "missing");
    }
    if (v.isNull()) {
      return Prices.UNDEFINED;
    }
    try {
      return Prices.fromDecimal(new BigDecimal(v.asText()), field);
    } catch (NumberFormatException e) {
      throw new Malformed(field, "not a decimal");
    }
  }

  private static @Nullable BigDecimal decimal(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return new BigDecimal(v.asText());
    } catch (NumberFormatException e) {
      throw new Malformed(field, "not a decimal");
    }
  }

  /* a payload field that is not what the catalogue says */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;

    Malformed(String field, String problem) {
      super(problem, null, false, false);
      this.field = field;
    }
  }
}
