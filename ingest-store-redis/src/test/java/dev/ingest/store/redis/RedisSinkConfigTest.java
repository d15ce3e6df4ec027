package dev.ingest.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisSinkConfigTest {

  @Test
  void emptySettingsGiveTheDefaults() {
    RedisSinkConfig config = RedisSinkConfig.from(Settings.empty());

    assertThat(config).isEqualTo(RedisSinkConfig.defaults());
    assertThat(config.prefix()).isEmpty();
    assertThat(config.hashTags()).isFalse();
    assertThat(config.retry()).isEqualTo(RetrySettings.DEFAULT);
    assertThat(config.ttl(RedisSurface.MARKET_DATA)).isEqualTo(Duration.ofHours(1));
    assertThat(config.ttl(RedisSurface.ORDER_BOOK)).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.ttl(RedisSurface.BARS)).isEqualTo(Duration.ofHours(24));
    assertThat(config.ttl(RedisSurface.GREEKS)).isEqualTo(Duration.ofHours(1));
    assertThat(config.ttl(RedisSurface.HEARTBEAT)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void settingsChooseEachPart() {
    Settings settings =
        Settings.of(
            Map.of(
                "redis",
                Map.of(
                    "prefix", "prod:",
                    "cluster", "true",
                    "ttl", Map.of("order_book", "30", "greeks", "PT2M", "bars", "0"),
                    "retry_policy", Map.of("max_retries", "5", "base_delay", "0.1"),
                    "batch_size", "250",
                    "flush_timeout", "5")));

    RedisSinkConfig config = RedisSinkConfig.from(settings.section("redis"));

    assertThat(config.prefix()).isEqualTo("prod:");
    assertThat(config.hashTags()).as("cluster implies hash tags").isTrue();
    assertThat(config.ttl(RedisSurface.ORDER_BOOK)).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.ttl(RedisSurface.GREEKS)).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.ttl(RedisSurface.BARS)).as("0 = never expires").isZero();
    assertThat(config.ttl(RedisSurface.MARKET_DATA)).isEqualTo(Duration.ofHours(1));
    assertThat(config.retry().maxRetries()).isEqualTo(5);
    assertThat(config.retry().baseDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.batchSize()).isEqualTo(250);
    assertThat(config.flushTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void badValuesFailNamingTheFullKey() {
    Settings base = Settings.of(Map.of("redis", Map.of())).section("redis");

    assertThatThrownBy(() -> RedisSinkConfig.from(base.with("ttl.order_book", "-1")))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).key())
        .isEqualTo("redis.ttl.order_book");
    assertThatThrownBy(() -> RedisSinkConfig.from(base.with("batch_size", "0")))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).key())
        .isEqualTo("redis.batch_size");
    assertThatThrownBy(() -> RedisSinkConfig.from(base.with("prefix", "has space")))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).key())
        .isEqualTo("redis.prefix");
    assertThatThrownBy(() -> RedisSinkConfig.from(base.with("retry_policy.max_retries", "-2")))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).key())
        .isEqualTo("redis.retry_policy.max_retries");
  }

  @Test
  void aSubMillisecondTtlIsRefusedRatherThanTurnedIntoNoExpiry() {
    assertThatThrownBy(
            () ->
                RedisSinkConfig.defaults()
                    .withTtl(RedisSurface.ORDER_BOOK, Duration.ofNanos(500_000)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ttl.order_book");
  }
}
