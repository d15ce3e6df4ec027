package dev.ingest.testkit;

import dev.ingest.api.config.Settings;
import dev.ingest.api.spi.Store;
import dev.ingest.api.spi.StoreProvider;
import java.net.URI;

/**
 * Store provider {@code "memory"} for {@code mem:} URLs ({@code mem:test}); each open is a new,
 * empty store.
 *
 * @since 0.1
 */
public final class InMemoryStoreProvider implements StoreProvider {
  @Override
  public String name() {
    return "memory";
  }

  @Override
  public boolean accepts(URI url) {
    return "mem".equals(url.getScheme());
  }

  @Override
  public Store open(URI url, Settings settings) {
    return new InMemoryStore();
  }
}
