package dev.ingest.alpaca;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ingest.alpaca.testing.TestClock;
import dev.ingest.api.BrokerApi;
import dev.ingest.api.IngestListener;
import dev.ingest.testkit.contract.BrokerApiContract;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AlpacaBrokerApi keeps the promises of every broker, against the recorded paper account. */
class AlpacaBrokerApiContractTest extends BrokerApiContract {
  @RegisterExtension
  static WireMockExtension alpaca =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Override
  protected BrokerApi openBroker() {
    AlpacaStubs.serveRecordedAccount(alpaca);
    return AlpacaBrokerApi.open(
        AlpacaStubs.config(alpaca),
        null,
        new TestClock(Instant.parse("2020-06-03T14:00:00Z")),
        IngestListener.NOOP);
  }
}
