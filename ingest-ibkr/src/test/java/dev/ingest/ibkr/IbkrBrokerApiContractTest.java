package dev.ingest.ibkr;

import dev.ingest.api.BrokerApi;
import dev.ingest.testkit.contract.BrokerApiContract;
import dev.ingest.testkit.tws.FakeTwsGateway;
import org.junit.jupiter.api.AfterEach;

/** IbkrBrokerApi keeps every promise of a BrokerApi, over a socket to the fake gateway. */
class IbkrBrokerApiContractTest extends BrokerApiContract {
  private FakeTwsGateway gateway;

  @Override
  protected BrokerApi openBroker() {
    gateway = TwsScenario.gateway();
    return IbkrBrokerApi.connect(TwsScenario.config(gateway));
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }
}
