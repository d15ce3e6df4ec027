package dev.ingest.api.spi;

import dev.ingest.api.IngestListener;
import dev.ingest.api.config.Settings;
import java.net.URI;

/**
 * Opens stores for the URLs it {@link #accepts} ({@code jdbc:sqlite:}, {@code jdbc:postgresql:},
 * {@code redis://}). Stateless, named, registered in {@code
 * META-INF/services/dev.ingest.api.spi.StoreProvider}. Exactly one registered provider must accept
 * a URL.
 *
 * @since 0.1
 */
public interface StoreProvider {
  String name();

  boolean accepts(URI url);

  Store open(URI url, Settings settings);

  /**
   * As {@link #open(URI, Settings)}, with a listener for the store's retries and failures (a
   * market-data sink reports dropped writes there, since it never throws into the caller). The
   * default ignores the listener.
   */
  default Store open(URI url, Settings settings, IngestListener listener) {
    return open(url, settings);
  }
}
