package dev.ingest.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import org.junit.jupiter.api.Test;

/**
 * The registry refuses to guess: the test class path registers two providers named "twin" and one
 * named "solo" (see src/test/resources/META-INF/services).
 */
class ProvidersTest {

  @Test
  void aProviderIsFoundByItsName() {
    assertThat(Providers.broker("solo")).isInstanceOf(Solo.class);
  }

  @Test
  void twoProvidersWithOneNameFailRatherThanGuess() {
    assertThatThrownBy(() -> Providers.broker("twin"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("two broker providers are named 'twin'")
        .hasMessageContaining(TwinA.class.getName())
        .hasMessageContaining(TwinB.class.getName());
  }

  @Test
  void anUnknownNameListsTheKnownOnesSorted() {
    assertThatThrownBy(() -> Providers.broker("sollo"))
        .hasMessage("unknown broker 'sollo'; known: solo, twin, twin");
  }

  @Test
  void anUnknownHistoricalAdapterSaysNoneIsOnTheClassPath() {
    assertThatThrownBy(() -> Providers.historicalAdapter("databento"))
        .hasMessage("unknown historical adapter 'databento'; known: (none on the class path)");
  }

  public static class Solo implements BrokerProvider {
    @Override
    public String name() {
      return "solo";
    }

    @Override
    public BrokerApi open(Settings settings) {
      throw new UnsupportedOperationException("registry test only");
    }
  }

  public static class TwinA extends Solo {
    @Override
    public String name() {
      return "twin";
    }
  }

  public static class TwinB extends TwinA {}
}
