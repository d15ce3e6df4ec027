package dev.ingest.api;

import dev.ingest.api.market.MarketRecord;
import java.util.stream.Stream;

/**
 * A historical data source (seed 004): Databento, and where it fits Alpha Vantage or IBKR history.
 *
 * <pre>{@code
 * try (BaseAdapter adapter = Providers.historicalAdapter("databento").open(settings);
 *     Stream<MarketRecord> records = adapter.fetchHistoricalData(job)) {
 *   records.forEach(sink::accept);
 * }
 * }</pre>
 *
 * <p>{@link #fetchHistoricalData} is lazy: it fetches chunk after chunk as the stream is consumed
 * and never holds a whole range in memory. Close the stream to stop early and release the open
 * response. Not thread-safe; confine an adapter to one thread.
 *
 * @since 0.1
 */
public interface BaseAdapter extends AutoCloseable {

  /** The provider name, e.g. {@code "databento"}. */
  String name();

  /**
   * Checks the configuration without touching the network.
   *
   * @throws dev.ingest.api.error.ConfigurationException naming the bad key
   */
  void validateConfig();

  /**
   * Validates the configuration and checks the credentials with the provider, downloading no data.
   * Fetching without calling it first connects implicitly.
   */
  void connect();

  /**
   * Streams the job's records in time order, chunk by chunk. Transient failures are retried by the
   * configured policy and resume after the last record emitted, so none is lost or repeated. The
   * stream must be closed.
   */
  Stream<MarketRecord> fetchHistoricalData(HistoricalJob job);

  /** Releases connections. Idempotent. */
  void disconnect();

  @Override
  default void close() {
    disconnect();
  }
}
