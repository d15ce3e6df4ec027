package dev.ingest.alpaca;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ingest.alpaca.testing.RecordingListener;
import dev.ingest.alpaca.testing.TestClock;
import dev.ingest.api.BrokerApi;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.model.Execution;
import dev.ingest.api.spi.Providers;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.sync.AccountSync;
import dev.ingest.api.sync.ExecutionsSync;
import dev.ingest.testkit.InMemoryBrokerRecordStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlpacaBrokerApiTest {
  @RegisterExtension
  static WireMockExtension alpaca =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestClock clock = new TestClock(Instant.parse("2020-06-03T14:00:00Z"));

  @Test
  void theProviderIsFoundByNameAndReadsItsSettings() {
    // Given settings naming the environment variables that hold the keys
    AlpacaStubs.serveRecordedAccount(alpaca);
    Settings settings =
        Settings.of(
                Map.of(
                    "account", "PA2XNN7L2QU0",
                    "rest_url", alpaca.baseUrl(),
                    "key_id_env_var", "PAPER_KEY_ID",
                    "secret_key_env_var", "PAPER_SECRET"))
            .withEnv(Map.of("PAPER_KEY_ID", "PKTESTKEYID0001", "PAPER_SECRET", "s3cr3t")::get);

    // When the composition root asks for "alpaca"
    try (BrokerApi broker = Providers.broker("alpaca").open(settings)) {
      // Then it reaches the configured host with the keys from the environment
      assertThat(broker).isInstanceOf(AlpacaBrokerApi.class);
      assertThat(broker.fetchPositions()).hasSize(3);
      assertThat(broker.toString()).doesNotContain("s3cr3t").doesNotContain("PKTESTKEYID0001");
    }
    assertThat(AlpacaConfig.from(settings).streamUrl().toString())
        .isEqualTo(alpaca.baseUrl().replace("http", "ws") + "/stream");
  }

  @Test
  void missingKeysAreAConfigurationErrorNamingTheVariable() {
    Settings settings =
        Settings.of(Map.of("account", "PA2XNN7L2QU0")).withEnv(Map.<String, String>of()::get);

    assertThatThrownBy(() -> AlpacaConfig.from(settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("APCA_API_KEY_ID");
  }

  @Test
  void theRecordedAccountSyncsIntoABrokerRecordStore() {
    // Given the recorded paper account behind WireMock
    AlpacaStubs.serveRecordedAccount(alpaca);
    BrokerRecordStore store = new InMemoryBrokerRecordStore();

    try (BrokerApi broker =
        AlpacaBrokerApi.open(AlpacaStubs.config(alpaca), null, clock, new RecordingListener())) {
      // When seed 000's syncs run twice
      var first = AccountSync.sync(broker, broker.account(), store);
      var second = AccountSync.sync(broker, broker.account(), store);

      // Then the eight recorded fills are stored once and a re-sync changes no execution
      assertThat(first.executions().created()).isEqualTo(8);
      assertThat(first.positions().created()).isEqualTo(3);
      assertThat(first.orders().created()).isEqualTo(1);
      assertThat(second.executions().unchanged()).isEqualTo(8);
      assertThat(second.orders().unchanged()).isEqualTo(1);
      assertThat(ExecutionsSync.sync(broker, broker.account(), store).created()).isZero();
    }
  }

  @Test
  void executionsSinceAskAlpacaForLessAndKeepOnlyTheRequestedOnes() {
    AlpacaStubs.serveRecordedAccount(alpaca);
    Instant since = Instant.parse("2020-06-03T00:00:00Z");

    try (BrokerApi broker =
        AlpacaBrokerApi.open(AlpacaStubs.config(alpaca), null, clock, new RecordingListener())) {
      List<Execution> executions = broker.fetchExecutions(since);

      assertThat(executions).hasSize(3).allSatisfy(e -> assertThat(e.executedAt()).isAfter(since));
    }
    alpaca.verify(
        getRequestedFor(urlPathEqualTo("/v2/account/activities/FILL"))
            .withQueryParam(
                "after",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("2020-06-02T23:59:59Z")));
  }

  @Test
  void keysOfAnotherAccountAreRefused() {
    AlpacaStubs.serveRecordedAccount(alpaca);
    alpaca.stubFor(
        get("/v2/account")
            .willReturn(
                okJson(
                    AlpacaStubs.fixture("account.json").replace("PA2XNN7L2QU0", "PA9OTHER0000"))));

    try (BrokerApi broker =
        AlpacaBrokerApi.open(AlpacaStubs.config(alpaca), null, clock, new RecordingListener())) {
      assertThatThrownBy(broker::fetchAccountSnapshots)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("PA9OTHER0000");
    }
  }
}
