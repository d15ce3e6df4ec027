package dev.ingest.store.jdbc;

import dev.ingest.api.config.Secret;
import dev.ingest.api.config.Settings;
import dev.ingest.api.spi.Store;
import dev.ingest.api.spi.StoreProvider;
import java.net.URI;

/**
 * Store provider {@code "jdbc"} for {@code jdbc:sqlite:} and {@code jdbc:postgresql:} URLs. Opens a
 * {@link JdbcStore} configured by {@link JdbcStoreConfig#from(Settings)}, plus {@code user} and
 * {@code password_env_var} (the name of the environment variable holding the password). Stateless;
 * the caller closes the store it returns.
 *
 * @since 0.1
 */
public final class JdbcStoreProvider implements StoreProvider {
  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public boolean accepts(URI url) {
    String text = url.toString();
    return text.startsWith("jdbc:sqlite:") || text.startsWith("jdbc:postgresql:");
  }

  @Override
  public Store open(URI url, Settings settings) {
    Secret password =
        settings.has("password_env_var") ? settings.secretFromEnv("password_env_var") : null;
    return JdbcStore.open(
        url.toString(),
        JdbcStoreConfig.from(settings),
        settings.optional("user").orElse(null),
        password);
  }
}
