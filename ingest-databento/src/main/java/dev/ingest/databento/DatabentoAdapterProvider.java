package dev.ingest.databento;

import dev.ingest.api.BaseAdapter;
import dev.ingest.api.Beta;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.Settings;
import dev.ingest.api.spi.HistoricalAdapterProvider;

/**
 * Registers {@link DatabentoHistoricalAdapter} as historical adapter {@code "databento"}: {@code
 * Providers.historicalAdapter("databento").open(settings, listener)}. Stateless; the no-arg
 * constructor does no work.
 *
 * @since 0.1
 */
@Beta
public final class DatabentoAdapterProvider implements HistoricalAdapterProvider {

  public DatabentoAdapterProvider() {}

  @Override
  public String name() {
    return DatabentoHistoricalAdapter.NAME;
  }

  /** A new adapter, not connected; the caller closes it. */
  @Override
  public BaseAdapter open(Settings settings, IngestListener listener) {
    return new DatabentoHistoricalAdapter(settings, listener);
  }
}
