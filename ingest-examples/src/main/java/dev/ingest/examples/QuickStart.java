package dev.ingest.examples;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.config.Settings;
import dev.ingest.api.spi.Providers;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.sync.AccountSync;
import dev.ingest.api.sync.OrdersSync;
import dev.ingest.testkit.InMemoryBrokerRecordStore;
import java.util.Map;

/**
 * The README's composition root: a broker chosen by name, a store, a sync. In production the name
 * is {@code "ibkr"} or {@code "alpaca"} and the store a JDBC one; nothing else changes.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    // region quickstart
    Settings settings =
        Settings.of(Map.of("account", "U1234567", "fixture", "fixtures/u1234567.json"));
    BrokerRecordStore store = new InMemoryBrokerRecordStore();
    try (BrokerApi broker = Providers.broker("fake").open(settings)) {
      System.out.println("orders: " + OrdersSync.sync(broker, broker.account(), store));
      // orders: created=1, updated=0, unchanged=0, total=1
      System.out.println("all:    " + AccountSync.sync(broker, broker.account(), store).total());
      // all:    created=2, updated=0, unchanged=1, total=3
    }
    // endregion quickstart
  }
}
