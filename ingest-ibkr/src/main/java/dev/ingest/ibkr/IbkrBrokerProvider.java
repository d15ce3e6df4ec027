package dev.ingest.ibkr;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.config.Settings;
import dev.ingest.api.spi.BrokerProvider;

/**
 * The {@code "ibkr"} broker provider: {@link #open} reads an {@link IbkrConfig} from the settings
 * and connects an {@link IbkrBrokerApi}. The caller closes what it returns. Stateless; the no-arg
 * constructor does nothing.
 *
 * @since 0.1
 */
public final class IbkrBrokerProvider implements BrokerProvider {

  public IbkrBrokerProvider() {}

  @Override
  public String name() {
    return "ibkr";
  }

  @Override
  public BrokerApi open(Settings settings) {
    return IbkrBrokerApi.connect(IbkrConfig.from(settings));
  }
}
