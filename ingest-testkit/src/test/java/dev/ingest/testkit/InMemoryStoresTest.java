package dev.ingest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.InstrumentStore;
import dev.ingest.api.store.MarketDataSink;
import dev.ingest.api.store.RawDataLake;
import dev.ingest.testkit.contract.BrokerRecordStoreContract;
import dev.ingest.testkit.contract.InstrumentStoreContract;
import dev.ingest.testkit.contract.MarketDataSinkContract;
import dev.ingest.testkit.contract.RawDataLakeContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The in-memory stores pass the same contracts as the real ones. */
class InMemoryStoresTest {

  @Nested
  class BrokerRecords extends BrokerRecordStoreContract {
    @Override
    protected BrokerRecordStore createStore() {
      return new InMemoryBrokerRecordStore();
    }

    @Override
    protected int concurrentSyncs() {
      return 8;
    }
  }

  @Nested
  class Instruments extends InstrumentStoreContract {
    @Override
    protected InstrumentStore createStore() {
      return new InMemoryInstrumentStore();
    }
  }

  @Nested
  class RawLake extends RawDataLakeContract {
    @Override
    protected RawDataLake createLake() {
      return new InMemoryRawDataLake();
    }
  }

  @Nested
  class MarketData extends MarketDataSinkContract {
    @Override
    protected MarketDataSink createSink() {
      return new InMemoryMarketDataSink();
    }

    @Test
    void replacingAChainNotifiesSubscribers() {
      InMemoryMarketDataSink memory = (InMemoryMarketDataSink) sink;
      List<Symbol> notified = new ArrayList<>();
      memory.onChainReplaced(notified::add);

      memory.writeOptionChain(chain(SPY, 2));

      assertThat(notified).containsExactly(SPY);
    }
  }
}
