package dev.ingest.store.redis.internal;

import static dev.ingest.store.redis.Samples.SPY;
import static dev.ingest.store.redis.Samples.T0;
import static dev.ingest.store.redis.Samples.px;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.market.Bar;
import dev.ingest.api.market.OptionChain;
import dev.ingest.api.market.OrderBook;
import dev.ingest.api.market.Prices;
import dev.ingest.api.market.Ticker;
import dev.ingest.api.market.Trade;
import dev.ingest.store.redis.Samples;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each payload of the catalogue: its documented shape, and an exact round trip. */
class PayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(byte[] payload) throws Exception {
    return JSON.readTree(payload);
  }

  @Test
  void theTickerCarriesExactDecimalStringsAndItsDerivedFigures() throws Exception {
    JsonNode n = json(Payloads.ticker(Samples.ticker(SPY)));

    assertThat(n.get("symbol").asText()).isEqualTo("SPY");
    assertThat(n.get("ts").asText()).isEqualTo("2024-03-01T14:30:00.123456789Z");
    assertThat(n.get("bid").isTextual()).isTrue();
    assertThat(n.get("bid").asText()).isEqualTo("512.11");
    assertThat(n.get("bid_size").asLong()).isEqualTo(300);
    assertThat(n.get("ask").asText()).isEqualTo("512.13");
    assertThat(n.get("last").asText()).isEqualTo("512.12");
    assertThat(n.get("mid").asText()).isEqualTo("512.12");
    assertThat(n.get("spread").asText()).isEqualTo("0.02");
    assertThat(n.get("spread_bps").asDouble()).isEqualTo(0.3905);
  }

  @Test
  void anEmptySideIsNullAndSoAreTheFiguresThatNeedIt() throws Exception {
    Ticker oneSided =
        new Ticker(SPY, T0, Prices.UNDEFINED, 0, px("512.13"), 200, Prices.UNDEFINED, 0);

    byte[] payload = Payloads.ticker(oneSided);
    JsonNode n = json(payload);

    assertThat(n.get("bid").isNull()).isTrue();
    assertThat(n.get("mid").isNull()).isTrue();
    assertThat(n.get("spread").isNull()).isTrue();
    assertThat(n.get("spread_bps").isNull()).isTrue();
    assertThat(new String(payload)).doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(PayloadReader.ticker("k", payload)).isEqualTo(oneSided);
  }

  @Test
  void booksTradesAndBarsRoundTrip() throws Exception {
    OrderBook venue = Samples.book(SPY, "ARCA");
    OrderBook aggregated = Samples.book(SPY, null);
    Trade trade = Samples.trade(SPY, 3);
    Bar bar = Samples.bar(SPY);

    assertThat(PayloadReader.book("k", Payloads.book(venue))).isEqualTo(venue);
    assertThat(PayloadReader.book("k", Payloads.book(aggregated))).isEqualTo(aggregated);
    assertThat(PayloadReader.trade("k", Payloads.trade(trade, "w-1"))).isEqualTo(trade);
    assertThat(PayloadReader.bar("k", Payloads.bar(bar))).isEqualTo(bar);

    JsonNode b = json(Payloads.book(venue));
    assertThat(b.get("exchange").asText()).isEqualTo("ARCA");
    assertThat(b.get("bids").get(1).get("price").asText()).isEqualTo("512.1");
    assertThat(b.get("bids").get(1).get("venue").isNull()).isTrue();
    assertThat(json(Payloads.book(aggregated)).get("exchange").isNull()).isTrue();
    JsonNode t = json(Payloads.trade(trade, "w-1"));
    assertThat(t.get("id").asText()).isEqualTo("w-1");
    assertThat(t.get("price").asText()).isEqualTo("512.120000003");
    assertThat(t.get("aggressor").asText()).isEqualTo("BUY");
    JsonNode r = json(Payloads.bar(bar));
    assertThat(r.get("timeframe").asText()).isEqualTo("5s");
    assertThat(r.get("interval").asText()).isEqualTo("PT5S");
    assertThat(r.get("end").asText()).isEqualTo("2024-03-01T14:30:05.123456789Z");
  }

  @Test
  void aChainIsKeyedByContractAndSummarised() throws Exception {
    OptionChain chain = Samples.chain(SPY);

    JsonNode n = json(Payloads.chain(chain));

    assertThat(n.get("by_contract").fieldNames())
        .toIterable()
        .containsExactly("SPY240315C00500000", "SPY240315P00500000");
    JsonNode call = n.get("by_contract").get("SPY240315C00500000");
    assertThat(call.get("strike").asText()).isEqualTo("500");
    assertThat(call.get("ask").asText()).isEqualTo("1.3");
    assertThat(call.get("last").isNull()).isTrue();
    assertThat(call.get("open_interest").isNull()).isTrue();
    assertThat(call.get("greeks").get("delta").asText()).isEqualTo("0.52");
    assertThat(n.get("expirations").get("2024-03-15").get("calls").asInt()).isEqualTo(1);
    assertThat(n.get("metrics").get("missing_greeks").asInt()).isEqualTo(1);
    assertThat(PayloadReader.chain("k", Payloads.chain(chain))).isEqualTo(chain);
    assertThat(PayloadReader.chainContractIds("k", Payloads.chain(chain)))
        .extracting(Object::toString)
        .containsExactly("SPY240315C00500000", "SPY240315P00500000");
    JsonNode calls = json(Payloads.contracts(chain.calls()));
    assertThat(calls.isArray()).isTrue();
    assertThat(calls).hasSize(1);
    JsonNode monitoring = json(Payloads.optionsMonitoring(chain));
    assertThat(monitoring.get("contracts").asInt()).isEqualTo(2);
    assertThat(monitoring.get("with_greeks").asInt()).isEqualTo(1);
  }

  @Test
  void sentimentKeepsTheFeedAndAddsAggregates() throws Exception {
    var feed = Samples.sentiment(SPY);

    byte[] payload = Payloads.sentiment(feed);
    JsonNode agg = json(payload).get("aggregates");

    assertThat(PayloadReader.sentiment("k", payload)).isEqualTo(feed);
    assertThat(agg.get("article_count").asInt()).isEqualTo(2);
    assertThat(agg.get("avg_score").asText()).isEqualTo("0.15");
    assertThat(agg.get("avg_ticker_score").asText()).isEqualTo("0.3");
    assertThat(agg.get("avg_relevance").asText()).isEqualTo("0.6");
    assertThat(agg.get("sources").get("Reuters").asInt()).isEqualTo(1);
    assertThat(agg.get("newest").asText()).isEqualTo(T0.minusSeconds(60).toString());
  }

  @Test
  void indicatorsAndHeartbeatsRoundTrip() {
    var rsi = Samples.rsi(SPY);
    var heartbeat = Samples.heartbeat("ibkr_ingestion");

    assertThat(PayloadReader.indicator("k", Payloads.indicator(rsi))).isEqualTo(rsi);
    assertThat(PayloadReader.heartbeat("k", Payloads.heartbeat(heartbeat))).isEqualTo(heartbeat);
  }

  @Test
  void metricsDropNanInfinityAndNullAndKeepExactDigits() throws Exception {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("depth_updates", 1234L);
    metrics.put("lag_ms", 12.5);
    metrics.put("nan", Double.NaN);
    metrics.put("inf", Float.NEGATIVE_INFINITY);
    metrics.put("null", null);
    metrics.put("ratio", new BigDecimal("0.1000"));
    metrics.put("big", new BigInteger("123456789012345678901234567890"));
    metrics.put("counter", new AtomicLong(7));
    metrics.put("connected", true);
    metrics.put("state", "RUNNING");

    byte[] payload = Payloads.metrics(metrics);

    assertThat(new String(payload)).doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(json(payload).get("counter").isNumber()).isTrue();
    assertThat(PayloadReader.metrics("k", payload))
        .containsExactly(
            Map.entry("depth_updates", "1234"),
            Map.entry("lag_ms", "12.5"),
            Map.entry("ratio", "0.1000"),
            Map.entry("big", "123456789012345678901234567890"),
            Map.entry("counter", "7"),
            Map.entry("connected", "true"),
            Map.entry("state", "RUNNING"));
  }

  @Test
  void aForeignPayloadFailsNamingTheKeyAndField() {
    assertThatThrownBy(() -> PayloadReader.ticker("prod:market:SPY:ticker", "not json".getBytes()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("key=prod:market:SPY:ticker");
    assertThatThrownBy(
            () ->
                PayloadReader.trade(
                    "k", "{\"symbol\":\"SPY\",\"ts\":\"2024-03-01T00:00:00Z\"}".getBytes()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("field=price");
    assertThatThrownBy(
            () ->
                PayloadReader.trade(
                    "k",
                    "{\"symbol\":\"SPY\",\"ts\":\"2024-03-01T00:00:00Z\",\"price\":\"1.0000000001\",\"size\":1}"
                        .getBytes()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("9 decimal places");
  }
}
