package dev.ingest.ibkr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.error.TransportException;
import dev.ingest.ibkr.internal.wire.ContractQuery;
import dev.ingest.ibkr.internal.wire.ExecutionFilter;
import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsContract;
import dev.ingest.testkit.tws.TwsTranscript;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session rules of reference §2 and §8, over a real socket to the fake gateway. */
class TwsSessionTest {
  private static final Duration SHORT = Duration.ofMillis(500);
  private static final TwsContract AAPL = TwsContract.stock(265598, "AAPL", "NASDAQ");

  private final FakeTwsGateway gateway = FakeTwsGateway.start();

  @AfterEach
  void stop() {
    gateway.close();
  }

  private TwsSession connect(int clientId) {
    return TwsSession.connect(
        new SessionOptions(gateway.host(), gateway.port(), clientId, Duration.ofSeconds(2), ""));
  }

  @Test
  void connectingNegotiates193AndLearnsTheManagedAccounts() {
    // Given
    gateway.managedAccounts("DU111", "DU222");

    // When
    try (TwsSession session = connect(7)) {
      // Then
      assertThat(session.serverVersion()).isEqualTo(193);
      assertThat(session.managedAccounts()).containsExactly("DU111", "DU222");
      assertThat(session.isOpen()).isTrue();
    }
  }

  @Test
  void nothingIsSentBeforeNextValidIdAndConnectFailsWithoutIt() {
    // Given a gateway that greets with MANAGED_ACCTS only
    try (FakeTwsGateway mute = FakeTwsGateway.start(TwsTranscript.parse("S: 15|1|DU111|\n"))) {
      SessionOptions options =
          new SessionOptions(mute.host(), mute.port(), 1, Duration.ofMillis(300), "");

      // When / Then
      assertThatThrownBy(() -> TwsSession.connect(options))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("NEXT_VALID_ID");
      assertThat(mute.requests()).isEmpty();
    }
  }

  @Test
  void managedAccountsAreAskedForWhenTheGreetingLacksThem() {
    // Given a greeting with NEXT_VALID_ID only; the list comes when asked
    try (FakeTwsGateway gw =
        FakeTwsGateway.start(TwsTranscript.parse("S: 9|1|1|\nC: 17|1|\nS: 15|1|DU9,|\n"))) {
      // When
      try (TwsSession session =
          TwsSession.connect(new SessionOptions(gw.host(), gw.port(), 1, SHORT, ""))) {
        // Then: the trailing comma leaves no empty account
        assertThat(session.managedAccounts()).containsExactly("DU9");
      }
    }
  }

  @Test
  void aServerBelow193IsRefusedWithAClearError() {
    // Given
    gateway.serverVersion(176);

    // When / Then
    assertThatThrownBy(() -> connect(1))
        .isInstanceOfSatisfying(
            ProviderRejectedException.class, e -> assertThat(e.code()).isEqualTo("503"))
        .hasMessageContaining("server version 176")
        .hasMessageContaining("needs 193");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void aClientIdInUseIsRefusedWith326() {
    try (TwsSession first = connect(7)) {
      assertThatThrownBy(() -> connect(7))
          .isInstanceOfSatisfying(
              ProviderRejectedException.class, e -> assertThat(e.code()).isEqualTo("326"))
          .hasMessageContaining("client id is already in use");
      assertThat(first.isOpen()).isTrue();
    }
  }

  @Test
  void nothingListeningIsATransportError() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    assertThatThrownBy(
            () -> TwsSession.connect(new SessionOptions("127.0.0.1", port, 1, SHORT, "")))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("could not connect")
        .hasMessageContaining(":" + port);
  }

  @Test
  void theHandshakeCarriesPaceApiWhenAsked() {
    // When
    try (TwsSession session =
        TwsSession.connect(
            new SessionOptions(gateway.host(), gateway.port(), 1, SHORT, "+PACEAPI"))) {
      // Then: the fake accepted "v100..193 +PACEAPI" and the session is up
      assertThat(session.isOpen()).isTrue();
    }
  }

  @Test
  void aRequestWithNoEndTimesOutNamingWhatItWaitedFor() {
    // Given
    gateway.silence(61);
    try (TwsSession session = connect(1)) {
      // When / Then
      assertThatThrownBy(() -> session.positions(Duration.ofMillis(200)))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("REQ_POSITIONS")
          .hasMessageContaining("no POSITION_END within PT0.2S");
      // the session stays usable
      gateway.answerNormally(61);
      assertThat(session.positions(SHORT)).isEmpty();
    }
  }

  @Test
  void aTwsErrorForTheRequestIdFailsItWithTheCode() {
    // Given
    gateway.rejectNext(62, 321, "Error validating request.-'bW' : cause - Invalid group");
    try (TwsSession session = connect(1)) {
      // When / Then
      assertThatThrownBy(() -> session.accountSummary("Nope", "NetLiquidation", SHORT))
          .isInstanceOfSatisfying(
              ProviderRejectedException.class,
              e -> {
                assertThat(e.code()).isEqualTo("321");
                assertThat(e.providerMessage()).contains("Invalid group");
              })
          .hasMessageContaining("REQ_ACCOUNT_SUMMARY reqId=");
    }
  }

  @Test
  void aNoticeForTheRequestDoesNotFailIt() {
    // Given 2152-style notice before the rows
    gateway.onRequest(
        62,
        (request, session) -> {
          String reqId = request.field(2);
          session.send("4|2|" + reqId + "|2152|Exchanges - Depth: IEX; Top: BYX||");
          session.send("63|1|" + reqId + "|DU1234567|NetLiquidation|100.00|USD|");
          session.send("64|1|" + reqId + "|");
        });
    try (TwsSession session = connect(1)) {
      // When / Then
      assertThat(session.accountSummary("All", "NetLiquidation", SHORT)).hasSize(1);
    }
  }

  @Test
  void anUnknownContractIsError200() {
    try (TwsSession session = connect(1)) {
      assertThatThrownBy(
              () -> session.contractDetails(ContractQuery.of("STK").withSymbol("ZZZZ"), SHORT))
          .isInstanceOfSatisfying(
              ProviderRejectedException.class, e -> assertThat(e.code()).isEqualTo("200"));
    }
  }

  @Test
  void requestIdsAreDistinctAndFarFromOrderIds() throws Exception {
    try (TwsSession session = connect(1)) {
      // When two fetches run at once
      CompletableFuture<?> a =
          CompletableFuture.runAsync(
              () -> session.executions(ExecutionFilter.account("DU1234567"), SHORT));
      CompletableFuture<?> b =
          CompletableFuture.runAsync(
              () -> session.executions(ExecutionFilter.account("DU1234567"), SHORT));
      a.get();
      b.get();

      // Then
      List<Integer> ids = gateway.requests(7).stream().map(r -> r.requestId()).toList();
      assertThat(ids)
          .doesNotHaveDuplicates()
          .allSatisfy(id -> assertThat(id).isGreaterThan(1 << 29));
    }
  }

  @Test
  void subscriptionsAreCancelledAfterTheirEnd() {
    try (TwsSession session = connect(1)) {
      session.positions(SHORT);
      session.accountSummary("All", "NetLiquidation", SHORT);
      // the cancels are sent after the END; wait until the gateway has read them
      long deadline = System.nanoTime() + SHORT.toNanos();
      while ((gateway.requests(64).isEmpty() || gateway.requests(63).isEmpty())
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(gateway.requests(64)).hasSize(1);
      assertThat(gateway.requests(63))
          .singleElement()
          .satisfies(
              r -> assertThat(r.requestId()).isEqualTo(gateway.requests(62).get(0).requestId()));
    }
  }

  @Test
  void aLostConnectionFailsThePendingRequestAsTransport() {
    // Given
    gateway.onRequest(61, (request, session) -> session.disconnect());
    try (TwsSession session = connect(1)) {
      // When / Then
      assertThatThrownBy(() -> session.positions(Duration.ofSeconds(2)))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("TWS closed the connection");
      assertThat(session.isOpen()).isFalse();
      assertThatThrownBy(() -> session.positions(SHORT))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("not connected");
    }
  }

  @Test
  void anUnknownMessageIdClosesTheSessionWithATypedError() {
    assertBadFrame("999|1|x|".replace('|', '\0'), "TwsFrame", "msgId", "unknown message id 999");
  }

  @Test
  void aNonNumericNumberFieldClosesTheSessionNamingMessageAndField() {
    assertBadFrame(
        "61|3|DU1234567|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|100|abc|".replace('|', '\0'),
        "POSITION",
        "avgCost",
        "'abc'");
  }

  @Test
  void aFrameOfAbsurdLengthClosesTheSession() {
    assertBadBytes(HexFormat.of().parseHex("7fffffff3631"), "TwsFrame", "length", "2147483647");
  }

  @Test
  void aFrameCutByTheSocketClosingNamesTheMissingField() {
    // a POSITION of 69 bytes of which 20 arrive before the gateway hangs up
    byte[] whole =
        frame(
            "61|3|DU1234567|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|100|150.25|"
                .replace('|', '\0'));
    byte[] cut = java.util.Arrays.copyOf(whole, 24);
    assertBadBytes(cut, "POSITION", "conId", "truncated");
  }

  private void assertBadFrame(String payload, String record, String field, String text) {
    assertBadBytes(frame(payload), record, field, text);
  }

  private void assertBadBytes(byte[] bytes, String record, String field, String text) {
    // Given a gateway that answers REQ_POSITIONS with these bytes and hangs up
    gateway.onRequest(
        61,
        (request, session) -> {
          session.sendRaw(bytes);
          session.disconnect();
        });
    try (TwsSession session = connect(1)) {
      // When / Then
      assertThatThrownBy(() -> session.positions(Duration.ofSeconds(2)))
          .isInstanceOfSatisfying(
              DataValidationException.class,
              e -> {
                assertThat(e.recordType()).isEqualTo(record);
                assertThat(e.field()).isEqualTo(field);
              })
          .hasMessageContaining(text);
      assertThat(session.isOpen()).isFalse();
      assertThat(session.failure()).isInstanceOf(DataValidationException.class);
    }
  }

  private static byte[] frame(String payload) {
    byte[] body = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + 4];
    out[0] = (byte) (body.length >>> 24);
    out[1] = (byte) (body.length >>> 16);
    out[2] = (byte) (body.length >>> 8);
    out[3] = (byte) body.length;
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  @Test
  void closeIsIdempotentAndFailsWhatIsPending() throws Exception {
    // Given a request nobody answers
    gateway.silence(16);
    TwsSession session = connect(1);
    CompletableFuture<Object> pending =
        CompletableFuture.supplyAsync(() -> session.allOpenOrders(Duration.ofSeconds(5)));
    while (gateway.requests(16).isEmpty()) {
      Thread.onSpinWait();
    }

    // When
    session.close();
    session.close();

    // Then
    assertThat(pending)
        .failsWithin(Duration.ofSeconds(2))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(TransportException.class);
    assertThat(session.isOpen()).isFalse();
  }

  @Test
  void positionsOfEveryAccountArriveUntilTheirEnd() {
    gateway.position("DU1234567", AAPL, "100", "150.25").position("DU7654321", AAPL, "-5", "151");
    try (TwsSession session = connect(1)) {
      assertThat(session.positions(SHORT))
          .extracting(p -> p.account() + ":" + p.position())
          .containsExactly("DU1234567:100", "DU7654321:-5");
    }
  }
}
