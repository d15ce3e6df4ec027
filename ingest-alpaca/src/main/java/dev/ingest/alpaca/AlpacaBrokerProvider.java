package dev.ingest.alpaca;

import dev.ingest.api.Beta;
import dev.ingest.api.BrokerApi;
import dev.ingest.api.config.Settings;
import dev.ingest.api.spi.BrokerProvider;

/**
 * Broker provider {@code "alpaca"}: opens an {@link AlpacaBrokerApi} from the settings {@link
 * AlpacaConfig#from} reads. Stateless; the constructor does no work. The caller closes what {@link
 * #open} returns.
 *
 * @since 0.1
 */
@Beta
public final class AlpacaBrokerProvider implements BrokerProvider {
  public static final String NAME = "alpaca";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BrokerApi open(Settings settings) {
    return AlpacaBrokerApi.open(AlpacaConfig.from(settings));
  }
}
