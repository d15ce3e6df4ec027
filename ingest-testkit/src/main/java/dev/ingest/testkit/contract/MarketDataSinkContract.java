package dev.ingest.testkit.contract;

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
import dev.ingest.api.market.Prices;
import dev.ingest.api.market.SentimentArticle;
import dev.ingest.api.market.SentimentFeed;
import dev.ingest.api.market.Ticker;
import dev.ingest.api.market.TickerSentiment;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.MarketDataSink;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's market-data surfaces, for any {@link MarketDataSink}. Extend it and return a fresh
 * sink (its own key prefix, say) from {@link #createSink()}; it is closed after each test.
 *
 * @since 0.1
 */
public abstract class MarketDataSinkContract {
  protected static final Symbol SPY = Symbol.of("SPY");
  protected static final Instant T0 = Instant.parse("2024-03-01T14:30:00.123456789Z");

  protected MarketDataSink sink;

  protected abstract MarketDataSink createSink();

  @BeforeEach
  void openSink() {
    sink = createSink();
  }

  @AfterEach
  void closeSink() {
    sink.close();
  }

  protected static long px(String price) {
    return Prices.fromDecimal(new BigDecimal(price), "price");
  }

  protected static OrderBook book(String exchange, String bestBid, String bestAsk) {
    return new OrderBook(
        SPY,
        exchange,
        T0,
        List.of(
            new BookLevel(px(bestBid), 300, "ARCA"),
            new BookLevel(px(bestBid) - px("0.01"), 500, null)),
        List.of(new BookLevel(px(bestAsk), 200, "NSDQ")));
  }

  protected static Trade trade(int i) {
    return new Trade(SPY, T0.plusMillis(i), px("512.10") + i, 100 + i, "ARCA", Side.BUY);
  }

  @Test
  void aVenueBookAndTheAggregatedBookAreStoredApart() {
    sink.writeBook(book("ARCA", "512.10", "512.12"));
    sink.writeBook(book(null, "512.11", "512.12"));
    sink.flush();

    assertThat(sink.book(SPY, "ARCA")).contains(book("ARCA", "512.10", "512.12"));
    assertThat(sink.book(SPY, null)).contains(book(null, "512.11", "512.12"));
    assertThat(sink.book(SPY, "IEX")).isEmpty();
  }

  @Test
  void theTickerKeepsExactFixedPointPrices() {
    Ticker ticker = new Ticker(SPY, T0, px("512.11"), 300, px("512.13"), 200, px("512.12"), 100);

    sink.writeTicker(ticker);
    sink.flush();

    assertThat(sink.ticker(SPY)).contains(ticker);
  }

  @Test
  void aTickerWithAnEmptySideRoundTrips() {
    Ticker oneSided =
        new Ticker(SPY, T0, Prices.UNDEFINED, 0, px("512.13"), 200, Prices.UNDEFINED, 0);

    sink.writeTicker(oneSided);
    sink.flush();

    assertThat(sink.ticker(SPY)).contains(oneSided);
  }

  @Test
  void tradesAreNewestFirstAndTheLastTradeFollows() {
    for (int i = 0; i < 5; i++) {
      sink.writeTrade(trade(i));
    }
    sink.flush();

    assertThat(sink.recentTrades(SPY, 3)).containsExactly(trade(4), trade(3), trade(2));
    assertThat(sink.lastTrade(SPY)).contains(trade(4));
  }

  @Test
  void theTradeListIsCappedAtOneThousandUnderConcurrentWriters() throws Exception {
    int writers = 4;
    int perWriter = 400;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int base = w * perWriter;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perWriter; i++) {
                    sink.writeTrade(trade(base + i));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      sink.flush();

      assertThat(sink.recentTrades(SPY, 5000)).hasSize(1000).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void barsAreFiledByInterval() {
    Bar fiveSeconds =
        new Bar(SPY, Bar.FIVE_SECONDS, T0, px("512"), px("512.5"), px("511.9"), px("512.2"), 1200);
    Bar minute =
        new Bar(SPY, Bar.ONE_MINUTE, T0, px("512"), px("513"), px("511"), px("512.5"), 90_000);
    Bar nextFive =
        new Bar(
            SPY,
            Bar.FIVE_SECONDS,
            T0.plusSeconds(5),
            px("512.2"),
            px("512.3"),
            px("512.1"),
            px("512.1"),
            800);

    sink.writeBar(fiveSeconds);
    sink.writeBar(minute);
    sink.writeBar(nextFive);
    sink.flush();

    assertThat(sink.recentBars(SPY, Bar.FIVE_SECONDS, 10)).containsExactly(nextFive, fiveSeconds);
    assertThat(sink.recentBars(SPY, Bar.ONE_MINUTE, 10)).containsExactly(minute);
    assertThat(sink.recentBars(SPY, Duration.ofHours(1), 10)).isEmpty();
  }

  protected static OptionChain chain(Symbol underlying, int contracts) {
    List<OptionContract> list = new ArrayList<>();
    for (int i = 0; i < contracts; i++) {
      OptionRight right = i % 2 == 0 ? OptionRight.CALL : OptionRight.PUT;
      BigDecimal strike = new BigDecimal(500 + i);
      String occ =
          underlying.value()
              + "240315"
              + (right == OptionRight.CALL ? "C" : "P")
              + String.format("%08d", strike.movePointRight(3).intValueExact());
      list.add(
          new OptionContract(
              Symbol.of(occ),
              underlying,
              LocalDate.of(2024, 3, 15),
              strike,
              right,
              new BigDecimal("1.25"),
              new BigDecimal("1.3"),
              new BigDecimal("1.27"),
              new BigDecimal("1.275"),
              1500L + i,
              12000L,
              new BigDecimal("0.1834"),
              i == contracts - 1
                  ? new Greeks(null, null, null, null, null)
                  : new Greeks(
                      new BigDecimal("0.52"),
                      new BigDecimal("0.031"),
                      new BigDecimal("-0.41"),
                      new BigDecimal("0.22"),
                      new BigDecimal("0.05"))));
    }
    return new OptionChain(underlying, T0, list);
  }

  @Test
  void anOptionChainReplacesTheLastAndCarriesGreeks() {
    sink.writeOptionChain(chain(SPY, 6));
    OptionChain replacement = chain(SPY, 4);

    sink.writeOptionChain(replacement);
    sink.flush();

    OptionChain stored = sink.optionChain(SPY).orElseThrow();
    assertThat(stored.contracts()).containsExactlyInAnyOrderElementsOf(replacement.contracts());
    assertThat(stored.calls()).hasSize(2);
    assertThat(stored.puts()).hasSize(2);
    OptionContract first = replacement.contracts().get(0);
    assertThat(sink.greeks(SPY, first.contractId())).contains(first.greeks());
    OptionContract noGreeks = replacement.contracts().get(3);
    assertThat(sink.greeks(SPY, noGreeks.contractId())).isEmpty();
  }

  @Test
  void anEmptyChainClearsTheStoredOne() {
    sink.writeOptionChain(chain(SPY, 4));

    sink.writeOptionChain(new OptionChain(SPY, T0.plusSeconds(10), List.of()));
    sink.flush();

    assertThat(sink.optionChain(SPY)).isEmpty();
    assertThat(sink.greeks(SPY, chain(SPY, 4).contracts().get(0).contractId())).isEmpty();
  }

  @Test
  void sentimentAndIndicatorsRoundTrip() {
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
    IndicatorSeries series =
        new IndicatorSeries(SPY, "MACD", "daily", List.of(new IndicatorPoint(T0, macd)));

    sink.writeSentiment(feed);
    sink.writeIndicator(series);
    sink.flush();

    assertThat(sink.sentiment(SPY)).contains(feed);
    assertThat(sink.indicator(SPY, "MACD")).contains(series);
    assertThat(sink.indicator(SPY, "RSI")).isEmpty();
  }

  @Test
  void aHeartbeatIsRefreshedByTheNextOne() {
    sink.writeHeartbeat(new Heartbeat("ibkr_ingestion", T0, Map.of("connected", "true")));

    Heartbeat later =
        new Heartbeat("ibkr_ingestion", T0.plusSeconds(10), Map.of("connected", "false"));
    sink.writeHeartbeat(later);
    sink.flush();

    assertThat(sink.heartbeat("ibkr_ingestion")).contains(later);
    assertThat(sink.heartbeat("alpha_vantage")).isEmpty();
  }

  @Test
  void staleSymbolsAreMarkedAndCleared() {
    Symbol qqq = Symbol.of("QQQ");
    sink.markStale(SPY, T0);
    sink.markStale(qqq, T0.plusSeconds(1));

    sink.clearStale(SPY);
    sink.flush();

    assertThat(sink.staleSymbols()).containsExactly(Map.entry(qqq, T0.plusSeconds(1)));
  }

  @Test
  void theConnectionFlagFollowsTheLastWrite() {
    assertThat(sink.isConnected("ibkr")).isFalse();
    sink.setConnected("ibkr", true);
    sink.flush();
    assertThat(sink.isConnected("ibkr")).isTrue();

    sink.setConnected("ibkr", false);
    sink.flush();
    assertThat(sink.isConnected("ibkr")).isFalse();
  }

  @Test
  void metricsNeverCarryNanOrInfinity() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("depth_updates", 1234L);
    metrics.put("max_lag_ms", 12.5);
    metrics.put("bad_ratio", Double.NaN);
    metrics.put("worse", Double.POSITIVE_INFINITY);
    metrics.put("connected", true);

    sink.writeMetrics("ibkr", metrics);
    sink.flush();

    assertThat(sink.metrics("ibkr"))
        .containsOnly(
            Map.entry("depth_updates", "1234"),
            Map.entry("max_lag_ms", "12.5"),
            Map.entry("connected", "true"));
  }
}
