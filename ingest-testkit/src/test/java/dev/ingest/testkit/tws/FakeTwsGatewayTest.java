package dev.ingest.testkit.tws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway checked byte for byte against the TWS reference's captured frames, with a raw socket
 * client that knows nothing but framing.
 */
class FakeTwsGatewayTest {
  private static final HexFormat HEX = HexFormat.of();

  /** Reference §10.3: stoqey's first AAPL position. */
  private static final TwsContract AAPL =
      new TwsContract(265598, "AAPL", "STK", "", "0.0", "", "", "NASDAQ", "", "USD", "AAPL", "NMS");

  // the farm notices are checked once, in the greeting test; elsewhere they would be in the way
  private final FakeTwsGateway gateway = FakeTwsGateway.start().startupNotices(false);

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void theVersionAnswerIsTheReferenceBytes() throws Exception {
    try (RawTwsClient client = new RawTwsClient(gateway)) {
      // When
      client.sendHandshake("v100..193");

      // Then: reference §2.3 "00 00 00 1a | 193\0 | 20260115 10:30:00 EST\0"
      assertThat(HEX.formatHex(client.nextFrameBytes()))
          .isEqualTo("0000001a31393300" + HEX.formatHex("20260115 10:30:00 EST".getBytes()) + "00");
    }
  }

  @Test
  void theGreetingIsManagedAccountsThenNextValidIdThenTheFarmNotices() throws Exception {
    // Given
    gateway.managedAccounts("DU1234567", "DU7654321").nextValidId(1).startupNotices(true);

    try (RawTwsClient client = new RawTwsClient(gateway)) {
      // When
      client.sendHandshake("v100..193");
      client.next();
      client.send("71|2|7||");

      // Then: reference §10.3 bytes of MANAGED_ACCTS [25] and NEXT_VALID_ID [6]
      assertThat(HEX.formatHex(client.nextFrameBytes()))
          .isEqualTo("000000193135003100" + HEX.formatHex("DU1234567,DU7654321".getBytes()) + "00");
      assertThat(HEX.formatHex(client.nextFrameBytes())).isEqualTo("00000006390031003100");
      assertThat(client.nextN(3))
          .containsExactly(
              "4|2|-1|2104|Market data farm connection is OK:usfarm||",
              "4|2|-1|2106|HMDS data farm connection is OK:ushmds||",
              "4|2|-1|2158|Sec-def data farm connection is OK:secdefnj||");
    }
  }

  @Test
  void positionsAreTheReferenceFrames() throws Exception {
    // Given
    gateway.position("DU1234567", AAPL, "100", "150.25");

    try (RawTwsClient client = new RawTwsClient(gateway)) {
      client.connect(7);

      // When
      client.send("61|1|");

      // Then: reference §10.3, POSITION [69] then POSITION_END [5]
      assertThat(HEX.formatHex(client.nextFrameBytes()))
          .isEqualTo(
              ("00000045 3631003300 44553132333435363700 32363535393800 4141504c00 53544b00 00"
                      + " 302e3000 00 00 4e415344415100 55534400 4141504c00 4e4d5300 31303000"
                      + " 3135302e323500")
                  .replace(" ", ""));
      assertThat(client.next()).isEqualTo("62|1|");
    }
  }

  @Test
  void anOrderIsTheReferences141FieldOpenOrderThenItsStatus() throws Exception {
    // Given the TSLA order of reference §10.3
    TwsContract tsla =
        new TwsContract(
            76792991, "TSLA", "STK", "", "0", "", "", "SMART", "", "USD", "TSLA", "NMS");
    gateway.order(
        new TwsOrder(
            13,
            1376327563L,
            100,
            "DU1234567",
            tsla,
            "BUY",
            "100",
            "LMT",
            "196.5",
            "0.0",
            "DAY",
            "myRef",
            "Submitted",
            "0",
            "100",
            "0",
            "0"));

    try (RawTwsClient client = new RawTwsClient(gateway)) {
      client.connect(0);

      // When
      client.send("16|1|");

      // Then
      String e = GatewayMessages.UNSET_DOUBLE;
      String reference =
          ("5|13|76792991|TSLA|STK||0|?||SMART|USD|TSLA|NMS|BUY|100|LMT|196.5|0.0|DAY||DU1234567"
                  + "||0|myRef|100|1376327563|0|0|0||1376327563.0/DU1234567/100|||||||||0||-1|0|"
                  + "|||||2147483647|0|0|0||3|0|0||0|0||0|None||0||||?|0|0||0|0||||||0|0|0|"
                  + "2147483647|2147483647|||0||IB|0|0||0|0|Submitted|E|E|E|E|E|E|E|E|E||||||0|0|"
                  + "0|None|E|E|E|E|E|E|0|||||1|0|0|0|||0|2147483647|2147483647|||||0||0|||")
              .replace("E", e);
      assertThat(client.next()).isEqualTo(reference);
      assertThat(client.next()).isEqualTo("3|13|Submitted|0|100|0|1376327563|0|0|100||0|");
      assertThat(client.next()).isEqualTo("53|1|");
    }
  }

  @Test
  void contractDetailsForEsAreTheReferences363Bytes() throws Exception {
    // Given the ES future of reference §10.6
    gateway.contract(
        TwsContractDetails.future(
            TwsContract.future(649180695, "ES", "20261218", "ESZ6", "CME", "50"),
            "E-mini S&P 500",
            "08:30 US/Central",
            11004968,
            "IND"));

    try (RawTwsClient client = new RawTwsClient(gateway)) {
      client.connect(0);

      // When: stoqey's request of reference §10.6
      client.send("9|8|1001||ES|FUT|202612||||CME||USD|||||||");

      // Then
      byte[] frame = client.nextFrameBytes();
      assertThat(frame).hasSize(4 + 363);
      assertThat(new String(frame, 4, 363).replace('\0', '|'))
          .isEqualTo(
              "10|1001|ES|FUT|20261218 08:30 US/Central|20261218|0||CME|USD|ESZ6|ES|ES|649180695"
                  + "|0.25|50|ACTIVETIM,AD,ADJUST,ALERT,ALGO,LMT,MKT,STP,STPLMT,TRAIL|CME,QBALGO|1"
                  + "|11004968|E-mini S&P 500||202612||||US/Central"
                  + "|20260114:1700-20260115:1600;20260115:1700-20260116:1600"
                  + "|20260115:0830-20260115:1600;20260116:0830-20260116:1600|||0|2147483647|ES"
                  + "|IND|67,67|20261218||1|1|1|0|");
      assertThat(client.next()).isEqualTo("52|1|1001|");
    }
  }

  @Test
  void anUnknownContractIsError200AndNoEnd() throws Exception {
    try (RawTwsClient client = new RawTwsClient(gateway)) {
      client.connect(0);
      client.send("9|8|1002||ZZZZNONE|STK|||||SMART||USD|||||||");
      assertThat(client.next())
          .isEqualTo("4|2|1002|200|No security definition has been found for the request||");
    }
  }

  @Test
  void aSecondClientWithTheSameIdGets326AndIsDisconnected() throws Exception {
    try (RawTwsClient first = new RawTwsClient(gateway);
        RawTwsClient second = new RawTwsClient(gateway)) {
      first.connect(7);

      // When
      second.sendHandshake("v100..193");
      second.next();
      second.send("71|2|7||");

      // Then
      assertThat(second.next())
          .startsWith("4|2|-1|326|Unable to connect as the client id is already in use");
      org.junit.jupiter.api.Assertions.assertThrows(EOFException.class, second::next);
    }
  }

  @Test
  void anOldGatewayAnswersItsOwnVersion() throws Exception {
    gateway.serverVersion(176);
    try (RawTwsClient client = new RawTwsClient(gateway)) {
      client.sendHandshake("v100..193");
      assertThat(client.next()).startsWith("176|");
    }
  }

  @Test
  void executionsAreFilteredByAccountAndTimeAndCarryTheirCommission() throws Exception {
    // Given two fills on two accounts
    TwsOrder order = TwsOrder.market(1, 389211034L, "DU1", AAPL, "BUY", "1");
    gateway.execution(
        TwsExecution.fill(
            "0000e0d5.69dd7411.01.01",
            order,
            "20260413 15:27:04 US/Eastern",
            "IEX",
            "1",
            "257.95",
            "1.0"));
    gateway.execution(
        TwsExecution.fill(
            "0000e0d5.69dd7412.01.01",
            TwsOrder.market(2, 389211035L, "DU2", AAPL, "SELL", "1"),
            "20260413 15:28:00 US/Eastern",
            "IEX",
            "1",
            "258.00",
            "1.0"));

    try (RawTwsClient client = new RawTwsClient(gateway)) {
      client.connect(0);

      // When: account DU1, executions from 19:27:00 UTC (15:27 New York)
      client.send("7|3|102|0|DU1|20260413-19:27:00|||||");

      // Then
      assertThat(client.next())
          .isEqualTo(
              "11|102|1|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|0000e0d5.69dd7411.01.01"
                  + "|20260413 15:27:04 US/Eastern|DU1|IEX|BOT|1|257.95|389211034|0|0|1|257.95"
                  + "|||||2|0|");
      assertThat(client.next())
          .isEqualTo(
              "59|1|0000e0d5.69dd7411.01.01|1.0|USD|1.7976931348623157E308"
                  + "|1.7976931348623157E308||");
      assertThat(client.next()).isEqualTo("55|1|102|");
    }
  }

  @Test
  void aTranscriptIsReplayedWithWildcardsAndRequestFields() throws Exception {
    // Given
    TwsTranscript transcript =
        TwsTranscript.parse(
            """
            # a greeting of our own
            S: 15|1|DU111|
            S: 9|1|42|
            C: 62|1|*|All|*|
            S: 63|1|$2|DU111|NetLiquidation|100000.00|USD|
            S: 64|1|$2|
            C: 61|1|
            X:
            """);
    try (FakeTwsGateway replay = FakeTwsGateway.start(transcript);
        RawTwsClient client = new RawTwsClient(replay)) {
      // When
      List<String> greeting = client.connect(3);
      client.send("62|1|1073741824|All|NetLiquidation,TotalCashValue|");

      // Then
      assertThat(greeting).containsExactly("15|1|DU111|", "9|1|42|");
      assertThat(client.nextN(2))
          .containsExactly(
              "63|1|1073741824|DU111|NetLiquidation|100000.00|USD|", "64|1|1073741824|");
      client.send("61|1|");
      org.junit.jupiter.api.Assertions.assertThrows(EOFException.class, client::next);
    }
  }

  @Test
  void aRecordedConversationReadsBackAsTheSameTranscript() throws Exception {
    // Given
    gateway.startupNotices(false).position("DU1234567", AAPL, "100", "150.25");
    try (RawTwsClient client = new RawTwsClient(gateway)) {
      client.connect(1);
      client.send("61|1|");
      client.nextN(2);
    }

    // When
    TwsTranscript recorded = gateway.transcript();

    // Then
    assertThat(recorded.toString())
        .isEqualTo(
            "C: 71|2|1||\n"
                + "S: 15|1|DU1234567|\n"
                + "S: 9|1|1|\n"
                + "C: 61|1|\n"
                + "S: 61|3|DU1234567|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|100|150.25|\n"
                + "S: 62|1|\n");
    assertThat(TwsTranscript.parse(recorded.toString()).toString()).isEqualTo(recorded.toString());
    assertThat(gateway.requests(61)).hasSize(1);
  }
}
