package dev.ingest.store.jdbc.internal;

import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.InstrumentStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;

/**
 * Seed 003's local instrument repository in the {@code instruments} table: one row per {@link
 * Instrument#key()}, the first stored description wins ({@code get_or_create_entity}). A stored
 * instrument never changes, so the ids and instruments this store has seen committed are kept in
 * memory and resolving them again costs no round trip. Thread-safe; concurrent {@code getOrCreate}
 * calls for one key, in any process, create one row ({@code INSERT ... ON CONFLICT DO NOTHING}).
 */
public final class JdbcInstrumentStore implements InstrumentStore {
  /** A stored instrument and its row id. */
  record Stored(long id, Instrument instrument) {}

  private final Storage storage;
  private final Readers readers;
  private final TableWriter<Instrument> writer;
  private final String byKeySql;
  private final String bySymbolSql;
  private final ConcurrentMap<String, Stored> committed = new ConcurrentHashMap<>();

  public JdbcInstrumentStore(Storage storage) {
    this.storage = storage;
    this.readers = new Readers(storage.dialect());
    this.writer = storage.writer(Tables.INSTRUMENTS);
    this.byKeySql = storage.sql().load("sql/select-instrument-by-key.sql");
    this.bySymbolSql = storage.sql().load("sql/select-instrument-by-symbol.sql");
  }

  @Override
  public Instrument getOrCreate(Symbol symbol) {
    return storage.write(
        "getOrCreateInstrument",
        tx ->
            bySymbol(tx.handle, symbol)
                .orElseGet(
                    () -> {
                      Instrument stock = Instrument.stock(symbol, "USD");
                      return resolve(tx, List.of(stock)).get(stock.key()).instrument();
                    }));
  }

  @Override
  public Instrument getOrCreate(Instrument instrument) {
    Stored known = committed.get(instrument.key());
    if (known != null) {
      return known.instrument();
    }
    return storage.write(
        "getOrCreateInstrument",
        tx -> resolve(tx, List.of(instrument)).get(instrument.key()).instrument());
  }

  @Override
  public Optional<Instrument> getBySymbol(Symbol symbol) {
    return storage.read("getInstrumentBySymbol", h -> bySymbol(h, symbol));
  }

  @Override
  public Optional<Instrument> getByKey(String key) {
    Stored known = committed.get(key);
    if (known != null) {
      return Optional.of(known.instrument());
    }
    return storage.read("getInstrumentByKey", h -> byKey(h, key)).map(Stored::instrument);
  }

  /**
   * The stored row of each instrument's key, creating the missing ones inside the caller's
   * transaction. Ids learned here are cached once that transaction commits.
   */
  Map<String, Stored> resolve(Tx tx, Collection<Instrument> instruments) {
    Map<String, Instrument> distinct = new LinkedHashMap<>();
    for (Instrument i : instruments) {
      distinct.putIfAbsent(i.key(), i);
    }
    Map<String, Stored> resolved = new HashMap<>();
    List<Instrument> unknown = new ArrayList<>();
    for (Instrument i : distinct.values()) {
      Stored known = committed.get(i.key());
      if (known != null) {
        resolved.put(i.key(), known);
      } else {
        unknown.add(i);
      }
    }
    if (unknown.isEmpty()) {
      return resolved;
    }
    List<TableWriter.Row> rows = new ArrayList<>();
    for (Instrument i : unknown) {
      Object[] values = Tables.INSTRUMENTS.valuesOf(i, null);
      rows.add(new TableWriter.Row(rows.size(), values, Tables.INSTRUMENTS.sortKey(values)));
    }
    writer.write(tx.handle, rows, Integer.MAX_VALUE); // a few rows: never worth a COPY
    Map<String, Stored> found = new HashMap<>();
    for (Instrument i : unknown) {
      Stored stored =
          byKey(tx.handle, i.key())
              .orElseThrow(() -> new IllegalStateException("instrument vanished: " + i.key()));
      found.put(i.key(), stored);
    }
    tx.afterCommit(() -> committed.putAll(found));
    resolved.putAll(found);
    return resolved;
  }

  private Optional<Stored> byKey(Handle h, String key) {
    return h.createQuery(byKeySql)
        .bind("key", key)
        .map((rs, ctx) -> new Stored(rs.getLong("i_id"), readers.instrument(rs)))
        .findOne();
  }

  private Optional<Instrument> bySymbol(Handle h, Symbol symbol) {
    return h.createQuery(bySymbolSql)
        .bind("symbol", symbol.value())
        .map((rs, ctx) -> readers.instrument(rs))
        .findOne();
  }
}
