package dev.ingest.testkit;

import dev.ingest.api.spi.Store;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.MarketDataSink;
import dev.ingest.api.store.RawDataLake;
import java.util.Optional;

/**
 * Every port in memory behind one {@link Store}, as opened by the {@code mem:} URL. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryStore implements Store {
  private final InMemoryBrokerRecordStore brokerRecords = new InMemoryBrokerRecordStore();
  private final InMemoryRawDataLake rawDataLake = new InMemoryRawDataLake();
  private final InMemoryMarketDataSink marketData = new InMemoryMarketDataSink();

  @Override
  public Optional<BrokerRecordStore> brokerRecords() {
    return Optional.of(brokerRecords);
  }

  @Override
  public Optional<RawDataLake> rawDataLake() {
    return Optional.of(rawDataLake);
  }

  @Override
  public Optional<MarketDataSink> marketData() {
    return Optional.of(marketData);
  }

  @Override
  public void close() {}
}
