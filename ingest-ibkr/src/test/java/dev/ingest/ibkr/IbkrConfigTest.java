package dev.ingest.ibkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.spi.Providers;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IbkrConfigTest {

  @Test
  void settingsAreReadWithTheirDefaults() {
    // Given
    Settings settings =
        Settings.of(
            Map.of(
                "host", "10.0.0.5",
                "port", "7497",
                "client_id", "7",
                "account", "DU1234567",
                "request_timeout", "12.5",
                "tws_time_zone", "US/Eastern",
                "retry_policy", Map.of("max_retries", "1")));

    // When
    IbkrConfig config = IbkrConfig.from(settings);

    // Then
    assertThat(config.host()).isEqualTo("10.0.0.5");
    assertThat(config.port()).isEqualTo(7497);
    assertThat(config.clientId()).isEqualTo(7);
    assertThat(config.account()).isEqualTo(AccountId.of("DU1234567"));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(12_500));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.twsTimeZone()).isEqualTo(ZoneId.of("US/Eastern"));
    assertThat(config.accountSummaryGroup()).isEqualTo("All");
    assertThat(config.retry().maxRetries()).isEqualTo(1);
  }

  @Test
  void emptySettingsMeanALocalGatewayOnThePaperPort() {
    IbkrConfig config = IbkrConfig.from(Settings.empty());
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(4002);
    assertThat(config.account()).isNull();
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> IbkrConfig.from(Settings.of(Map.of("port", "70000"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("port"));
    assertThatThrownBy(() -> IbkrConfig.from(Settings.of(Map.of("port", "four"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("port"));
    assertThatThrownBy(() -> IbkrConfig.from(Settings.of(Map.of("tws_time_zone", "Mars/Base"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("tws_time_zone"));
    assertThatThrownBy(() -> IbkrConfig.from(Settings.of(Map.of("request_timeout", "0"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("request_timeout"));
    assertThatThrownBy(() -> IbkrConfig.from(Settings.of(Map.of("account", "DU 1"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("account"));
  }

  @Test
  void theProviderIsFoundByNameThroughServiceLoader() {
    assertThat(Providers.broker("ibkr")).isInstanceOf(IbkrBrokerProvider.class);
    assertThat(Providers.brokerNames()).contains("ibkr");
  }
}
