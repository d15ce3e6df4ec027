package dev.ingest.store.redis;

import static dev.ingest.store.redis.Samples.SPY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.market.Bar;
import dev.ingest.api.model.Symbol;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The key catalogue of seed 002, as the README lists it. */
class RedisKeysTest {
  private static final Symbol CONTRACT = Symbol.of("SPY240315C00500000");

  @Test
  void withoutHashTagsTheKeysAreSeed002sNames() {
    RedisKeys keys = RedisKeys.of("", false);

    assertThat(keys.book(SPY, "ARCA")).isEqualTo("market:SPY:ARCA:book");
    assertThat(keys.book(SPY, null)).isEqualTo("market:SPY:book");
    assertThat(keys.ticker(SPY)).isEqualTo("market:SPY:ticker");
    assertThat(keys.last(SPY)).isEqualTo("market:SPY:last");
    assertThat(keys.trades(SPY)).isEqualTo("market:SPY:trades");
    assertThat(keys.bars(SPY, Bar.FIVE_SECONDS)).isEqualTo("market:SPY:bars:5s");
    assertThat(keys.bars(SPY, Bar.ONE_MINUTE)).isEqualTo("market:SPY:bars:1min");
    assertThat(keys.optionCalls(SPY)).isEqualTo("options:SPY:calls");
    assertThat(keys.optionPuts(SPY)).isEqualTo("options:SPY:puts");
    assertThat(keys.optionChain(SPY)).isEqualTo("options:SPY:chain");
    assertThat(keys.greeks(SPY, CONTRACT)).isEqualTo("options:SPY:SPY240315C00500000:greeks");
    assertThat(keys.sentiment(SPY)).isEqualTo("sentiment:SPY");
    assertThat(keys.technicals(SPY, "RSI")).isEqualTo("technicals:SPY:RSI");
    assertThat(keys.optionsMonitoring(SPY)).isEqualTo("monitoring:options:SPY");
    assertThat(keys.sentimentMonitoring(SPY)).isEqualTo("monitoring:sentiment:SPY");
    assertThat(keys.metrics("ibkr")).isEqualTo("monitoring:ibkr:metrics");
    assertThat(keys.metrics("alpha_vantage")).isEqualTo("monitoring:alpha_vantage:metrics");
    assertThat(keys.heartbeat("ibkr_ingestion")).isEqualTo("heartbeat:ibkr_ingestion");
    assertThat(keys.stale()).isEqualTo("monitoring:data:stale");
    assertThat(keys.connected("ibkr")).isEqualTo("ibkr:connected");
    assertThat(keys.optionsChannel()).isEqualTo("options:chain:updated");
    assertThat(keys.sentimentChannel()).isEqualTo("sentiment:updated");
  }

  @Test
  void clusterModeTagsTheSymbolAndThePrefixComesFirst() {
    RedisKeys keys = RedisKeys.of("prod:", true);

    assertThat(keys.book(SPY, null)).isEqualTo("prod:market:{SPY}:book");
    assertThat(keys.book(SPY, "ARCA")).isEqualTo("prod:market:{SPY}:ARCA:book");
    assertThat(keys.greeks(SPY, CONTRACT))
        .isEqualTo("prod:options:{SPY}:SPY240315C00500000:greeks");
    assertThat(keys.sentiment(SPY)).isEqualTo("prod:sentiment:{SPY}");
    assertThat(keys.optionsMonitoring(SPY)).isEqualTo("prod:monitoring:options:{SPY}");
    assertThat(keys.stale()).isEqualTo("prod:monitoring:data:stale");
    assertThat(keys.heartbeat("alpha_vantage")).isEqualTo("prod:heartbeat:alpha_vantage");
  }

  @Test
  void namesThatWouldBreakAKeyAreRefusedNamingTheField() {
    RedisKeys keys = RedisKeys.of("", false);

    for (String exchange : new String[] {"NY SE", "AR*CA", "A:B", "{X}", "", "ARCA?"}) {
      assertThatThrownBy(() -> keys.book(SPY, exchange))
          .as(exchange)
          .isInstanceOf(DataValidationException.class)
          .hasMessageContaining("OrderBook.exchange");
    }
    assertThatThrownBy(() -> keys.technicals(SPY, "rsi:x"))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("IndicatorSeries.indicator");
    assertThatThrownBy(() -> keys.heartbeat("IBKR *"))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("Heartbeat.component");
    assertThatThrownBy(() -> keys.connected("ibkr:x")).isInstanceOf(DataValidationException.class);
    assertThatThrownBy(() -> keys.metrics("a b")).isInstanceOf(DataValidationException.class);
  }

  @Test
  void aPrefixWithBracesOrSpacesIsAConfigurationError() {
    for (String prefix : new String[] {"{prod}:", "my prefix", "p*", "x".repeat(65)}) {
      assertThatThrownBy(() -> RedisKeys.of(prefix, true))
          .isInstanceOf(ConfigurationException.class)
          .extracting(e -> ((ConfigurationException) e).key())
          .isEqualTo("prefix");
    }
  }

  @Test
  void timeframesNameTheLargestWholeUnit() {
    assertThat(RedisKeys.timeframe(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(RedisKeys.timeframe(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(RedisKeys.timeframe(Duration.ofMinutes(15))).isEqualTo("15min");
    assertThat(RedisKeys.timeframe(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(RedisKeys.timeframe(Duration.ofDays(1))).isEqualTo("1d");
    assertThat(RedisKeys.timeframe(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(RedisKeys.timeframe(Duration.ofNanos(500_000))).isEqualTo("500000ns");
  }
}
