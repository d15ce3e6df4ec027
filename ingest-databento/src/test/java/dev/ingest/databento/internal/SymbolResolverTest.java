package dev.ingest.databento.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.model.Symbol;
import dev.ingest.databento.DbnMetadata;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolResolverTest {
  private static final long DAY = 86_400_000_000_000L;

  @Test
  void aContinuousSymbolMapsToADifferentInstrumentEachRollPeriod() {
    // Given ES.c.0 standing for instrument 1 until 2024-03-15 and for instrument 2 after
    DbnMetadata metadata =
        new DbnMetadata(
            3,
            "GLBX.MDP3",
            "ohlcv-1d",
            Instant.EPOCH,
            null,
            null,
            "continuous",
            "instrument_id",
            false,
            71,
            List.of("ES.c.0"),
            List.of(),
            List.of(),
            List.of(
                new DbnMetadata.SymbolMapping(
                    "ES.c.0",
                    List.of(
                        new DbnMetadata.MappingInterval(
                            LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-15"), "1"),
                        new DbnMetadata.MappingInterval(
                            LocalDate.parse("2024-03-15"), LocalDate.parse("2024-06-15"), "2")))));
    SymbolResolver resolver = SymbolResolver.of(metadata);
    long march14 = LocalDate.parse("2024-03-14").toEpochDay() * DAY;
    long march15 = LocalDate.parse("2024-03-15").toEpochDay() * DAY;

    // Then each instrument is named on its own days only, by the UTC date
    assertThat(resolver.resolve(1, march14 + DAY - 1).text()).isEqualTo("ES.c.0");
    assertThat(resolver.resolve(1, march15).text()).isNull();
    assertThat(resolver.resolve(1, march15).symbol()).isEqualTo(Symbol.of("1"));
    assertThat(resolver.resolve(2, march15).text()).isEqualTo("ES.c.0");
    assertThat(resolver.resolve(2, march14).text()).isNull();
  }

  @Test
  void symbolMappingRecordsTakePrecedence() {
    SymbolResolver resolver = new SymbolResolver();
    assertThat(resolver.resolve(7, 0).symbol()).isEqualTo(Symbol.of("7"));

    resolver.onMapping(7, "ESZ4");

    assertThat(resolver.resolve(7, 0).text()).isEqualTo("ESZ4");
  }

  @Test
  void textOutsideTheSymbolAlphabetBecomesASafeSymbol() {
    assertThat(SymbolResolver.toSymbol("BRN FMJ0024!", 5)).isEqualTo(Symbol.of("BRNFMJ0024_"));
    assertThat(SymbolResolver.toSymbol("AAPL  250221C00250000", 5))
        .isEqualTo(Symbol.of("AAPL250221C00250000"));
    assertThat(SymbolResolver.toSymbol("   ", 5)).isEqualTo(Symbol.of("5"));
    assertThat(SymbolResolver.toSymbol("x".repeat(80), 5).value()).hasSize(48);
  }
}
