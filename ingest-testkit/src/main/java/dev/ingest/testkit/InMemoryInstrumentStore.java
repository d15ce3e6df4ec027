package dev.ingest.testkit;

import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.InstrumentStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A local {@link InstrumentStore} in memory: the persistence half of seed 003's dual repository,
 * for tests and for composition roots that need no database. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryInstrumentStore implements InstrumentStore {
  private final Map<String, Instrument> byKey = new LinkedHashMap<>();

  @Override
  public synchronized Instrument getOrCreate(Symbol symbol) {
    return getBySymbol(symbol).orElseGet(() -> getOrCreate(Instrument.stock(symbol, "USD")));
  }

  @Override
  public synchronized Instrument getOrCreate(Instrument instrument) {
    return byKey.computeIfAbsent(instrument.key(), k -> instrument);
  }

  @Override
  public synchronized Optional<Instrument> getBySymbol(Symbol symbol) {
    return byKey.values().stream().filter(i -> i.symbol().equals(symbol)).findFirst();
  }

  @Override
  public synchronized Optional<Instrument> getByKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** How many instruments are stored. */
  public synchronized int size() {
    return byKey.size();
  }
}
