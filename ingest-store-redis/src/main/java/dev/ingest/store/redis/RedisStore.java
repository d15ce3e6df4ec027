package dev.ingest.store.redis;

import dev.ingest.api.spi.Store;
import dev.ingest.api.store.MarketDataSink;
import java.util.Optional;

/** A Redis store as {@link RedisStoreProvider} opens it: the market-data sink and its client. */
final class RedisStore implements Store {
  private final RedisMarketDataSink sink;

  RedisStore(RedisMarketDataSink sink) {
    this.sink = sink;
  }

  @Override
  public Optional<MarketDataSink> marketData() {
    return Optional.of(sink);
  }

  /** Flushes the sink and closes the client. Idempotent. */
  @Override
  public void close() {
    sink.close();
  }

  @Override
  public String toString() {
    return "RedisStore[" + sink + "]";
  }
}
