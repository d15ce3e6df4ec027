package dev.ingest.api.spi;

import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.InstrumentStore;
import dev.ingest.api.store.MarketDataSink;
import dev.ingest.api.store.RawDataLake;
import java.util.Optional;

/**
 * An opened store: the ports it offers over one set of connections. A JDBC store offers broker
 * records, instruments and the raw data lake; a Redis store the market-data sink. Whoever opens it
 * closes it; closing releases every port.
 *
 * @since 0.1
 */
public interface Store extends AutoCloseable {
  default Optional<BrokerRecordStore> brokerRecords() {
    return Optional.empty();
  }

  default Optional<InstrumentStore> instruments() {
    return brokerRecords().map(BrokerRecordStore::instruments);
  }

  default Optional<RawDataLake> rawDataLake() {
    return Optional.empty();
  }

  default Optional<MarketDataSink> marketData() {
    return Optional.empty();
  }

  /** Idempotent. */
  @Override
  void close();
}
