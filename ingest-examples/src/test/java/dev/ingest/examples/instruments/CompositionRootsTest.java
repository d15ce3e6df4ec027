package dev.ingest.examples.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.ibkr.IbkrConfig;
import dev.ingest.testkit.tws.FakeTwsGateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 003 section 5: one service, two composition roots, each printing what its javadoc says. */
class CompositionRootsTest {

  @Test
  void theIbkrBackedRootResolvesEachSymbolThroughContractDetails() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (FakeTwsGateway tws = IbkrBackedInstruments.demoGateway()) {
      IbkrBackedInstruments.run(
          IbkrConfig.of(tws.host(), tws.port(), 0),
          List.of("AAPL", "ESZ6", "SPY260320C00600000"),
          new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "AAPL STOCK USD con=265598 on NASDAQ x1",
            "ESZ6 INDEX_FUTURE USD con=649180695 on CME expires 2026-12-18 x50",
            "SPY260320C00600000 OPTION USD con=512345678 on SMART expires 2026-03-20 x100");
  }

  @Test
  void theLocalOnlyRootCreatesWhatItHasNotSeen() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    LocalOnlyInstruments.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("AAPL STOCK USD x1");
  }
}
