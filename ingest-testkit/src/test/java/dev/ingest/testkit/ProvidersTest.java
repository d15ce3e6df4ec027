package dev.ingest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.spi.Providers;
import dev.ingest.api.spi.Store;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testkit's providers are found through ServiceLoader by name and by URL. */
class ProvidersTest {

  @Test
  void theFakeBrokerIsFoundByName() {
    assertThat(Providers.broker("fake")).isInstanceOf(FakeBrokerProvider.class);
    assertThat(Providers.brokerNames()).contains("fake");
  }

  @Test
  void anUnknownBrokerNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Providers.broker("fakee"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("unknown broker 'fakee'; known: ")
        .hasMessageContaining("fake");
  }

  @Test
  void theFakeBrokerOpensFromAFixtureNamedInSettings() {
    Settings settings =
        Settings.of(
            Map.of("account", "U1234567", "fixture", "dev/ingest/testkit/broker-account.json"));
    try (BrokerApi broker = Providers.broker("fake").open(settings)) {
      assertThat(broker.fetchOpenOrders()).hasSize(1);
    }
  }

  @Test
  void aFixtureForAnotherAccountIsRefused() {
    Settings settings =
        Settings.of(Map.of("account", "DU1", "fixture", "dev/ingest/testkit/broker-account.json"));

    assertThatThrownBy(() -> Providers.broker("fake").open(settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("is for account U1234567, not DU1");
  }

  @Test
  void theMemoryStoreIsChosenByItsUrl() {
    try (Store store =
        Providers.store(URI.create("mem:test")).open(URI.create("mem:test"), Settings.empty())) {
      assertThat(store.brokerRecords()).isPresent();
      assertThat(store.instruments()).isPresent();
      assertThat(store.marketData()).isPresent();
    }
  }

  @Test
  void aUrlNoStoreAcceptsIsRefusedNamingTheKnownStores() {
    assertThatThrownBy(() -> Providers.store(URI.create("mongodb://localhost")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no store accepts 'mongodb:' URLs")
        .hasMessageContaining("memory");
  }
}
