package dev.ingest.ibkr;

import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsContract;

/** Lets the cross-check (another package) use the scenario account. */
public final class TwsScenarioAccess {
  private TwsScenarioAccess() {}

  public static FakeTwsGateway gateway() {
    return TwsScenario.gateway();
  }

  public static TwsContract aapl() {
    return TwsScenario.AAPL.withExchange("SMART");
  }
}
