package dev.ingest.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.market.Bar;
import dev.ingest.api.market.BookLevel;
import dev.ingest.api.market.Greeks;
import dev.ingest.api.market.Heartbeat;
import dev.ingest.api.market.IndicatorPoint;
import dev.ingest.api.market.IndicatorSeries;
import dev.ingest.api.market.OptionChain;
import dev.ingest.api.market.OptionContract;
import dev.ingest.api.market.OrderBook;
import dev.ingest.api.market.SentimentArticle;
import dev.ingest.api.market.SentimentFeed;
import dev.ingest.api.market.Ticker;
import dev.ingest.api.market.TickerSentiment;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import dev.ingest.store.redis.internal.Payloads;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The payload examples in the module README are exactly what the sink writes. */
class ReadmePayloadsTest {
  private static final Pattern EXAMPLE =
      Pattern.compile("<!-- payload: ([a-z-]+) -->\\s*```json\\s*\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Symbol SPY = Symbol.of("SPY");
  private static final Instant T0 = Instant.parse("2024-03-01T14:30:00.123456789Z");

  private static long px(String s) {
    return Samples.px(s);
  }

  private static Map<String, byte[]> payloads() {
    OptionContract call =
        new OptionContract(
            Symbol.of("SPY240315C00500000"),
            SPY,
            LocalDate.of(2024, 3, 15),
            new BigDecimal("500"),
            OptionRight.CALL,
            new BigDecimal("1.25"),
            new BigDecimal("1.3"),
            new BigDecimal("1.27"),
            new BigDecimal("1.275"),
            1500L,
            12000L,
            new BigDecimal("0.1834"),
            new Greeks(
                new BigDecimal("0.52"),
                new BigDecimal("0.031"),
                new BigDecimal("-0.41"),
                new BigDecimal("0.22"),
                new BigDecimal("0.05")));
    OptionContract put =
        new OptionContract(
            Symbol.of("SPY240315P00500000"),
            SPY,
            LocalDate.of(2024, 3, 15),
            new BigDecimal("500"),
            OptionRight.PUT,
            new BigDecimal("0.98"),
            new BigDecimal("1.02"),
            null,
            new BigDecimal("1"),
            null,
            8000L,
            new BigDecimal("0.1791"),
            new Greeks(null, null, null, null, null));
    OptionChain chain = new OptionChain(SPY, T0, List.of(call, put));
    SentimentFeed feed =
        new SentimentFeed(
            SPY,
            T0,
            List.of(
                new SentimentArticle(
                    "Markets rally",
                    "https://example.com/a",
                    T0.minusSeconds(3600),
                    "Reuters",
                    "Stocks rose.",
                    List.of("A. Writer"),
                    new BigDecimal("0.215"),
                    "Somewhat-Bullish",
                    List.of(
                        new TickerSentiment(
                            "SPY", new BigDecimal("0.61"), new BigDecimal("0.3"), "Bullish")))));
    Map<String, BigDecimal> macd = new LinkedHashMap<>();
    macd.put("MACD", new BigDecimal("1.2345"));
    macd.put("MACD_Signal", new BigDecimal("1.1"));
    macd.put("MACD_Hist", new BigDecimal("0.1345"));
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("depth_updates", 1234L);
    metrics.put("max_lag_ms", 12.5);
    metrics.put("reconnect_attempts", 0);
    metrics.put("connected", true);

    Map<String, byte[]> p = new LinkedHashMap<>();
    p.put(
        "ticker",
        Payloads.ticker(
            new Ticker(SPY, T0, px("512.11"), 300, px("512.13"), 200, px("512.12"), 100)));
    p.put(
        "book",
        Payloads.book(
            new OrderBook(
                SPY,
                "ARCA",
                T0,
                List.of(
                    new BookLevel(px("512.11"), 300, "ARCA"),
                    new BookLevel(px("512.1"), 500, null)),
                List.of(new BookLevel(px("512.13"), 200, "NSDQ")))));
    p.put(
        "trade",
        Payloads.trade(new Trade(SPY, T0, px("512.12"), 100, "ARCA", Side.BUY), "k3x9q2m1-1f"));
    p.put(
        "bar",
        Payloads.bar(
            new Bar(
                SPY,
                Bar.FIVE_SECONDS,
                Instant.parse("2024-03-01T14:30:00Z"),
                px("512"),
                px("512.5"),
                px("511.9"),
                px("512.2"),
                1200)));
    p.put("calls", Payloads.contracts(chain.calls()));
    p.put("chain", Payloads.chain(chain));
    p.put("greeks", Payloads.greeks(call, T0));
    p.put("options-monitoring", Payloads.optionsMonitoring(chain));
    p.put("sentiment", Payloads.sentiment(feed));
    p.put("sentiment-monitoring", Payloads.sentimentMonitoring(feed));
    p.put(
        "technicals",
        Payloads.indicator(
            new IndicatorSeries(
                SPY,
                "MACD",
                "daily",
                List.of(new IndicatorPoint(Instant.parse("2024-03-01T00:00:00Z"), macd)))));
    p.put(
        "heartbeat",
        Payloads.heartbeat(
            new Heartbeat("ibkr_ingestion", T0, Map.of("connected", "true", "symbols", "3"))));
    p.put("metrics", Payloads.metrics(metrics));
    return p;
  }

  @Test
  void everyPayloadExampleInTheReadmeIsWhatTheSinkWrites() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher m = EXAMPLE.matcher(readme);
    while (m.find()) {
      documented.put(m.group(1), m.group(2).strip());
    }
    Map<String, byte[]> written = payloads();

    assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(written.keySet());
    written.forEach(
        (name, bytes) ->
            assertThat(documented.get(name))
                .as(name)
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
  }
}
