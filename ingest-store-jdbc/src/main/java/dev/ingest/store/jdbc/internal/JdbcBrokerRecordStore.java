package dev.ingest.store.jdbc.internal;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.InstrumentStore;
import dev.ingest.api.store.UpsertOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 000's five record types in SQL, each by its upsert rule (see {@link BrokerRecordStore}).
 * Every batch is one transaction, written whole or not at all, and its instruments are resolved
 * (and created if new) in the same transaction. Thread-safe.
 */
public final class JdbcBrokerRecordStore implements BrokerRecordStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcBrokerRecordStore.class);

  private final Storage storage;
  private final JdbcInstrumentStore instruments;
  private final Readers readers;
  private final TableWriter<AccountSnapshot> snapshots;
  private final TableWriter<Tables.SnapshotValue> snapshotValues;
  private final TableWriter<Position> positions;
  private final TableWriter<Order> orders;
  private final TableWriter<Execution> executions;
  private final TableWriter<OptionEvent> optionEvents;
  private final Map<String, String> selects = new HashMap<>();

  public JdbcBrokerRecordStore(Storage storage, JdbcInstrumentStore instruments) {
    this.storage = storage;
    this.instruments = instruments;
    this.readers = new Readers(storage.dialect());
    this.snapshots = storage.writer(Tables.SNAPSHOTS);
    this.snapshotValues = storage.writer(Tables.SNAPSHOT_VALUES);
    this.positions = storage.writer(Tables.POSITIONS);
    this.orders = storage.writer(Tables.ORDERS);
    this.executions = storage.writer(Tables.EXECUTIONS);
    this.optionEvents = storage.writer(Tables.OPTION_EVENTS);
    for (String name :
        List.of(
            "select-snapshots",
            "select-snapshot-values",
            "select-positions",
            "select-orders",
            "select-order",
            "select-executions",
            "select-option-events")) {
      selects.put(name, storage.sql().load("sql/" + name + ".sql"));
    }
  }

  @Override
  public List<UpsertOutcome> upsertSnapshots(List<AccountSnapshot> batch) {
    return write(
        "upsertSnapshots",
        Tables.SNAPSHOTS,
        snapshots,
        batch,
        (tx, outcomes) -> {
          // a snapshot's values are written with it, once: a known snapshot is left as it is
          List<Tables.SnapshotValue> values = new ArrayList<>();
          for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] == UpsertOutcome.CREATED) {
              AccountSnapshot s = batch.get(i);
              s.values()
                  .forEach(
                      (name, value) ->
                          values.add(new Tables.SnapshotValue(s.account(), s.asOf(), name, value)));
            }
          }
          snapshotValues.write(
              tx.handle, rows(Tables.SNAPSHOT_VALUES, values, Map.of()), storage.copyThreshold());
        });
  }

  @Override
  public List<UpsertOutcome> upsertPositions(List<Position> batch) {
    return write("upsertPositions", Tables.POSITIONS, positions, batch, null);
  }

  @Override
  public List<UpsertOutcome> upsertOrders(List<Order> batch) {
    return write("upsertOrders", Tables.ORDERS, orders, batch, null);
  }

  @Override
  public List<UpsertOutcome> insertExecutions(List<Execution> batch) {
    return write("insertExecutions", Tables.EXECUTIONS, executions, batch, null);
  }

  @Override
  public List<UpsertOutcome> appendOptionEvents(List<OptionEvent> batch) {
    return write("appendOptionEvents", Tables.OPTION_EVENTS, optionEvents, batch, null);
  }

  /** Also writes what depends on the outcomes, in the same transaction. */
  @FunctionalInterface
  private interface Then {
    void after(Tx tx, UpsertOutcome[] outcomes);
  }

  private <T> List<UpsertOutcome> write(
      String operation,
      RecordTable<T> table,
      TableWriter<T> writer,
      List<T> batch,
      @org.jspecify.annotations.Nullable Then then) {
    if (batch.isEmpty()) {
      return List.of();
    }
    List<T> records = List.copyOf(batch);
    long start = System.nanoTime();
    UpsertOutcome[] outcomes =
        storage.write(
            operation,
            tx -> {
              Map<Instrument, Long> ids =
                  table.instrument == null ? Map.of() : instrumentIds(tx, table, records);
              List<TableWriter.Row> rows = rows(table, records, ids);
              if (log.isDebugEnabled()) {
                log.debug(
                    "batch prepared table={} records={} elapsedMs={}",
                    table.table,
                    records.size(),
                    (System.nanoTime() - start) / 1_000_000);
              }
              UpsertOutcome[] written = writer.write(tx.handle, rows, storage.copyThreshold());
              if (then != null) {
                then.after(tx, written);
              }
              return written;
            });
    if (log.isDebugEnabled()) {
      log.debug(
          "batch written table={} records={} elapsedMs={}",
          table.table,
          records.size(),
          (System.nanoTime() - start) / 1_000_000);
    }
    return List.of(outcomes);
  }

  /**
   * The stored id of each record's instrument, by identity: a batch usually names a few instrument
   * objects many times (the sync functions hand every record the stored instance), so keys are
   * computed once per object, not once per record.
   */
  private <T> Map<Instrument, Long> instrumentIds(Tx tx, RecordTable<T> table, List<T> records) {
    Map<Instrument, Long> ids = new IdentityHashMap<>();
    for (T record : records) {
      ids.put(table.instrument.apply(record), null);
    }
    Map<String, JdbcInstrumentStore.Stored> stored = instruments.resolve(tx, ids.keySet());
    ids.replaceAll((instrument, none) -> stored.get(instrument.key()).id());
    return ids;
  }

  private static <T> List<TableWriter.Row> rows(
      RecordTable<T> table, List<T> records, Map<Instrument, Long> ids) {
    List<TableWriter.Row> rows = new ArrayList<>(records.size());
    for (T record : records) {
      Long id = null;
      if (table.instrument != null) {
        id = ids.get(table.instrument.apply(record));
      }
      Object[] values = table.valuesOf(record, id);
      rows.add(new TableWriter.Row(rows.size(), values, table.sortKey(values)));
    }
    return rows;
  }

  @Override
  public List<AccountSnapshot> snapshots(AccountId account) {
    return storage.read(
        "snapshots",
        h -> {
          Map<Instant, Map<String, BigDecimal>> values = new HashMap<>();
          h.createQuery(selects.get("select-snapshot-values"))
              .bind("account", account.value())
              .map(
                  (rs, ctx) -> {
                    values
                        .computeIfAbsent(readers.instant(rs, "as_of"), k -> new HashMap<>())
                        .put(rs.getString("name"), readers.decimal(rs, "value"));
                    return 0;
                  })
              .list();
          return h.createQuery(selects.get("select-snapshots"))
              .bind("account", account.value())
              .map(
                  (rs, ctx) -> {
                    Instant asOf = readers.instant(rs, "as_of");
                    return new AccountSnapshot(
                        account,
                        asOf,
                        rs.getString("currency"),
                        readers.decimal(rs, "net_liquidation"),
                        readers.decimal(rs, "total_cash"),
                        readers.decimal(rs, "buying_power"),
                        values.getOrDefault(asOf, Map.of()));
                  })
              .list();
        });
  }

  @Override
  public List<Position> positions(AccountId account) {
    return list("positions", "select-positions", account, readers::position);
  }

  @Override
  public List<Order> orders(AccountId account) {
    return list("orders", "select-orders", account, readers::order);
  }

  @Override
  public Optional<Order> order(AccountId account, String brokerOrderId) {
    return storage.read(
        "order",
        h ->
            h.createQuery(selects.get("select-order"))
                .bind("account", account.value())
                .bind("broker_order_id", brokerOrderId)
                .map((rs, ctx) -> readers.order(rs))
                .findOne());
  }

  @Override
  public List<Execution> executions(AccountId account) {
    return list("executions", "select-executions", account, readers::execution);
  }

  @Override
  public List<OptionEvent> optionEvents(AccountId account) {
    return list("optionEvents", "select-option-events", account, readers::optionEvent);
  }

  @Override
  public InstrumentStore instruments() {
    return instruments;
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(java.sql.ResultSet rs) throws java.sql.SQLException;
  }

  private <T> List<T> list(
      String operation, String select, AccountId account, RowReader<T> reader) {
    return storage.read(
        operation,
        h ->
            List.copyOf(
                h.createQuery(selects.get(select))
                    .bind("account", account.value())
                    .map((rs, ctx) -> reader.read(rs))
                    .list()));
  }
}
