package dev.ingest.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {
  static final AccountId ACCOUNT = AccountId.of("U1234567");
  static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");

  static Execution fill(String quantity, String price) {
    return new Execution(
        ACCOUNT,
        "0000e0d5.6576e1f2.01.01",
        "1001",
        Instrument.stock("AAPL"),
        Side.BUY,
        new BigDecimal(quantity),
        new BigDecimal(price),
        T0,
        null,
        null,
        null);
  }

  @Test
  void decimalsThatDifferOnlyInScaleAreEqual() {
    assertThat(fill("100", "170.25")).isEqualTo(fill("100.000", "170.2500"));
    assertThat(fill("1E+2", "170.25").quantity().toPlainString()).isEqualTo("100");
    assertThat(fill("100", "0.000").price()).isEqualTo(BigDecimal.ZERO);
  }

  @Test
  void aNegativeQuantityIsRejectedNamingRecordAndField() {
    assertThatThrownBy(() -> fill("-3", "170.25"))
        .isInstanceOfSatisfying(
            DataValidationException.class,
            e -> {
              assertThat(e.recordType()).isEqualTo("Execution");
              assertThat(e.field()).isEqualTo("quantity");
            })
        .hasMessage("invalid Execution.quantity: must be > 0, was -3");
  }

  @Test
  void contextAddsTheProviderAndNaturalKeyWithoutLosingTheCause() {
    DataValidationException bare =
        new DataValidationException("Execution.price", "must be >= 0, was -1");

    DataValidationException withKey = bare.withContext("alpaca", "execId=abc");

    assertThat(withKey.provider()).isEqualTo("alpaca");
    assertThat(withKey.naturalKey()).isEqualTo("execId=abc");
    assertThat(withKey)
        .hasMessage("invalid Execution.price: must be >= 0, was -1 (execId=abc)")
        .hasCause(bare);
  }

  @Test
  void aHostileValueIsTruncatedInTheMessage() {
    String huge = "x".repeat(100_000);

    assertThatThrownBy(() -> Symbol.of(huge))
        .isInstanceOf(DataValidationException.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1_200));
  }

  @Test
  void symbolsThatWouldBreakAKeyAreRefused() {
    for (String bad : List.of("BRK B", "SPY:book", "SP*", "A?", "", "x\ny", "[A]")) {
      assertThatThrownBy(() -> Symbol.of(bad)).as(bad).isInstanceOf(DataValidationException.class);
    }
    assertThat(Symbol.of("BRK.B").value()).isEqualTo("BRK.B");
    assertThat(Symbol.of("ES.c.0").value()).isEqualTo("ES.c.0");
    assertThat(Symbol.of("BTC/USD").value()).isEqualTo("BTC/USD");
  }

  @Test
  void accountIdsAreSafeForSqlAndKeys() {
    assertThatThrownBy(() -> AccountId.of("U1; drop table x"))
        .isInstanceOf(DataValidationException.class);
    assertThat(AccountId.of("904837e3-3b76-47ec-b432-046db621571b").toString())
        .isEqualTo("904837e3-3b76-47ec-b432-046db621571b");
  }

  @Test
  void anOptionNeedsExpiryStrikeAndRight() {
    assertThatThrownBy(
            () ->
                new Instrument(
                    Symbol.of("AAPL240315C00180000"),
                    AssetClass.OPTION,
                    "USD",
                    null,
                    null,
                    BigDecimal.valueOf(100),
                    LocalDate.of(2024, 3, 15),
                    null,
                    OptionRight.CALL,
                    null))
        .hasMessageContaining("Instrument.strike");
    assertThatThrownBy(
            () ->
                new Instrument(
                    Symbol.of("AAPL"),
                    AssetClass.STOCK,
                    "USD",
                    null,
                    null,
                    BigDecimal.ONE,
                    null,
                    null,
                    OptionRight.PUT,
                    null))
        .hasMessageContaining("Instrument.right");
  }

  @Test
  void anInstrumentKeyPrefersTheContractIdAndIgnoresTheExchange() {
    Instrument aapl = Instrument.stock("AAPL").withConId(ConId.of(265598));

    assertThat(aapl.key()).isEqualTo("con:265598");
    assertThat(aapl.withExchange("NASDAQ").key()).isEqualTo(aapl.key());
    Instrument call =
        Instrument.usOption(
            Symbol.of("AAPL240315C00180000"),
            Symbol.of("AAPL"),
            LocalDate.of(2024, 3, 15),
            new BigDecimal("180.000"),
            OptionRight.CALL);
    assertThat(call.key()).isEqualTo("OPTION:AAPL240315C00180000:USD:2024-03-15:180:C");
  }

  @Test
  void anOrderCannotBeFilledBeyondItsQuantity() {
    assertThatThrownBy(() -> order(OrderStatus.FILLED, "101", T0))
        .hasMessageStartingWith("invalid Order.filledQuantity: must not exceed quantity 100");
  }

  @Test
  void collectionsAreCopiedAndNeverNull() {
    List<String> authors = new ArrayList<>(List.of("A"));
    var article =
        new dev.ingest.api.market.SentimentArticle(
            "t", "u", T0, "s", null, authors, BigDecimal.ONE, "Bullish", null);
    authors.add("B");

    assertThat(article.authors()).containsExactly("A");
    assertThat(article.tickers()).isEmpty();
    assertThatThrownBy(
            () ->
                new dev.ingest.api.market.OptionChain(
                    Symbol.of("SPY"),
                    T0,
                    Arrays.asList((dev.ingest.api.market.OptionContract) null)))
        .hasMessageContaining("OptionChain.contracts");
  }

  @Test
  void aFillCarriesItsAveragePriceWhileAStatusChangeKeepsIt() {
    Order filled =
        order(OrderStatus.SUBMITTED, "0", T0)
            .withFill(
                OrderStatus.FILLED,
                new BigDecimal("100"),
                new BigDecimal("170.2400"),
                T0.plusSeconds(1));

    assertThat(filled.averageFillPrice()).isEqualTo(new BigDecimal("170.24"));
    assertThat(
            filled
                .withStatus(OrderStatus.CANCELLED, filled.filledQuantity(), T0.plusSeconds(2))
                .averageFillPrice())
        .isEqualTo(new BigDecimal("170.24"));
  }

  static Order order(OrderStatus status, String filled, Instant updatedAt) {
    return new Order(
        ACCOUNT,
        "1001",
        null,
        Instrument.stock("AAPL"),
        Side.BUY,
        OrderType.LIMIT,
        new BigDecimal("100"),
        new BigDecimal(filled),
        new BigDecimal("170.25"),
        null,
        null,
        status,
        "DAY",
        null,
        updatedAt);
  }
}
