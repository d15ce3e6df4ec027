package dev.ingest.alpaca.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ingest.alpaca.AlpacaConfig;
import dev.ingest.alpaca.testing.RecordingListener;
import dev.ingest.alpaca.testing.TestClock;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.config.Secret;
import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.error.RateLimitedException;
import dev.ingest.api.model.AccountId;
import dev.ingest.testkit.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlpacaRestClientTest {
  @RegisterExtension
  static WireMockExtension alpaca =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY_ID = "PKTESTKEYID0001";
  private static final String SECRET = "s3cr3t-never-printed";
  private static final Instant NOW = Instant.parse("2024-03-01T15:00:00Z");

  private final RecordingListener listener = new RecordingListener();
  private final TestClock clock = new TestClock(NOW);
  private OkHttpClient http;

  @BeforeEach
  void openHttp() {
    http = HttpClients.forCalls(null, Duration.ofSeconds(5));
  }

  @AfterEach
  void releaseHttp() {
    HttpClients.release(http);
  }

  private AlpacaConfig config(RetrySettings retry) {
    return new AlpacaConfig(
        AccountId.of("PA2XNN7L2QU0"),
        URI.create(alpaca.baseUrl()),
        URI.create(alpaca.baseUrl().replace("http", "ws") + "/stream"),
        Secret.of(KEY_ID),
        Secret.of(SECRET),
        retry,
        Duration.ofSeconds(5));
  }

  private AlpacaRestClient client() {
    return client(new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(5), 2.0), 500, 100);
  }

  private AlpacaRestClient client(RetrySettings retry, int orderLimit, int pageSize) {
    return new AlpacaRestClient(http, config(retry), clock, listener, orderLimit, pageSize);
  }

  private static String fixture(String name) {
    return Fixtures.text("dev/ingest/alpaca/" + name);
  }

  @Test
  void everyRequestCarriesBothKeyHeaders() {
    alpaca.stubFor(get("/v2/account").willReturn(okJson(fixture("account.json"))));

    client().account();

    alpaca.verify(
        getRequestedFor(urlPathEqualTo("/v2/account"))
            .withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
            .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET)));
  }

  @Test
  void activitiesFollowThePageTokenUntilAnEmptyPage() {
    // Given alpaca-py's recorded two pages of four rows and the empty page that ends them
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/account/activities"))
            .withQueryParam("page_token", absent())
            .willReturn(okJson(fixture("activities_broker_page1_mixed.json"))));
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/account/activities"))
            .withQueryParam(
                "page_token", equalTo("20220419000000000::f77b60bf-ea39-4551-a3d6-000548e6f11c"))
            .willReturn(okJson(fixture("activities_broker_page2_csd.json"))));
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/account/activities"))
            .withQueryParam(
                "page_token", equalTo("20220419000000000::e96b84c0-15b8-4821-9c78-cce1d836ff5b"))
            .willReturn(okJson("[]")));

    List<WireActivity> all =
        client(RetrySettings.NONE, 500, 4).activities(null, null, NOW.minusSeconds(600));

    assertThat(all).hasSize(8);
    assertThat(all.get(2).id())
        .isEqualTo("20220304095318500::092cd749-b783-49cb-a36e-4d8666be201f");
    List<LoggedRequest> requests =
        alpaca.findAll(getRequestedFor(urlPathEqualTo("/v2/account/activities")));
    assertThat(requests).hasSize(3);
    assertThat(requests.get(0).queryParameter("direction").firstValue()).isEqualTo("asc");
    assertThat(requests.get(0).queryParameter("page_size").firstValue()).isEqualTo("4");
    assertThat(requests.get(0).queryParameter("after").firstValue())
        .isEqualTo("2024-03-01T14:50:00Z");
  }

  @Test
  void ordersArePagedBySubmissionTimeOverlappingByAMicrosecond() {
    String a = order("a", "2024-03-01T14:00:00.000001Z");
    String b = order("b", "2024-03-01T14:00:00.000002Z");
    String c = order("c", "2024-03-01T14:00:00.000003Z");
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/orders"))
            .withQueryParam("after", absent())
            .willReturn(okJson("[" + a + "," + b + "]")));
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/orders"))
            .withQueryParam("after", equalTo("2024-03-01T14:00:00.000001Z"))
            .willReturn(okJson("[" + b + "," + c + "]")));
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/orders"))
            .withQueryParam("after", equalTo("2024-03-01T14:00:00.000002Z"))
            .willReturn(okJson("[" + c + "]")));

    List<WireOrder> orders = client(RetrySettings.NONE, 2, 100).orders("all", null);

    // each page starts a microsecond before the last one's newest order ("after" is exclusive);
    // the repeated order is kept once and the short third page ends the walk
    assertThat(orders).extracting(WireOrder::id).containsExactly("a", "b", "c");
    alpaca.verify(
        3, getRequestedFor(urlPathEqualTo("/v2/orders")).withQueryParam("limit", equalTo("2")));
  }

  @Test
  void aPageFullOfOneMicrosecondStopsTheWalkInsteadOfLooping() {
    String a = order("a", "2024-03-01T14:00:00.000001Z");
    String b = order("b", "2024-03-01T14:00:00.000001Z");
    alpaca.stubFor(get(urlPathEqualTo("/v2/orders")).willReturn(okJson("[" + a + "," + b + "]")));

    List<WireOrder> orders = client(RetrySettings.NONE, 2, 100).orders("all", null);

    assertThat(orders).extracting(WireOrder::id).containsExactly("a", "b");
    alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v2/orders")));
  }

  @Test
  void a429IsRetriedNoSoonerThanItsRetryAfter() {
    alpaca.stubFor(
        get("/v2/positions")
            .inScenario("storm")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{}"))
            .willSetStateTo("calm"));
    alpaca.stubFor(
        get("/v2/positions")
            .inScenario("storm")
            .whenScenarioStateIs("calm")
            .willReturn(okJson(fixture("positions_list.json"))));

    List<Json.Element> positions = client().positions();

    assertThat(positions).hasSize(3);
    assertThat(listener.retries)
        .singleElement()
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
    List<LoggedRequest> requests = alpaca.findAll(getRequestedFor(urlPathEqualTo("/v2/positions")));
    assertThat(requests).hasSize(2);
    // a lower bound only: a sleep never ends early, so this cannot flake
    assertThat(
            Duration.between(
                requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(990));
  }

  @Test
  void a429StormEndsWithARateLimitedErrorAfterThePolicyNotAnEndlessLoop() {
    // reset one second after our clock's now; Retry-After absent
    alpaca.stubFor(
        get("/v2/account")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 1))
                    .withBody("{\"code\":42910000,\"message\":\"rate limit exceeded\"}")));

    AlpacaRestClient client =
        client(new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(5), 2.0), 500, 100);

    assertThatThrownBy(client::account)
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
              assertThat(e.getMessage()).contains("status=429").contains("rate limit exceeded");
            });
    alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v2/account")));
  }

  @Test
  void a5xxIsRetriedAndTheNextAnswerUsed() {
    alpaca.stubFor(
        get("/v2/account")
            .inScenario("blip")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withBody("upstream unavailable"))
            .willSetStateTo("up"));
    alpaca.stubFor(
        get("/v2/account")
            .inScenario("blip")
            .whenScenarioStateIs("up")
            .willReturn(okJson(fixture("account.json"))));

    assertThat(client().account().get("cash").asText()).isEqualTo("100000");
    alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v2/account")));
  }

  @Test
  void aTruncatedBodyIsFetchedAgain() {
    String body = fixture("activities_fill_list_2020-06.json");
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/account/activities/FILL"))
            .inScenario("cut")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(body.substring(0, body.length() / 2)))
            .willSetStateTo("whole"));
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/account/activities/FILL"))
            .inScenario("cut")
            .whenScenarioStateIs("whole")
            .willReturn(okJson(body)));

    assertThat(client().activities("FILL", null, null)).hasSize(8);
    assertThat(listener.retries)
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("malformed response body"));
  }

  @Test
  void anExpiredKeyIsOneClearErrorAndNoRetry() {
    alpaca.stubFor(
        get("/v2/account")
            .willReturn(
                aResponse().withStatus(401).withBody(fixture("error_401_unauthorized.json"))));

    assertThatThrownBy(() -> client().account())
        .isInstanceOfSatisfying(
            ProviderRejectedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.code()).isEqualTo("40110000");
              assertThat(e.providerMessage())
                  .isEqualTo("access key verification failed : verification failure");
              assertThat(e.getMessage())
                  .contains("account=PA2XNN7L2QU0")
                  .contains("expired")
                  .doesNotContain(KEY_ID)
                  .doesNotContain(SECRET);
            });
    alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/account")));
    assertThat(listener.retries).isEmpty();
  }

  @Test
  void aRejectedRequestCarriesAlpacasCodeAndMessage() {
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/account/activities/FFFFF"))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(fixture("error_422_invalid_activity_type.json"))));

    assertThatThrownBy(() -> client().activities("FFFFF", null, null))
        .isInstanceOfSatisfying(
            ProviderRejectedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("40010001");
              assertThat(e.providerMessage()).isEqualTo("invalid activity type: FFFFF");
            });
  }

  @Test
  void anUnknownOrderIsEmptyNotAnError() {
    alpaca.stubFor(
        get("/v2/orders/b0b6dd9d-8b9b-48a9-ba46-b9d54906e415")
            .willReturn(
                aResponse().withStatus(404).withBody(fixture("error_404_order_not_found.json"))));

    assertThat(client().order("b0b6dd9d-8b9b-48a9-ba46-b9d54906e415")).isEmpty();
  }

  @Test
  void anInvalidRecordIsReportedAndTheRestOfThePageKept() {
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/orders"))
            .willReturn(
                okJson(
                    "["
                        + order("good", "2024-03-01T14:00:00Z")
                        + ",{\"id\":\"bad\",\"status\":\"new\",\"updated_at\":\"yesterday\"}]")));

    List<WireOrder> orders = client().orders("open", null);

    assertThat(orders).extracting(WireOrder::id).containsExactly("good");
    assertThat(listener.invalid)
        .singleElement()
        .satisfies(
            e -> assertThat(e.getMessage()).contains("AlpacaOrder.updated_at").contains("id=bad"));
  }

  private static String order(String id, String submittedAt) {
    return "{\"id\":\""
        + id
        + "\",\"client_order_id\":\"c-"
        + id
        + "\",\"status\":\"new\",\"submitted_at\":\""
        + submittedAt
        + "\",\"updated_at\":\""
        + submittedAt
        + "\",\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\"}";
  }
}
