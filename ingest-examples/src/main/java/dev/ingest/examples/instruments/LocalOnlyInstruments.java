package dev.ingest.examples.instruments;

import dev.ingest.api.store.InstrumentStore;
import dev.ingest.testkit.InMemoryInstrumentStore;
import java.io.PrintStream;

/**
 * Seed 003 section 5, local-only configuration: the service gets the local repository itself. It
 * knows nothing of the market, so a new symbol becomes a plain US-dollar stock.
 *
 * <pre>
 * AAPL STOCK USD x1
 * </pre>
 */
public final class LocalOnlyInstruments {
  private LocalOnlyInstruments() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static InstrumentService run(PrintStream out) {
    // the composition root: the one place that chooses the implementation
    InstrumentStore local = new InMemoryInstrumentStore(); // a JDBC instrument store in production
    InstrumentService service = new InstrumentService(local);

    out.println(InstrumentService.describe(service.instrument("AAPL")));
    return service;
  }
}
