package dev.ingest.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.alpaca.StreamState;
import dev.ingest.alpaca.testing.Await;
import dev.ingest.alpaca.testing.FakeAlpaca;
import dev.ingest.alpaca.testing.ManualScheduler;
import dev.ingest.alpaca.testing.TestClock;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.ProviderRejectedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TradeUpdatesStreamTest {
  private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);

  private final TestClock clock = new TestClock(Instant.parse("2024-03-01T15:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Recorder handler = new Recorder();
  private FakeAlpaca alpaca;
  private OkHttpClient http;
  private TradeUpdatesStream stream;

  @BeforeEach
  void open() {
    alpaca = new FakeAlpaca(clock, 7);
    http = HttpClients.forCalls(null, Duration.ofSeconds(5));
    stream =
        new TradeUpdatesStream(
            HttpClients.forStream(http),
            alpaca.config(),
            scheduler,
            new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4), () -> 0.5),
            AUTH_TIMEOUT,
            clock,
            handler);
  }

  @AfterEach
  void close() {
    stream.close();
    alpaca.close();
    HttpClients.release(http);
  }

  private void awaitState(StreamState state) {
    Await.until("stream " + state + ", is " + stream.state(), () -> stream.state() == state);
  }

  @Test
  void itAuthenticatesListensAndHandsOverEachEvent() {
    stream.start();
    awaitState(StreamState.LISTENING);

    String order = alpaca.submit("AAPL", "buy", BigDecimal.TEN, "day");

    Await.until("one update", () -> handler.updates.size() == 1);
    TradeUpdate update = handler.updates.get(0);
    assertThat(update.event()).isEqualTo("new");
    assertThat(update.order().id()).isEqualTo(order);
    assertThat(update.raw()).startsWith("{\"event\":\"new\"");
    assertThat(alpaca.lastFrame()).contains(update.raw()).contains(update.order().raw());
    assertThat(handler.states)
        .containsSubsequence(
            StreamState.CONNECTING, StreamState.AUTHENTICATING, StreamState.LISTENING);
  }

  @Test
  void binaryFramesAreReadLikeTextFrames() {
    alpaca.binaryFrames(true);
    stream.start();
    awaitState(StreamState.LISTENING);

    String order = alpaca.submit("AAPL", "buy", BigDecimal.TEN, "day");
    alpaca.fill(order, BigDecimal.ONE, new BigDecimal("101.5"));

    Await.until("two updates", () -> handler.updates.size() == 2);
    assertThat(handler.updates.get(1).event()).isEqualTo("partial_fill");
    assertThat(handler.updates.get(1).qty()).isEqualByComparingTo("1");
  }

  @Test
  void aMalformedFrameIsReportedWithItsContextAndTheStreamGoesOn() {
    stream.start();
    awaitState(StreamState.LISTENING);

    alpaca.send("{\"stream\":\"trade_updates\",\"data\":{\"event\":\"fill\",");
    alpaca.send(
        "{\"stream\":\"trade_updates\",\"data\":{\"event\":\"new\",\"execution_id\":\"x\"}}");
    alpaca.submit("MSFT", "sell", BigDecimal.ONE, "gtc");

    Await.until("the good event after two bad ones", () -> handler.updates.size() == 1);
    assertThat(handler.malformed).hasSize(2);
    assertThat(handler.malformed.get(0).getMessage())
        .contains("TradeUpdate.frame")
        .contains("account=PA2XNN7L2QU0")
        .contains("frame=")
        .contains("offset=");
    assertThat(handler.malformed.get(1).getMessage())
        .contains("TradeUpdate.order")
        .contains("event=new");
    assertThat(stream.state()).isEqualTo(StreamState.LISTENING);
  }

  @Test
  void aCutStreamComesBackAfterItsBackoffAndSaysSo() {
    stream.start();
    awaitState(StreamState.LISTENING);

    alpaca.cutStream();
    awaitState(StreamState.WAITING_TO_RECONNECT);

    // nothing happens until the backoff (0.75 s with this jitter) has passed on the clock
    assertThat(alpaca.upgrades.get()).isEqualTo(1);
    scheduler.advance(Duration.ofMillis(700));
    assertThat(alpaca.upgrades.get()).isEqualTo(1);
    scheduler.advance(Duration.ofMillis(100));
    awaitState(StreamState.LISTENING);

    assertThat(alpaca.upgrades.get()).isEqualTo(2);
    assertThat(handler.reconnects).hasValue(1);
  }

  @Test
  void aServerCloseIsADropToo() {
    stream.start();
    awaitState(StreamState.LISTENING);

    alpaca.closeStream(1001);
    awaitState(StreamState.WAITING_TO_RECONNECT);
    scheduler.advance(Duration.ofSeconds(1));

    awaitState(StreamState.LISTENING);
    assertThat(handler.reconnects).hasValue(1);
  }

  @Test
  void refusedCredentialsAreOneErrorAndNoReconnect() {
    alpaca.expireKeys();

    stream.start();
    awaitState(StreamState.FAILED);
    scheduler.advance(Duration.ofMinutes(30));

    assertThat(handler.fatal)
        .singleElement()
        .isInstanceOfSatisfying(
            ProviderRejectedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.getMessage())
                  .contains("unauthorized")
                  .doesNotContain(FakeAlpaca.SECRET)
                  .doesNotContain(FakeAlpaca.KEY_ID);
            });
    assertThat(alpaca.upgrades.get()).isEqualTo(1);
    assertThat(alpaca.authAttempts.get()).isEqualTo(1);
    assertThat(stream.state()).isEqualTo(StreamState.FAILED);
  }

  @Test
  void a429OnTheUpgradeIsRespectedBeforeTheNextAttempt() {
    // Given Alpaca refusing the upgrade because the stale socket is still registered
    alpaca.answerNextUpgrade(
        new MockResponse.Builder().code(429).setHeader("Retry-After", "3").body("{}").build());

    stream.start();
    awaitState(StreamState.WAITING_TO_RECONNECT);

    // Then no second attempt before the 3 s asked for, though the backoff alone was 0.75 s
    scheduler.advance(Duration.ofMillis(2_900));
    assertThat(alpaca.upgrades.get()).isEqualTo(1);
    scheduler.advance(Duration.ofMillis(100));
    awaitState(StreamState.LISTENING);
    assertThat(alpaca.upgrades.get()).isEqualTo(2);
  }

  @Test
  void repeatedDropsBackOffExponentiallyUpToTheCap() {
    for (int i = 0; i < 4; i++) {
      alpaca.answerNextUpgrade(new MockResponse.Builder().code(503).body("down").build());
    }
    stream.start();

    // 0.75 s, 1.5 s, 3 s, then capped at 4 s -> 3 s (half fixed, half at jitter 0.5)
    long[] waits = {750, 1_500, 3_000, 3_000};
    for (int i = 0; i < waits.length; i++) {
      int attempt = i + 1;
      Await.until(
          "attempt " + attempt + " failed",
          () ->
              alpaca.upgrades.get() == attempt
                  && stream.state() == StreamState.WAITING_TO_RECONNECT);
      scheduler.advance(Duration.ofMillis(waits[i] - 1));
      assertThat(alpaca.upgrades.get()).as("no attempt before %d ms", waits[i]).isEqualTo(attempt);
      scheduler.advance(Duration.ofMillis(1));
    }
    awaitState(StreamState.LISTENING);
    assertThat(alpaca.upgrades.get()).isEqualTo(5);
  }

  @Test
  void noAnswerToTheCredentialsCountsAsADrop() {
    // Given a server that accepts the upgrade and then says nothing
    alpaca.answerNextUpgrade(
        new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {}).build());

    stream.start();
    awaitState(StreamState.AUTHENTICATING);
    scheduler.advance(AUTH_TIMEOUT);
    awaitState(StreamState.WAITING_TO_RECONNECT);
    scheduler.advance(Duration.ofSeconds(1));

    awaitState(StreamState.LISTENING);
  }

  @Test
  void closeIsIdempotentAndEndsReconnecting() {
    stream.start();
    awaitState(StreamState.LISTENING);

    stream.close();
    stream.close();
    alpaca.cutStream();
    scheduler.advance(Duration.ofMinutes(5));

    assertThat(stream.state()).isEqualTo(StreamState.CLOSED);
    assertThat(alpaca.upgrades.get()).isEqualTo(1);
  }

  private static final class Recorder implements TradeUpdatesStream.Handler {
    final List<TradeUpdate> updates = new CopyOnWriteArrayList<>();
    final List<StreamState> states = new CopyOnWriteArrayList<>();
    final List<IngestException> fatal = new CopyOnWriteArrayList<>();
    final List<DataValidationException> malformed = new CopyOnWriteArrayList<>();
    final AtomicInteger reconnects = new AtomicInteger();

    @Override
    public void onUpdate(TradeUpdate update) {
      updates.add(update);
    }

    @Override
    public void onStateChange(StreamState state) {
      states.add(state);
    }

    @Override
    public void onReconnected(int failedAttempts) {
      reconnects.incrementAndGet();
    }

    @Override
    public void onFatal(IngestException error) {
      fatal.add(error);
    }

    @Override
    public void onMalformed(DataValidationException error) {
      malformed.add(error);
    }
  }
}
