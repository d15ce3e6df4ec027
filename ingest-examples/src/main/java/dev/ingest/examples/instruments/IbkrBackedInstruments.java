package dev.ingest.examples.instruments;

import dev.ingest.api.store.InstrumentStore;
import dev.ingest.ibkr.IbkrConfig;
import dev.ingest.ibkr.IbkrConnection;
import dev.ingest.ibkr.IbkrInstrumentRepository;
import dev.ingest.testkit.InMemoryInstrumentStore;
import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsContract;
import dev.ingest.testkit.tws.TwsContractDetails;
import java.io.PrintStream;
import java.util.List;

/**
 * Seed 003 section 5, IBKR-backed configuration: the IBKR repository resolves symbols through TWS
 * contract details and hands the instruments it builds to the local repository to persist. The
 * service is the same class as in {@link LocalOnlyInstruments}.
 *
 * <p>Run it against TWS or IB Gateway with {@code host port clientId} as arguments; with none it
 * starts the testkit's fake gateway, so the demo runs anywhere:
 *
 * <pre>
 * AAPL STOCK USD con=265598 on NASDAQ x1
 * ESZ6 INDEX_FUTURE USD con=649180695 on CME expires 2026-12-18 x50
 * SPY260320C00600000 OPTION USD con=512345678 on SMART expires 2026-03-20 x100
 * </pre>
 */
public final class IbkrBackedInstruments {
  private IbkrBackedInstruments() {}

  public static void main(String[] args) {
    if (args.length == 3) {
      IbkrConfig config =
          IbkrConfig.of(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      run(config, List.of("AAPL", "ESZ6"), System.out);
      return;
    }
    try (FakeTwsGateway tws = demoGateway()) {
      run(
          IbkrConfig.of(tws.host(), tws.port(), 0),
          List.of("AAPL", "ESZ6", "SPY260320C00600000"),
          System.out);
    }
  }

  static void run(IbkrConfig config, List<String> symbols, PrintStream out) {
    // the composition root: the one place that chooses the implementation
    try (IbkrConnection tws = IbkrConnection.open(config)) {
      InstrumentStore local =
          new InMemoryInstrumentStore(); // a JDBC instrument store in production
      InstrumentStore ibkr = new IbkrInstrumentRepository(tws, local);
      InstrumentService service = new InstrumentService(ibkr);

      for (String symbol : symbols) {
        out.println(InstrumentService.describe(service.instrument(symbol)));
      }
    }
  }

  /** A fake TWS that knows AAPL, the December 2026 E-mini and one SPY call. */
  static FakeTwsGateway demoGateway() {
    TwsContract spyCall = TwsContract.option(512345678, "SPY", "20260320", "600", "C");
    return FakeTwsGateway.start()
        .contract(
            TwsContractDetails.stock(
                TwsContract.stock(265598, "AAPL", "NASDAQ"), "APPLE INC", "US0378331005"))
        .contract(
            TwsContractDetails.future(
                TwsContract.future(649180695, "ES", "20261218", "ESZ6", "CME", "50"),
                "E-mini S&P 500",
                "08:30 US/Central",
                11004968,
                "IND"))
        .contract(TwsContractDetails.option(spyCall, "SPDR S&P 500 ETF TRUST", 756733));
  }
}
