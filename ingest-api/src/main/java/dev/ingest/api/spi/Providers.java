package dev.ingest.api.spi;

import dev.ingest.api.error.ConfigurationException;
import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers on the class path by name, once, in the composition root:
 *
 * <pre>{@code
 * try (BrokerApi broker = Providers.broker("alpaca").open(settings)) { ... }
 * }</pre>
 *
 * <p>is the same as {@code new AlpacaBrokerProvider().open(settings)}. An unknown name fails with
 * the known ones ({@code unknown broker 'alpacca'; known: alpaca, fake, ibkr}); two providers with
 * one name fail rather than guess. A provider that cannot be loaded is logged and skipped.
 * Thread-safe; loads afresh on each call.
 *
 * @since 0.1
 */
public final class Providers {
  private static final Logger log = LoggerFactory.getLogger(Providers.class);

  private Providers() {}

  public static BrokerProvider broker(String name) {
    return broker(name, Providers.class.getClassLoader());
  }

  public static BrokerProvider broker(String name, ClassLoader loader) {
    return byName("broker", name, load(BrokerProvider.class, loader), BrokerProvider::name);
  }

  public static HistoricalAdapterProvider historicalAdapter(String name) {
    return historicalAdapter(name, Providers.class.getClassLoader());
  }

  public static HistoricalAdapterProvider historicalAdapter(String name, ClassLoader loader) {
    return byName(
        "historical adapter",
        name,
        load(HistoricalAdapterProvider.class, loader),
        HistoricalAdapterProvider::name);
  }

  public static StoreProvider store(URI url) {
    return store(url, Providers.class.getClassLoader());
  }

  /** The one store provider that accepts {@code url}. */
  public static StoreProvider store(URI url, ClassLoader loader) {
    List<StoreProvider> all = load(StoreProvider.class, loader);
    List<StoreProvider> accepting = all.stream().filter(p -> p.accepts(url)).toList();
    String scheme = url.getScheme() + ":";
    if (accepting.isEmpty()) {
      throw new ConfigurationException(
          "url",
          "no store accepts '"
              + scheme
              + "' URLs; known stores: "
              + names(all, StoreProvider::name));
    }
    if (accepting.size() > 1) {
      throw new ConfigurationException(
          "url",
          "several stores accept '" + scheme + "' URLs: " + names(accepting, StoreProvider::name));
    }
    return accepting.get(0);
  }

  /** The names of every loadable broker provider, sorted. */
  public static List<String> brokerNames() {
    return load(BrokerProvider.class, Providers.class.getClassLoader()).stream()
        .map(BrokerProvider::name)
        .sorted()
        .toList();
  }

  private static <P> P byName(String kind, String name, List<P> all, Function<P, String> nameOf) {
    List<P> matching = all.stream().filter(p -> nameOf.apply(p).equals(name)).toList();
    if (matching.isEmpty()) {
      throw new ConfigurationException(
          kind, "unknown " + kind + " '" + name + "'; known: " + names(all, nameOf));
    }
    if (matching.size() > 1) {
      throw new ConfigurationException(
          kind,
          "two "
              + kind
              + " providers are named '"
              + name
              + "': "
              + matching.stream()
                  .map(p -> p.getClass().getName())
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return matching.get(0);
  }

  private static <P> String names(List<P> providers, Function<P, String> nameOf) {
    String names = providers.stream().map(nameOf).sorted().collect(Collectors.joining(", "));
    return names.isEmpty() ? "(none on the class path)" : names;
  }

  private static <P> List<P> load(Class<P> type, ClassLoader loader) {
    java.util.ArrayList<P> found = new java.util.ArrayList<>();
    var iterator = ServiceLoader.load(type, loader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        found.add(iterator.next());
      } catch (java.util.ServiceConfigurationError e) {
        log.warn("skipping provider that failed to load type={}", type.getSimpleName(), e);
      }
    }
    return found;
  }
}
