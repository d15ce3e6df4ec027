package dev.ingest.api.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PricesTest {

  @Test
  void fixedPointConvertsToAnExactDecimal() {
    assertThat(Prices.toDecimal(4_521_250_000_000L).toPlainString()).isEqualTo("4521.25");
    assertThat(Prices.toDecimal(1L).toPlainString()).isEqualTo("0.000000001");
    assertThat(Prices.toDecimal(-2_500_000_000L).toPlainString()).isEqualTo("-2.5");
    assertThat(Prices.fromDecimal(new BigDecimal("4521.250"), "p")).isEqualTo(4_521_250_000_000L);
  }

  @Test
  void moreThanNineDecimalsIsAnErrorNotARounding() {
    assertThatThrownBy(() -> Prices.fromDecimal(new BigDecimal("0.0000000001"), "Quote.bidPrice"))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("Quote.bidPrice");
  }

  @Test
  void brokerNoPriceValuesBecomeUndefined() {
    assertThat(Prices.fromDouble(Double.NaN)).isEqualTo(Prices.UNDEFINED);
    assertThat(Prices.fromDouble(Double.POSITIVE_INFINITY)).isEqualTo(Prices.UNDEFINED);
    assertThat(Prices.fromDouble(Double.MAX_VALUE)).isEqualTo(Prices.UNDEFINED);
    assertThat(Prices.fromDouble(512.11)).isEqualTo(512_110_000_000L);
    assertThat(Prices.toPlainString(Prices.UNDEFINED)).isNull();
  }

  @Test
  void midAndSpreadAreUndefinedWhenASideIsEmpty() {
    Symbol spy = Symbol.of("SPY");
    Instant t = Instant.parse("2024-03-01T14:30:00Z");
    Nbbo twoSided = new Nbbo(spy, t, 512_110_000_000L, 300, "ARCA", 512_130_000_000L, 200, "NSDQ");
    Nbbo oneSided = new Nbbo(spy, t, Prices.UNDEFINED, 0, null, 512_130_000_000L, 200, "NSDQ");

    assertThat(Prices.toDecimal(twoSided.mid()).toPlainString()).isEqualTo("512.12");
    assertThat(Prices.toDecimal(twoSided.spread()).toPlainString()).isEqualTo("0.02");
    assertThat(twoSided.spreadBps()).isCloseTo(0.3905, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(oneSided.mid()).isEqualTo(Prices.UNDEFINED);
    assertThat(oneSided.spreadBps()).isNaN();
  }

  @Test
  void aCrossedBookOrderIsRejected() {
    assertThatThrownBy(
            () ->
                new OrderBook(
                    Symbol.of("SPY"),
                    "ARCA",
                    Instant.EPOCH,
                    java.util.List.of(new BookLevel(1_000, 1, null), new BookLevel(2_000, 1, null)),
                    java.util.List.of()))
        .hasMessageContaining("OrderBook.bids");
  }
}
