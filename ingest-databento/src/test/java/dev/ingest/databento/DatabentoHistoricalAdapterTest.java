package dev.ingest.databento;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ingest.api.BaseAdapter;
import dev.ingest.api.HistoricalJob;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.RateLimitedException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.market.MarketRecord;
import dev.ingest.api.spi.HistoricalAdapterProvider;
import dev.ingest.api.spi.Providers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabentoHistoricalAdapterTest {
  private static final String KEY_VAR = "DATABENTO_TEST_KEY";
  private static final String FAKE_KEY = "fake-test-key-not-real";
  private static final String RANGE = "/v0/timeseries.get_range";
  private static final Instant DAY0 = Instant.parse("2020-12-28T00:00:00Z");
  private static final long DAY_NS = 86_400_000_000_000L;
  private static final long DAY0_NS = 1609113600000000000L;

  private static WireMockServer server;
  private final RecordingListener listener = new RecordingListener();

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort().extensions(new CutBodyTransformer()));
    server.start();
  }

  @AfterAll
  static void stopServerAndCheckTheLog() throws IOException {
    server.stop();
    // Everything this class made the adapter log: structured chunk lines, never the key
    String log = Files.readString(Path.of("target/ingest-databento-test.log"));
    assertThat(log)
        .contains("fetching chunk provider=databento")
        .contains("dataset=GLBX.MDP3 schema=trades symbols=[ESH1]")
        .contains("chunk_number=1 total_chunks=3")
        .doesNotContain(FAKE_KEY)
        .doesNotContain(basicAuth().substring("Basic ".length()));
  }

  @BeforeEach
  void stubTheKeyCheck() {
    server.resetAll();
    server.stubFor(
        get(urlPathEqualTo("/v0/metadata.list_datasets"))
            .willReturn(aResponse().withStatus(200).withBody("[\"GLBX.MDP3\"]")));
  }

  @AfterEach
  void noRequestCarriedAnotherKey() {
    for (LoggedRequest request : server.findAll(postRequestedFor(urlPathEqualTo(RANGE)))) {
      assertThat(request.getHeader("Authorization")).isEqualTo(basicAuth());
    }
  }

  private static String basicAuth() {
    return "Basic "
        + Base64.getEncoder().encodeToString((FAKE_KEY + ":").getBytes(StandardCharsets.UTF_8));
  }

  private static Settings settings(Map<String, Object> api) {
    Map<String, Object> apiSection = new HashMap<>(api);
    apiSection.putIfAbsent("key_env_var", KEY_VAR);
    apiSection.putIfAbsent("base_url", server.baseUrl());
    return Settings.of(
            Map.of(
                "api",
                apiSection,
                "retry_policy",
                Map.of(
                    "max_retries",
                    3,
                    "base_delay",
                    "0.001",
                    "max_delay",
                    "0.004",
                    "backoff_multiplier",
                    2.0)))
        .withEnv(Map.of(KEY_VAR, FAKE_KEY)::get);
  }

  private DatabentoHistoricalAdapter adapter() {
    return new DatabentoHistoricalAdapter(settings(Map.of()), listener);
  }

  private static HistoricalJob.Builder trades(Duration span) {
    return HistoricalJob.builder("GLBX.MDP3", "trades")
        .name("es-trades")
        .symbols("ESH1")
        .range(DAY0, DAY0.plus(span));
  }

  private static ResponseDefinitionBuilder dbn(byte[] body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/octet-stream")
        .withHeader("request-id", "req-1")
        .withBody(body);
  }

  private static List<MarketRecord> fetchAll(BaseAdapter adapter, HistoricalJob job) {
    try (Stream<MarketRecord> records = adapter.fetchHistoricalData(job)) {
      return records.toList();
    }
  }

  private static List<Long> sequences(List<MarketRecord> records) {
    return records.stream().map(r -> ((DatabentoTrade) r).sequence()).toList();
  }

  private static byte[] synthetic(long count, long firstSequence) {
    return SyntheticDbn.bytes(count, true, firstSequence, 0);
  }

  @Test
  void aJobIsFetchedInHalfOpenChunksInOrderWithProgress() {
    // Given 2.5 days of trades in 1-day chunks, each day answered with its own body
    byte[] day0 = TestFixtures.bytes("databento-python/GLBX.MDP3/test_data.trades.dbn.zst");
    byte[] day1 = synthetic(3, 100);
    byte[] day2 = synthetic(0, 0);
    stubDay(0, day0);
    stubDay(1, day1);
    stubDay(2, day2);
    HistoricalJob job = trades(Duration.ofHours(60)).dateChunkInterval(Duration.ofDays(1)).build();

    // When the job is fetched
    List<MarketRecord> records;
    try (DatabentoHistoricalAdapter adapter = adapter()) {
      records = fetchAll(adapter, job);
    }

    // Then the three chunks were asked for as contiguous half-open ranges, the last one shorter
    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(RANGE)));
    assertThat(requests).hasSize(3);
    assertThat(requests.stream().map(r -> r.formParameters().get("start").firstValue()))
        .containsExactly(ns(0), ns(DAY_NS), ns(2 * DAY_NS));
    assertThat(requests.stream().map(r -> r.formParameters().get("end").firstValue()))
        .containsExactly(ns(DAY_NS), ns(2 * DAY_NS), ns(2 * DAY_NS + DAY_NS / 2));
    LoggedRequest first = requests.get(0);
    assertThat(first.formParameters().get("dataset").firstValue()).isEqualTo("GLBX.MDP3");
    assertThat(first.formParameters().get("schema").firstValue()).isEqualTo("trades");
    assertThat(first.formParameters().get("symbols").firstValue()).isEqualTo("ESH1");
    assertThat(first.formParameters().get("stype_in").firstValue()).isEqualTo("raw_symbol");
    assertThat(first.formParameters().get("encoding").firstValue()).isEqualTo("dbn");
    assertThat(first.formParameters().get("compression").firstValue()).isEqualTo("zstd");
    assertThat(first.formParameters()).doesNotContainKey("limit");

    // and the records came in chunk order, the fixture's first
    assertThat(records).hasSize(7);
    assertThat(((DatabentoTrade) records.get(0)).sequence()).isEqualTo(145885);
    assertThat(((DatabentoTrade) records.get(0)).mappedSymbol()).isEqualTo("ESH1");
    assertThat(sequences(records.subList(4, 7))).containsExactly(100L, 101L, 102L);

    // and progress was reported once per chunk, with records and wire bytes
    assertThat(listener.progress)
        .containsExactly(
            new RecordingListener.Progress("es-trades", 1, 3, 4, day0.length),
            new RecordingListener.Progress("es-trades", 2, 3, 3, day1.length),
            new RecordingListener.Progress("es-trades", 3, 3, 0, day2.length));
    assertThat(listener.fetched).containsExactly(4L, 3L, 0L);
    assertThat(listener.retries).isEmpty();
  }

  private static String ns(long sinceDay0) {
    return Long.toString(DAY0_NS + sinceDay0);
  }

  private static void stubDay(int day, byte[] body) {
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .withFormParam("start", equalTo(ns(day * DAY_NS)))
            .willReturn(dbn(body)));
  }

  @Test
  void withoutAnIntervalTheSchemasDefaultChunkIsUsed() {
    // Given 65 days of daily bars and no interval: seed 004 chunks ohlcv-1d by 30 days
    server.stubFor(post(urlPathEqualTo(RANGE)).willReturn(dbn(synthetic(0, 0))));
    HistoricalJob job =
        HistoricalJob.builder("GLBX.MDP3", "ohlcv-1d")
            .symbols("ES.c.0")
            .stypeIn("continuous")
            .range(DAY0, DAY0.plus(Duration.ofDays(65)))
            .build();

    try (DatabentoHistoricalAdapter adapter = adapter()) {
      assertThat(fetchAll(adapter, job)).isEmpty();
    }

    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(RANGE)));
    assertThat(requests.stream().map(r -> r.formParameters().get("end").firstValue()))
        .containsExactly(ns(30 * DAY_NS), ns(60 * DAY_NS), ns(65 * DAY_NS));
    assertThat(requests.get(0).formParameters().get("stype_in").firstValue())
        .isEqualTo("continuous");
    assertThat(listener.progress)
        .extracting(RecordingListener.Progress::totalChunks)
        .containsOnly(3);
  }

  @Test
  void moreSymbolsThanOneRequestTakesAreSplitAndMergedInTimeOrder() {
    // Given at most two symbols per request, three symbols, and answers whose times interleave
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .withFormParam("symbols", equalTo("AAA,BBB"))
            .willReturn(dbn(SyntheticDbn.bytes(3, true, 0, 0))));
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .withFormParam("symbols", equalTo("CCC"))
            .willReturn(dbn(SyntheticDbn.bytes(3, false, 1000, 500))));
    HistoricalJob job =
        HistoricalJob.builder("GLBX.MDP3", "trades")
            .symbols("AAA", "BBB", "CCC")
            .range(DAY0, DAY0.plus(Duration.ofDays(1)))
            .build();

    // When fetched
    List<MarketRecord> records;
    try (DatabentoHistoricalAdapter adapter =
        new DatabentoHistoricalAdapter(settings(Map.of("max_symbols_per_request", 2)), listener)) {
      records = fetchAll(adapter, job);
    }

    // Then both requests were made and their records merged by ts_recv
    assertThat(server.findAll(postRequestedFor(urlPathEqualTo(RANGE)))).hasSize(2);
    assertThat(sequences(records)).containsExactly(0L, 1000L, 1L, 1001L, 2L, 1002L);
    assertThat(records).extracting(r -> ((DatabentoTrade) r).tsRecv()).isSorted();
    assertThat(listener.progress)
        .containsExactly(
            new RecordingListener.Progress(
                job.name(),
                1,
                1,
                6,
                SyntheticDbn.bytes(3, true, 0, 0).length
                    + SyntheticDbn.bytes(3, false, 1000, 500).length));
  }

  @Test
  void a429IsRetriedAfterItsRetryAfter() {
    // Given a rate limit answer asking for one second, then the data
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .inScenario("429")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("allowed")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withBody("{\"detail\":\"Too many requests\"}")));
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .inScenario("429")
            .whenScenarioStateIs("allowed")
            .willReturn(dbn(synthetic(5, 0))));

    // When fetched
    long started = System.nanoTime();
    List<MarketRecord> records;
    try (DatabentoHistoricalAdapter adapter = adapter()) {
      records = fetchAll(adapter, trades(Duration.ofDays(1)).build());
    }
    Duration waited = Duration.ofNanos(System.nanoTime() - started);

    // Then the retry waited what the server asked, not the 1 ms backoff, and all records came
    assertThat(sequences(records)).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(listener.retries).hasSize(1);
    RateLimitedException cause = (RateLimitedException) listener.retries.get(0).cause();
    assertThat(cause.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(cause.getMessage()).contains("status=429").contains("Too many requests");
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(1)); // a lower bound only
  }

  @Test
  void a503ThenA200Succeeds() {
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .inScenario("503")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("up")
            .willReturn(aResponse().withStatus(503).withBody("{\"detail\":\"Gateway offline\"}")));
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .inScenario("503")
            .whenScenarioStateIs("up")
            .willReturn(dbn(synthetic(4, 0))));

    List<MarketRecord> records;
    try (DatabentoHistoricalAdapter adapter = adapter()) {
      records = fetchAll(adapter, trades(Duration.ofDays(1)).build());
    }

    assertThat(sequences(records)).containsExactly(0L, 1L, 2L, 3L);
    assertThat(listener.retries)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.cause())
                    .isExactlyInstanceOf(TransportException.class)
                    .hasMessageContaining("status=503"));
    assertThat(listener.apiCalls)
        .extracting(RecordingListener.ApiCall::success)
        .containsExactly(true, false, true); // key check, 503, 200
  }

  @Test
  void aBodyCutHalfWayIsResumedAfterTheLastRecordWithNoneLostOrRepeated() {
    // Given a long zstd body that the server drops half way, then sends whole
    int n = 50_000;
    byte[] body = synthetic(n, 0);
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .inScenario("cut")
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("whole")
            .willReturn(dbn(body).withTransformers(CutBodyTransformer.NAME)));
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .inScenario("cut")
            .whenScenarioStateIs("whole")
            .willReturn(dbn(body)));

    // When fetched
    List<MarketRecord> records;
    try (DatabentoHistoricalAdapter adapter = adapter()) {
      records = fetchAll(adapter, trades(Duration.ofDays(1)).build());
    }

    // Then every record came exactly once, in order, after one retry of the same request
    assertThat(sequences(records)).isEqualTo(LongStream.range(0, n).boxed().toList());
    assertThat(listener.retries)
        .singleElement()
        .satisfies(r -> assertThat(r.cause()).isInstanceOf(DbnTruncatedException.class));
    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(RANGE)));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
  }

  @Test
  void aConnectionResetHalfWayThroughABodyIsResumed() throws IOException {
    // Given a server that resets the TCP connection half way through the first two answers
    int n = 20_000;
    try (ResettingServer resetting = new ResettingServer(SyntheticDbn.bytes(n, false, 0, 0), 2);
        DatabentoHistoricalAdapter adapter =
            new DatabentoHistoricalAdapter(
                settings(Map.of("base_url", resetting.baseUrl())), listener)) {

      // When fetched
      List<MarketRecord> records = fetchAll(adapter, trades(Duration.ofDays(1)).build());

      // Then nothing was lost or repeated
      assertThat(sequences(records)).isEqualTo(LongStream.range(0, n).boxed().toList());
      assertThat(resetting.rangeRequests.get()).isEqualTo(3);
      assertThat(listener.retries)
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.cause()).isInstanceOf(TransportException.class));
    }
  }

  @Test
  void a422NamesTheRejectedParameterAndIsNotRetried() {
    // Given Databento's answer to a start before the dataset's history
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("request-id", "d5ac7c3e-0001")
                    .withBody(
                        "{\"detail\":{\"case\":\"data_start_before_available_start\","
                            + "\"message\":\"`start` in query ('2010-01-11 00:00:00+00:00') was"
                            + " before the available start of dataset GLBX.MDP3 ('2010-06-06"
                            + " 00:00:00+00:00'). Try requesting with a later `start`.\","
                            + "\"status_code\":422,\"docs\":\"https://databento.com/docs\","
                            + "\"payload\":{\"dataset\":\"GLBX.MDP3\","
                            + "\"available_start\":\"2010-06-06T00:00:00.000000000Z\"}}}")));

    // When fetched
    DatabentoRejectedException rejected;
    try (DatabentoHistoricalAdapter adapter = adapter()) {
      rejected =
          catchThrowableOfType(
              DatabentoRejectedException.class,
              () -> fetchAll(adapter, trades(Duration.ofDays(1)).build()));
    }

    // Then it is a typed rejection naming `start`, asked once
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.parameter()).isEqualTo("start");
    assertThat(rejected.code()).isEqualTo("data_start_before_available_start");
    assertThat(rejected.requestId()).isEqualTo("d5ac7c3e-0001");
    assertThat(rejected.getMessage())
        .contains("parameter=start")
        .contains("dataset=GLBX.MDP3 schema=trades")
        .contains("was before the available start")
        .doesNotContain(FAKE_KEY);
    assertThat(server.findAll(postRequestedFor(urlPathEqualTo(RANGE)))).hasSize(1);
    assertThat(listener.retries).isEmpty();
  }

  @Test
  void a401AtConnectNamesTheKeyAndIsNotRetried() {
    server.stubFor(
        get(urlPathEqualTo("/v0/metadata.list_datasets"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"detail\":\"Authorization failed: illegal chars in username.\"}")));

    try (DatabentoHistoricalAdapter adapter = adapter()) {
      assertThatThrownBy(adapter::connect)
          .isInstanceOfSatisfying(
              DatabentoRejectedException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.parameter()).isEqualTo("key");
                assertThat(e.providerMessage()).contains("Authorization failed");
                assertThat(e.getMessage()).doesNotContain(FAKE_KEY);
              });
    }
    server.verify(1, getRequestedFor(urlPathEqualTo("/v0/metadata.list_datasets")));
    assertThat(listener.retries).isEmpty();
  }

  @Test
  void a403IsNotRetried() {
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"detail\":{\"case\":\"license_not_found_unauthorized\","
                            + "\"message\":\"No license for dataset GLBX.MDP3.\"}}")));

    try (DatabentoHistoricalAdapter adapter = adapter()) {
      assertThatThrownBy(() -> fetchAll(adapter, trades(Duration.ofDays(1)).build()))
          .isInstanceOfSatisfying(
              DatabentoRejectedException.class,
              e -> {
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.parameter()).isEqualTo("dataset");
              });
    }
    assertThat(server.findAll(postRequestedFor(urlPathEqualTo(RANGE)))).hasSize(1);
  }

  @Test
  void persistentServerErrorsFailAfterTheConfiguredRetries() {
    server.stubFor(post(urlPathEqualTo(RANGE)).willReturn(aResponse().withStatus(504)));

    try (DatabentoHistoricalAdapter adapter = adapter()) {
      assertThatThrownBy(() -> fetchAll(adapter, trades(Duration.ofDays(1)).build()))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("status=504");
    }
    assertThat(server.findAll(postRequestedFor(urlPathEqualTo(RANGE)))).hasSize(1 + 3);
    assertThat(listener.retries).hasSize(3);
  }

  @Test
  void connectChecksTheKeyWithoutDownloadingData() {
    try (DatabentoHistoricalAdapter adapter = adapter()) {
      adapter.connect();
    }
    server.verify(1, getRequestedFor(urlPathEqualTo("/v0/metadata.list_datasets")));
    assertThat(
            server
                .findAll(getRequestedFor(urlPathEqualTo("/v0/metadata.list_datasets")))
                .get(0)
                .getHeader("Authorization"))
        .isEqualTo(basicAuth());
    assertThat(server.findAll(postRequestedFor(urlPathEqualTo(RANGE)))).isEmpty();
  }

  @Test
  void theLimitHoldsAcrossChunks() {
    // Given a limit of 3 over two days that have 2 records each
    stubDay(0, synthetic(2, 0));
    stubDay(1, synthetic(2, 10));
    HistoricalJob job =
        trades(Duration.ofDays(2)).dateChunkInterval(Duration.ofDays(1)).limit(3).build();

    List<MarketRecord> records;
    try (DatabentoHistoricalAdapter adapter = adapter()) {
      records = fetchAll(adapter, job);
    }

    assertThat(sequences(records)).containsExactly(0L, 1L, 10L);
    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(RANGE)));
    assertThat(requests.stream().map(r -> r.formParameters().get("limit").firstValue()))
        .containsExactly("3", "1");
  }

  @Test
  void recordsOfAnotherSchemaAreReportedAndSkipped() {
    // Given a trades request answered with statistics
    server.stubFor(
        post(urlPathEqualTo(RANGE))
            .willReturn(dbn(TestFixtures.bytes("dbn/test_data.statistics.v3.dbn.zst"))));

    List<MarketRecord> records;
    try (DatabentoHistoricalAdapter adapter = adapter()) {
      records = fetchAll(adapter, trades(Duration.ofDays(1)).build());
    }

    assertThat(records).isEmpty();
    assertThat(listener.validationErrors).hasSize(2);
    assertThat(listener.validationErrors.get(0).field()).isEqualTo("rtype");
    assertThat(listener.validationErrors.get(0).naturalKey()).contains("instrument_id=146945");
  }

  @Test
  void theStreamIsLazyAndClosingItEarlyStopsTheFetch() {
    stubDay(0, synthetic(10, 0));
    stubDay(1, synthetic(10, 100));
    HistoricalJob job = trades(Duration.ofDays(2)).dateChunkInterval(Duration.ofDays(1)).build();

    try (DatabentoHistoricalAdapter adapter = adapter();
        Stream<MarketRecord> records = adapter.fetchHistoricalData(job)) {
      // Nothing is fetched until the stream is consumed
      assertThat(server.findAll(postRequestedFor(urlPathEqualTo(RANGE)))).isEmpty();
      assertThat(records.limit(3).count()).isEqualTo(3);
    }
    // Only the first chunk was asked for
    assertThat(server.findAll(postRequestedFor(urlPathEqualTo(RANGE)))).hasSize(1);
  }

  @Test
  void validateConfigNamesTheBadKey() {
    assertThatThrownBy(
            () ->
                new DatabentoHistoricalAdapter(settings(Map.of()).withEnv(name -> null), listener)
                    .validateConfig())
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo(KEY_VAR));
    assertThatThrownBy(
            () ->
                new DatabentoHistoricalAdapter(
                        settings(Map.of()).with("retry_policy.max_retries", "-1"), listener)
                    .validateConfig())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("retry_policy.max_retries"));
    assertThatThrownBy(
            () ->
                new DatabentoHistoricalAdapter(
                        settings(Map.of("base_url", "ftp://example.com")), listener)
                    .validateConfig())
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("api.base_url"));
    assertThatThrownBy(
            () ->
                new DatabentoHistoricalAdapter(
                        settings(Map.of("max_symbols_per_request", 5000)), listener)
                    .validateConfig())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("api.max_symbols_per_request"));
  }

  @Test
  void aSchemaTheAdapterDoesNotFetchIsAConfigurationError() {
    try (DatabentoHistoricalAdapter adapter = adapter()) {
      assertThatThrownBy(
              () ->
                  adapter.fetchHistoricalData(
                      HistoricalJob.builder("GLBX.MDP3", "mbo")
                          .symbols("ESH1")
                          .range(DAY0, DAY0.plusSeconds(60))
                          .build()))
          .isInstanceOfSatisfying(
              ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("schema"));
    }
  }

  @Test
  void theProviderIsFoundByNameThroughServiceLoader() {
    HistoricalAdapterProvider provider = Providers.historicalAdapter("databento");

    assertThat(provider).isInstanceOf(DatabentoAdapterProvider.class);
    assertThat(provider.name()).isEqualTo("databento");
    try (BaseAdapter adapter = provider.open(settings(Map.of()), listener)) {
      assertThat(adapter).isInstanceOf(DatabentoHistoricalAdapter.class);
      assertThat(adapter.name()).isEqualTo("databento");
      adapter.validateConfig();
    }
  }
}
