package dev.ingest.api.spi;

import dev.ingest.api.BaseAdapter;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.Settings;

/**
 * Creates {@link BaseAdapter}s for one historical source ({@code "databento"}). Stateless, named,
 * registered in {@code META-INF/services/dev.ingest.api.spi.HistoricalAdapterProvider}.
 *
 * @since 0.1
 */
public interface HistoricalAdapterProvider {
  String name();

  /** A new adapter, not yet connected. */
  BaseAdapter open(Settings settings, IngestListener listener);
}
