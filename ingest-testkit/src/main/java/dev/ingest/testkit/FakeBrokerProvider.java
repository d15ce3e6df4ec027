package dev.ingest.testkit;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.spi.BrokerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Broker provider {@code "fake"}. Settings: {@code account} (required), and optionally {@code
 * fixture}, a class-path resource or file holding a {@link BrokerFixture} JSON to start from.
 *
 * @since 0.1
 */
public final class FakeBrokerProvider implements BrokerProvider {
  @Override
  public String name() {
    return "fake";
  }

  @Override
  public BrokerApi open(Settings settings) {
    AccountId account = AccountId.of(settings.require("account"));
    if (!settings.has("fixture")) {
      return FakeBrokerApi.forAccount(account);
    }
    String fixture = settings.require("fixture");
    try (InputStream in = openFixture(fixture)) {
      FakeBrokerApi broker = FakeBrokerApi.fromJson(in);
      if (!broker.account().equals(account)) {
        broker.close();
        throw new ConfigurationException(
            "fake",
            "fixture",
            "fixture " + fixture + " is for account " + broker.account() + ", not " + account);
      }
      return broker;
    } catch (IOException e) {
      throw new ConfigurationException(
          "fake", "fixture", "cannot read fixture " + fixture + ": " + e.getMessage());
    }
  }

  private static InputStream openFixture(String fixture) throws IOException {
    InputStream resource = FakeBrokerProvider.class.getClassLoader().getResourceAsStream(fixture);
    if (resource != null) {
      return resource;
    }
    Path file = Path.of(fixture);
    if (Files.isRegularFile(file)) {
      return Files.newInputStream(file);
    }
    throw new ConfigurationException(
        "fake", "fixture", "no class-path resource or file named " + fixture);
  }
}
