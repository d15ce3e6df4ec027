package dev.ingest.api.spi;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.config.Settings;

/**
 * Opens {@link BrokerApi} connections for one broker. A stateless factory with a stable lower-case
 * name ({@code "ibkr"}, {@code "alpaca"}, {@code "fake"}), registered in {@code
 * META-INF/services/dev.ingest.api.spi.BrokerProvider}, with a public no-arg constructor that does
 * no work. The caller closes what {@link #open} returns.
 *
 * @since 0.1
 */
public interface BrokerProvider {
  String name();

  /**
   * @throws dev.ingest.api.error.ConfigurationException naming the bad key
   */
  BrokerApi open(Settings settings);
}
