package dev.ingest.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.alpaca.testing.Await;
import dev.ingest.alpaca.testing.FakeAlpaca;
import dev.ingest.alpaca.testing.ManualScheduler;
import dev.ingest.alpaca.testing.RecordingListener;
import dev.ingest.alpaca.testing.TestClock;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import dev.ingest.api.store.LakeSlug;
import dev.ingest.testkit.InMemoryRawDataLake;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlpacaIngesterTest {
  private static final LakeSlug PAPER = LakeSlug.of("paper");
  private static final Duration HEAL = Duration.ofSeconds(300);

  private final TestClock clock = new TestClock(Instant.parse("2024-03-01T15:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final RecordingListener listener = new RecordingListener();
  private final InMemoryRawDataLake lake = new InMemoryRawDataLake();
  private final FakeAlpaca alpaca = new FakeAlpaca(clock, 11);
  private AlpacaIngester ingester;

  @AfterEach
  void closeAll() {
    if (ingester != null) {
      ingester.close();
    }
    alpaca.close();
    scheduler.rethrowFailures();
  }

  private AlpacaIngester.Builder builder() {
    return AlpacaIngester.builder(lake)
        .clock(clock)
        .scheduler(scheduler)
        .listener(listener)
        .config(
            AlpacaIngesterConfig.DEFAULT.withReconnectDelays(
                Duration.ofSeconds(1), Duration.ofSeconds(4)));
  }

  private void startListening() {
    ingester = builder().destination("paper", alpaca.config()).build();
    ingester.start();
    scheduler.runDue(); // the backfill pass opens the stream
    awaitStream(StreamState.LISTENING);
  }

  /**
   * Moves time like {@link ManualScheduler#advance}, letting each reconnect finish its handshake.
   */
  private void tick(Duration by) {
    scheduler.advance(by, this::settle);
  }

  private void settle() {
    Await.until(
        "every stream settled",
        () ->
            ingester.status().values().stream()
                .noneMatch(
                    s ->
                        s.stream() == StreamState.CONNECTING
                            || s.stream() == StreamState.AUTHENTICATING));
  }

  private void awaitStream(StreamState state) {
    Await.until(
        "stream " + state,
        () ->
            ingester.status().get(PAPER).stream() == state
                && alpaca.isListening() == (state == StreamState.LISTENING));
  }

  private List<RawActivity> fills() {
    return lake.activities(PAPER).stream().filter(a -> a.activityType().equals("FILL")).toList();
  }

  private String status(String orderId) {
    return lake.order(PAPER, orderId).map(RawOrder::status).orElse("absent");
  }

  @Test
  void streamEventsReachTheLakeAtOnceAndTheirRestTwinsCollapseOntoThem() {
    startListening();

    String order = alpaca.submit("AAPL", "buy", new BigDecimal("10"), "day");
    clock.advance(Duration.ofMillis(250));
    alpaca.fill(order, new BigDecimal("4"), new BigDecimal("170.25"));

    Await.until("the fill is stored", () -> fills().size() == 1);
    Await.until("the order is partially filled", () -> status(order).equals("partially_filled"));
    assertThat(fills().get(0).id()).isEqualTo(alpaca.activityIds().get(0));
    assertThat(fills().get(0).rawJson()).contains("\"event\":\"partial_fill\"");

    // When healing fetches the same fill over REST
    tick(HEAL);

    // Then it is still one row, and healing found no gap
    assertThat(fills()).hasSize(1);
    assertThat(listener.healed("FILL")).isZero();
    assertThat(listener.events("new")).isEqualTo(1);
    assertThat(listener.events("partial_fill")).isEqualTo(1);
    assertThat(listener.mismatches).isEmpty();
    assertThat(listener.unmatched).isEmpty();
  }

  @Test
  void fillsMissedWhileTheStreamWasDownAreHealed() {
    startListening();
    String order = alpaca.submit("MSFT", "sell", new BigDecimal("6"), "day");
    Await.until("the order is stored", () -> status(order).equals("new"));

    // Given the stream drops and three fills happen before it is back
    alpaca.cutStream();
    awaitStream(StreamState.WAITING_TO_RECONNECT);
    alpaca.fill(order, new BigDecimal("1"), new BigDecimal("410"));
    alpaca.fill(order, new BigDecimal("2"), new BigDecimal("410.5"));
    alpaca.fill(order, new BigDecimal("3"), new BigDecimal("411"));
    assertThat(fills()).isEmpty();

    // When time passes: the stream comes back and the next pass heals the gap
    tick(HEAL);

    assertThat(fills())
        .extracting(RawActivity::id)
        .containsExactlyInAnyOrderElementsOf(alpaca.activityIds());
    assertThat(status(order)).isEqualTo("filled");
    assertThat(listener.healed("FILL")).isEqualTo(3);
    assertThat(listener.healed("order")).isPositive();
    assertThat(listener.reconnects).hasValue(1);
    assertThat(ingester.status().get(PAPER).reconnects()).isEqualTo(1);
  }

  @Test
  void outOfOrderAndRepeatedStreamEventsNeverRegressOrDuplicate() {
    startListening();
    String order = alpaca.submit("TSLA", "buy", new BigDecimal("5"), "day");
    Await.until("the order is stored", () -> status(order).equals("new"));

    // Given a partial fill and the final fill, delivered newest first and then both again
    alpaca.holdEvents(true);
    clock.advance(Duration.ofMillis(5));
    alpaca.fill(order, new BigDecimal("4"), new BigDecimal("893.5"));
    clock.advance(Duration.ofMillis(5));
    alpaca.fill(order, new BigDecimal("1"), new BigDecimal("889.68"));
    List<String> frames = alpaca.heldFrames();
    alpaca.holdEvents(false);
    alpaca.send(frames.get(1));
    alpaca.send(frames.get(0));
    alpaca.send(frames.get(1));
    alpaca.send(frames.get(0));

    Await.until(
        "four fill events handled",
        () -> listener.events("partial_fill") + listener.events("fill") == 4);
    assertThat(status(order)).isEqualTo("filled");
    assertThat(fills())
        .extracting(RawActivity::id)
        .containsExactlyInAnyOrderElementsOf(alpaca.activityIds());
  }

  @Test
  void aMalformedFrameIsSkippedAndTheStreamGoesOn() {
    startListening();

    alpaca.send("{\"stream\":\"trade_updates\",\"data\":{\"event\":\"fill\",\"order\":");
    String order = alpaca.submit("AAPL", "buy", BigDecimal.ONE, "day");

    Await.until("the next event is stored", () -> status(order).equals("new"));
    assertThat(listener.invalid)
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("frame="));
    assertThat(ingester.status().get(PAPER).stream()).isEqualTo(StreamState.LISTENING);
  }

  @Test
  void aDividendDatedAtMidnightIsHealedThoughFarOutsideTheTimeWindow() {
    // Given a running ingester, and a dividend posted at 15:05 but dated today (midnight New York)
    startListening();
    tick(Duration.ofMinutes(5));
    alpaca.dividend("AAPL", new BigDecimal("2.40"));

    tick(HEAL);

    assertThat(lake.activities(PAPER))
        .singleElement()
        .satisfies(
            div -> {
              assertThat(div.activityType()).isEqualTo("DIV");
              assertThat(div.netAmount()).isEqualByComparingTo("2.40");
              assertThat(div.occurredAt()).isEqualTo(Instant.parse("2024-03-01T05:00:00Z"));
            });
    assertThat(alpaca.restCalls)
        .anySatisfy(u -> assertThat(u.queryParameter("activity_types")).contains("DIV"));
  }

  @Test
  void whenAlpacaRefusesTheTypeListAllTypesAreAskedForInstead() {
    alpaca.refuseActivityTypeLists();
    startListening();
    alpaca.dividend("MSFT", new BigDecimal("0.75"));

    tick(HEAL);
    tick(HEAL);

    assertThat(lake.activities(PAPER)).extracting(RawActivity::activityType).containsExactly("DIV");
    long refused =
        alpaca.restCalls.stream().filter(u -> u.queryParameter("activity_types") != null).count();
    assertThat(refused).as("the type list is tried once, then no more").isEqualTo(1);
  }

  @Test
  void anOldGtcOrderFinishedDuringAnOutageIsFoundThroughTheOrdersHeldOpen() {
    startListening();
    String gtc = alpaca.submit("AAPL", "buy", new BigDecimal("100"), "gtc");
    Await.until("the order is stored", () -> status(gtc).equals("new"));

    // Given the order is far older than the healing lookback when it is cancelled unseen
    tick(Duration.ofMinutes(40));
    alpaca.cutStream();
    awaitStream(StreamState.WAITING_TO_RECONNECT);
    alpaca.cancel(gtc);

    // When the next passes run (after=now-600 s cannot see it; the open list no longer has it)
    tick(HEAL);

    // Then its final state was fetched by id
    assertThat(status(gtc)).isEqualTo("canceled");
    assertThat(alpaca.restCalls)
        .anySatisfy(u -> assertThat(u.encodedPath()).isEqualTo("/v2/orders/" + gtc));
  }

  @Test
  void backfillStartsFromTheLatestStoredTimeMinusTheMargin() {
    // Given a lake that already holds an activity at 14:00
    Instant latest = Instant.parse("2024-03-01T14:00:00Z");
    lake.appendActivities(
        PAPER,
        List.of(
            new RawActivity("20240301090000000::x", "DIV", BigDecimal.ONE, null, latest, "{}")));

    startListening();

    HttpUrl activities =
        alpaca.restCalls.stream()
            .filter(u -> u.encodedPath().equals("/v2/account/activities"))
            .findFirst()
            .orElseThrow();
    assertThat(activities.queryParameter("after")).isEqualTo("2024-03-01T13:00:00Z");
    assertThat(listener.healed).isEmpty();
  }

  @Test
  void aRestartBackfillsWhatHappenedWhileDownWithoutDuplicates() {
    startListening();
    String order = alpaca.submit("AAPL", "buy", new BigDecimal("3"), "day");
    alpaca.fill(order, BigDecimal.ONE, new BigDecimal("170"));
    Await.until("the first fill is stored", () -> fills().size() == 1);
    ingester.close();

    // While no ingester runs
    clock.advance(Duration.ofMinutes(30));
    alpaca.fill(order, BigDecimal.ONE, new BigDecimal("171"));
    alpaca.fill(order, BigDecimal.ONE, new BigDecimal("172"));

    // A new ingester on the same lake
    startListening();

    assertThat(fills())
        .extracting(RawActivity::id)
        .containsExactlyInAnyOrderElementsOf(alpaca.activityIds());
    assertThat(status(order)).isEqualTo("filled");
    assertThat(listener.healed("backfill:FILL")).isEqualTo(2);
  }

  @Test
  void whenRestIdsDoNotFollowTheStreamTheFallbackKeyStillKeepsOneRowAndSaysSo() {
    alpaca.breakSyntheticIdHypothesis();
    startListening();
    String order = alpaca.submit("NVDA", "buy", new BigDecimal("2"), "day");
    alpaca.fill(order, BigDecimal.ONE, new BigDecimal("880"));
    Await.until("the stream fill is stored", () -> fills().size() == 1);

    tick(HEAL);

    assertThat(fills()).hasSize(1);
    assertThat(alpaca.activityIds()).doesNotContain(fills().get(0).id());
    assertThat(listener.mismatches).hasSize(1);
    assertThat(listener.unmatched).isEmpty();

    // and the next pass, seeing the same REST fill again, reports nothing new
    tick(HEAL);
    assertThat(listener.mismatches).hasSize(1);
    assertThat(fills()).hasSize(1);
  }

  @Test
  void aStreamFillRestNeverReportsIsNamedWhenItLeavesTheHealingWindow() {
    startListening();
    String order = alpaca.submit("AMD", "buy", new BigDecimal("5"), "day");
    Await.until("the order is stored", () -> status(order).equals("new"));
    alpaca.phantomFill(order, BigDecimal.ONE, new BigDecimal("180"));
    Await.until("the phantom fill is stored", () -> fills().size() == 1);
    String phantom = fills().get(0).id();

    tick(HEAL);
    assertThat(listener.unmatched).isEmpty();
    tick(HEAL.multipliedBy(3));

    assertThat(listener.unmatched).containsExactly(phantom);
  }

  @Test
  void anExpiredKeyIsOneClearErrorAndTheOtherAccountGoesOn() {
    // Given a second account whose key has expired
    FakeAlpaca expired = new FakeAlpaca(clock, 12);
    try {
      expired.expireKeys();
      AlpacaConfig other =
          new AlpacaConfig(
              dev.ingest.api.model.AccountId.of("PA2EXPIRED01"),
              expired.config().restUrl(),
              expired.config().streamUrl(),
              expired.config().keyId(),
              expired.config().secretKey(),
              expired.config().retry(),
              expired.config().timeout());
      ingester = builder().destination("live", other).destination("paper", alpaca.config()).build();
      ingester.start();
      scheduler.runDue();
      awaitStream(StreamState.LISTENING);

      // When an hour of healing passes go by
      String order = alpaca.submit("AAPL", "buy", BigDecimal.ONE, "day");
      tick(Duration.ofHours(1));

      // Then the expired account stopped with one error and asked once
      AlpacaAccountStatus live = ingester.status().get(LakeSlug.of("live"));
      assertThat(live.failure())
          .isInstanceOfSatisfying(
              ProviderRejectedException.class, e -> assertThat(e.status()).isEqualTo(401));
      assertThat(live.stream()).isEqualTo(StreamState.FAILED);
      assertThat(listener.failures).hasSize(1);
      assertThat(expired.restRequests.get()).isEqualTo(1);
      assertThat(expired.upgrades.get()).isLessThanOrEqualTo(1);
      // and the other account ingested all along
      assertThat(status(order)).isEqualTo("new");
      assertThat(ingester.status().get(PAPER).failure()).isNull();
    } finally {
      expired.close();
    }
  }

  @Test
  void closeStopsEveryWorkerAndIsIdempotent() {
    startListening();

    ingester.close();
    ingester.close();
    alpaca.submit("AAPL", "buy", BigDecimal.ONE, "day");
    tick(Duration.ofHours(1));

    assertThat(lake.orders(PAPER)).isEmpty();
    assertThat(ingester.status().get(PAPER).stream()).isEqualTo(StreamState.CLOSED);
    assertThatThrownBy(ingester::start).isInstanceOf(IllegalStateException.class);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void withItsOwnSchedulerTheIngesterRunsAndClosesItsThreads() {
    ingester = AlpacaIngester.builder(lake).destination("paper", alpaca.config()).build();
    ingester.start();
    Await.until("listening", () -> ingester.status().get(PAPER).stream() == StreamState.LISTENING);

    ingester.close();

    Await.until(
        "no ingester thread left",
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("ingest-alpaca-")));
  }

  @Test
  void anAccountConfiguredTwiceIsRefused() {
    assertThatThrownBy(
            () -> builder().destination("a", alpaca.config()).destination("b", alpaca.config()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("one stream");
    assertThatThrownBy(() -> builder().destination("Live; drop", alpaca.config()))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void metricsCountEventsPerTypeAndLag() {
    startListening();
    String order = alpaca.submit("AAPL", "buy", new BigDecimal("2"), "day");
    clock.advance(Duration.ofSeconds(1));
    alpaca.fill(order, new BigDecimal("2"), new BigDecimal("170"));

    Await.until("both events", () -> listener.events("fill") == 1 && listener.events("new") == 1);
    assertThat(listener.lags)
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(Duration.ZERO));
    assertThat(listener.states).contains(StreamState.CONNECTING, StreamState.LISTENING);
    assertThat(listener.apiCalls.get()).isPositive();
  }

  @Test
  void seedSettingsConfigureEachDestination() {
    dev.ingest.api.config.Settings settings =
        dev.ingest.api.config.Settings.of(
                Map.of(
                    "destinations", "paper",
                    "healing_interval_sec", "120",
                    "healing_lookback_sec", "240",
                    "paper",
                        Map.of(
                            "account", FakeAlpaca.ACCOUNT.value(),
                            "rest_url", alpaca.config().restUrl().toString(),
                            "stream_url", alpaca.config().streamUrl().toString())))
            .withEnv(
                Map.of(
                        AlpacaConfig.DEFAULT_KEY_ID_ENV, FakeAlpaca.KEY_ID,
                        AlpacaConfig.DEFAULT_SECRET_KEY_ENV, FakeAlpaca.SECRET)
                    ::get);

    ingester = builder().settings(settings).build();
    ingester.start();
    scheduler.runDue();
    awaitStream(StreamState.LISTENING);
    int calls = alpaca.restRequests.get();
    tick(Duration.ofSeconds(120));

    assertThat(alpaca.restRequests.get()).isGreaterThan(calls);
    assertThat(ingester.toString()).doesNotContain(FakeAlpaca.SECRET);
  }
}
