package dev.ingest.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.HistoricalJob;
import dev.ingest.api.TimeRange;
import dev.ingest.api.error.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  static final String KEY = "db-live-9f8e7d6c5b4a";

  @Test
  void aSecretNeverPrintsItsValue() {
    Secret secret = Secret.fromEnv("DATABENTO_API_KEY", Map.of("DATABENTO_API_KEY", KEY));
    record ProviderConfig(String dataset, Secret key) {}

    assertThat(secret.reveal()).isEqualTo(KEY);
    assertThat(secret).hasToString("Secret[****]");
    assertThat(new ProviderConfig("GLBX.MDP3", secret).toString())
        .doesNotContain(KEY)
        .contains("****");
    assertThat(secret.hashCode()).isEqualTo(Secret.of("other").hashCode());
  }

  @Test
  void aMissingKeyVariableIsNamedAndNoValueIsShown() {
    Settings settings =
        Settings.of(Map.of("api", Map.of("key_env_var", "DATABENTO_API_KEY")))
            .withEnv(name -> null);

    assertThatThrownBy(() -> settings.section("api").secretFromEnv("key_env_var"))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("DATABENTO_API_KEY"))
        .hasMessage("environment variable DATABENTO_API_KEY is not set or is blank");
  }

  @Test
  void settingsListKeysButNeverValues() {
    Settings settings = Settings.of(Map.of("api", Map.of("key_env_var", "X", "note", KEY)));

    assertThat(settings.toString())
        .isEqualTo("Settings[api.key_env_var, api.note]")
        .doesNotContain(KEY);
  }

  @Test
  void seed004RetryPolicyIsRead() {
    Settings settings =
        Settings.of(
            Map.of(
                "retry_policy",
                Map.of(
                    "max_retries",
                    5,
                    "base_delay",
                    2.0,
                    "max_delay",
                    120.0,
                    "backoff_multiplier",
                    2.0)));

    RetrySettings retry = RetrySettings.from(settings.section("retry_policy"));

    assertThat(retry)
        .isEqualTo(new RetrySettings(5, Duration.ofSeconds(2), Duration.ofSeconds(120), 2.0));
    assertThat(retry.delayBefore(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(retry.delayBefore(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(retry.delayBefore(10)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void anAbsentRetryPolicyKeepsTheDefaults() {
    assertThat(RetrySettings.from(Settings.empty().section("retry_policy")))
        .isEqualTo(RetrySettings.DEFAULT);
  }

  @Test
  void badRetrySettingsNameTheirFullKey() {
    Settings negative = Settings.of(Map.of("retry_policy.max_retries", "-1"));
    Settings text = Settings.of(Map.of("retry_policy", Map.of("base_delay", "soon")));
    Settings shrinking = Settings.of(Map.of("retry_policy", Map.of("backoff_multiplier", 0.5)));

    assertThatThrownBy(() -> RetrySettings.from(negative.section("retry_policy")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("retry_policy.max_retries"));
    assertThatThrownBy(() -> RetrySettings.from(text.section("retry_policy")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("retry_policy.base_delay"));
    assertThatThrownBy(() -> RetrySettings.from(shrinking.section("retry_policy")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("retry_policy.backoff_multiplier"));
  }

  @Test
  void seed004JobConfigIsReadAndChunked() {
    Settings job =
        Settings.of(
            Map.of(
                "dataset",
                "GLBX.MDP3",
                "schema",
                "trades",
                "symbols",
                List.of("ES.c.0", "NQ.c.0"),
                "stype_in",
                "continuous",
                "start_date",
                "2024-01-01T00:00:00Z",
                "end_date",
                "2024-01-07T23:59:59Z",
                "date_chunk_interval_days",
                2));

    HistoricalJob parsed = HistoricalJob.fromSettings(job);

    assertThat(parsed.name()).isEqualTo("GLBX.MDP3/trades");
    assertThat(parsed.symbols()).containsExactly("ES.c.0", "NQ.c.0");
    assertThat(parsed.chunks(Duration.ofDays(30)))
        .extracting(TimeRange::start)
        .containsExactly(
            Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z"),
            Instant.parse("2024-01-05T00:00:00Z"), Instant.parse("2024-01-07T00:00:00Z"));
    assertThat(parsed.chunks(Duration.ofDays(30)).get(3).end())
        .isEqualTo(Instant.parse("2024-01-07T23:59:59Z"));
  }

  @Test
  void aJobWithoutAChunkIntervalUsesTheAdaptersDefaultForItsSchema() {
    HistoricalJob job =
        HistoricalJob.builder("GLBX.MDP3", "ohlcv-1d")
            .symbols("ES.c.0")
            .range(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"))
            .build();

    assertThat(job.chunks(Duration.ofDays(30))).hasSize(2);
  }

  @Test
  void aJobThatEndsBeforeItStartsNamesTheKey() {
    Settings job =
        Settings.of(
            Map.of(
                "dataset",
                "GLBX.MDP3",
                "schema",
                "trades",
                "symbols",
                "ES.c.0",
                "start_date",
                "2024-02-01",
                "end_date",
                "2024-01-01"));

    assertThatThrownBy(() -> HistoricalJob.fromSettings(job))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("end_date"))
        .hasMessageContaining("TimeRange.end: must be after start");
  }

  @Test
  void aMalformedDateNamesTheKey() {
    Settings job =
        Settings.of(
            Map.of(
                "dataset",
                "GLBX.MDP3",
                "schema",
                "trades",
                "symbols",
                "ES.c.0",
                "start_date",
                "yesterday",
                "end_date",
                "2024-01-01"));

    assertThatThrownBy(() -> HistoricalJob.fromSettings(job))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("start_date"));
  }
}
