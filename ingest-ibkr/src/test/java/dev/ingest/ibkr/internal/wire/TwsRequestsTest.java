package dev.ingest.ibkr.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outgoing messages carry exactly the fields of reference §4, byte for byte. */
class TwsRequestsTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void theHandshakeIsTheReferenceBytes() {
    assertThat(HEX.formatHex(MessageWriter.handshake(100, 193, "")))
        .isEqualTo("4150490000000009763130302e2e313933");
  }

  @Test
  void startApiIsTheReferenceBytes() {
    // reference §10.3: [8] "71\0 2\0 7\0 \0"
    assertThat(HEX.formatHex(TwsRequests.startApi(7, ""))).isEqualTo("000000083731003200370000");
  }

  @Test
  void requestsHaveTheReferenceFields() {
    assertThat(WireText.fields(TwsRequests.reqPositions())).containsExactly("61", "1");
    assertThat(WireText.fields(TwsRequests.cancelPositions())).containsExactly("64", "1");
    assertThat(WireText.fields(TwsRequests.reqAllOpenOrders())).containsExactly("16", "1");
    assertThat(WireText.fields(TwsRequests.reqOpenOrders())).containsExactly("5", "1");
    assertThat(WireText.fields(TwsRequests.reqIds())).containsExactly("8", "1", "1");
    assertThat(WireText.fields(TwsRequests.reqManagedAccounts())).containsExactly("17", "1");
    assertThat(WireText.fields(TwsRequests.reqCurrentTime())).containsExactly("49", "1");
    assertThat(
            WireText.fields(
                TwsRequests.reqAccountSummary(101, "All", "NetLiquidation,AccountType")))
        .containsExactly("62", "1", "101", "All", "NetLiquidation,AccountType");
    assertThat(WireText.fields(TwsRequests.cancelAccountSummary(101)))
        .containsExactly("63", "1", "101");
    // stoqey's 7|3|102|0|||||| with the filter's seven fields
    assertThat(WireText.fields(TwsRequests.reqExecutions(102, ExecutionFilter.account(""))))
        .containsExactly("7", "3", "102", "0", "", "", "", "", "", "");
    assertThat(
            WireText.fields(
                TwsRequests.reqExecutions(
                    102, ExecutionFilter.account("DU1").since("20260115-14:30:00"))))
        .containsExactly("7", "3", "102", "0", "DU1", "20260115-14:30:00", "", "", "", "");
  }

  @Test
  void contractDataRequestsHaveNineteenFields() {
    // Given the ES query of reference §13.1
    ContractQuery es =
        ContractQuery.of("FUT")
            .withSymbol("ES")
            .withExpiry("202612")
            .withExchange("CME", "")
            .withCurrency("USD");

    // When
    List<String> fields = WireText.fields(TwsRequests.reqContractData(1001, es));

    // Then: as official Java sends it (conId 0, includeExpired 0)
    assertThat(fields)
        .containsExactly(
            "9", "8", "1001", "0", "ES", "FUT", "202612", "", "", "", "CME", "", "USD", "", "", "0",
            "", "", "");
  }

  @Test
  void anOptionQueryWritesItsStrikeInPlainNotation() {
    ContractQuery call =
        ContractQuery.of("OPT").withSymbol("AAPL").withExpiry("20240119").withStrike(190.0, "C");
    assertThat(WireText.fields(TwsRequests.reqContractData(5, call)).get(7)).isEqualTo("190");
    ContractQuery small = call.withStrike(0.0001, "C");
    assertThat(WireText.fields(TwsRequests.reqContractData(5, small)).get(7)).isEqualTo("0.0001");
  }

  @Test
  void nonAsciiTextIsRefusedNamingTheField() {
    assertThatThrownBy(
            () -> TwsRequests.reqContractData(1, ContractQuery.of("STK").withSymbol("ÄPPL")))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("REQ_CONTRACT_DATA.symbol");
    assertThatThrownBy(
            () -> TwsRequests.reqContractData(1, ContractQuery.of("STK").withSymbol("A\0B")))
        .isInstanceOf(DataValidationException.class);
  }
}
