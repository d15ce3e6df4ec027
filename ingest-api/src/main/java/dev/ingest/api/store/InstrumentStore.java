package dev.ingest.api.store;

import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.Symbol;
import java.util.Optional;

/**
 * The instrument port of seed 003. Two kinds implement it: a local one that persists (the JDBC and
 * in-memory stores), and a provider-backed one (the IBKR instrument repository) that resolves a
 * symbol with the broker, builds the {@link Instrument} directly and delegates persistence to a
 * local one. Services depend on this interface only; the composition root picks which.
 *
 * <p>Implementations are thread-safe: concurrent {@code getOrCreate} calls for one symbol create it
 * once.
 *
 * @since 0.1
 */
public interface InstrumentStore {

  /**
   * The instrument for {@code symbol}, creating it if unknown. A local store knows nothing of the
   * market, so it creates a US-dollar stock; a provider-backed store resolves the symbol with the
   * provider first.
   */
  Instrument getOrCreate(Symbol symbol);

  /**
   * Persists {@code instrument} unless one with the same {@link Instrument#key()} is stored, and
   * returns the stored one (seed 003's {@code get_or_create_entity}). This is how a provider-backed
   * port delegates persistence.
   */
  Instrument getOrCreate(Instrument instrument);

  /** The stored instrument with this symbol; with several (an option root), the first stored. */
  Optional<Instrument> getBySymbol(Symbol symbol);

  /** The stored instrument with this {@link Instrument#key()}. */
  Optional<Instrument> getByKey(String key);
}
