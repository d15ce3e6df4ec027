package dev.ingest.store.redis;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Records for the store tests, one of each surface. */
public final class Samples {
  public static final Symbol SPY = Symbol.of("SPY");
  public static final Instant T0 = Instant.parse("2024-03-01T14:30:00.123456789Z");

  private Samples() {}

  public static long px(String price) {
    return Prices.fromDecimal(new BigDecimal(price), "price");
  }

  public static Ticker ticker(Symbol symbol) {
    return new Ticker(symbol, T0, px("512.11"), 300, px("512.13"), 200, px("512.12"), 100);
  }

  public static OrderBook book(Symbol symbol, String exchange) {
    return new OrderBook(
        symbol,
        exchange,
        T0,
        List.of(new BookLevel(px("512.11"), 300, "ARCA"), new BookLevel(px("512.1"), 500, null)),
        List.of(new BookLevel(px("512.13"), 200, "NSDQ")));
  }

  public static Trade trade(Symbol symbol, int i) {
    return new Trade(symbol, T0.plusMillis(i), px("512.12") + i, 100, "ARCA", Side.BUY);
  }

  public static Bar bar(Symbol symbol) {
    return new Bar(
        symbol, Bar.FIVE_SECONDS, T0, px("512"), px("512.5"), px("511.9"), px("512.2"), 1200);
  }

  public static OptionContract contract(
      Symbol underlying, String occ, OptionRight right, boolean greeks) {
    return new OptionContract(
        Symbol.of(occ),
        underlying,
        LocalDate.of(2024, 3, 15),
        new BigDecimal("500"),
        right,
        new BigDecimal("1.25"),
        new BigDecimal("1.30"),
        null,
        new BigDecimal("1.275"),
        1500L,
        null,
        new BigDecimal("0.1834"),
        greeks
            ? new Greeks(new BigDecimal("0.52"), null, new BigDecimal("-0.41"), null, null)
            : new Greeks(null, null, null, null, null));
  }

  public static OptionChain chain(Symbol underlying) {
    return new OptionChain(
        underlying,
        T0,
        List.of(
            contract(underlying, underlying + "240315C00500000", OptionRight.CALL, true),
            contract(underlying, underlying + "240315P00500000", OptionRight.PUT, false)));
  }

  public static SentimentFeed sentiment(Symbol symbol) {
    return new SentimentFeed(
        symbol,
        T0,
        List.of(
            new SentimentArticle(
                "Markets \"rally\"",
                "https://example.com/a",
                T0.minusSeconds(3600),
                "Reuters",
                null,
                List.of("A. Writer", "B. Ü"),
                new BigDecimal("0.2"),
                "Somewhat-Bullish",
                List.of(
                    new TickerSentiment(
                        symbol.value(), new BigDecimal("0.6"), new BigDecimal("0.3"), "Bullish"))),
            new SentimentArticle(
                "Second",
                "https://example.com/b",
                T0.minusSeconds(60),
                "Benzinga",
                "Summary.",
                List.of(),
                new BigDecimal("0.1"),
                "Neutral",
                List.of())));
  }

  public static IndicatorSeries rsi(Symbol symbol) {
    return new IndicatorSeries(
        symbol,
        "RSI",
        "daily",
        List.of(
            new IndicatorPoint(T0, Map.of("RSI", new BigDecimal("61.2345"))),
            new IndicatorPoint(T0.minusSeconds(86_400), Map.of("RSI", new BigDecimal("58")))));
  }

  public static Heartbeat heartbeat(String component) {
    return new Heartbeat(component, T0, Map.of("connected", "true", "symbols", "3"));
  }
}
