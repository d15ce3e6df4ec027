package dev.ingest.alpaca;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.config.Secret;
import dev.ingest.api.model.AccountId;
import dev.ingest.testkit.Fixtures;
import java.net.URI;
import java.time.Duration;

/** WireMock serving the recorded Alpaca responses of one paper account. */
final class AlpacaStubs {
  static final AccountId ACCOUNT = AccountId.of("PA2XNN7L2QU0");

  private AlpacaStubs() {}

  static String fixture(String name) {
    return Fixtures.text("dev/ingest/alpaca/" + name);
  }

  static void serveRecordedAccount(WireMockExtension alpaca) {
    alpaca.stubFor(get("/v2/account").willReturn(okJson(fixture("account.json"))));
    alpaca.stubFor(get("/v2/positions").willReturn(okJson(fixture("positions_list.json"))));
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/orders"))
            .willReturn(okJson(fixture("orders_list_status_all.json"))));
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/account/activities/FILL"))
            .willReturn(okJson(fixture("activities_fill_list_2020-06.json"))));
    alpaca.stubFor(get(urlPathEqualTo("/v2/account/activities")).willReturn(okJson("[]")));
  }

  static AlpacaConfig config(WireMockExtension alpaca) {
    return new AlpacaConfig(
        ACCOUNT,
        URI.create(alpaca.baseUrl()),
        URI.create(alpaca.baseUrl().replace("http", "ws") + "/stream"),
        Secret.of("PKTESTKEYID0001"),
        Secret.of("s3cr3t-never-printed"),
        new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(2), 2.0),
        Duration.ofSeconds(5));
  }
}
