package dev.ingest.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import dev.ingest.api.store.LakeSlug;
import dev.ingest.api.store.RawDataLake;
import dev.ingest.api.store.UpsertOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Seed 001's raw data lake: per account, {@code raw_orders_<slug>} and {@code
 * raw_activities_<slug>} in the lake schema ({@code account_activities} by default; SQLite has no
 * schemas, so there they sit beside the other tables). The slug is a checked {@link LakeSlug} and
 * is checked again as an identifier before it becomes part of a table name.
 *
 * <p>Payloads are kept twice: {@code raw_text} holds them byte-for-byte and is what reads return;
 * {@code raw_json} is derived from it for queries ({@code JSONB} on PostgreSQL, which normalizes
 * whitespace and key order). A payload that is not exactly one JSON value is refused before
 * anything is written, naming the record. Thread-safe.
 */
public final class JdbcRawDataLake implements RawDataLake {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Storage storage;
  private final Readers readers;
  private final Set<LakeSlug> ensured = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<LakeSlug, AccountTables> accountTables =
      new ConcurrentHashMap<>();

  /** The SQL of one account's two tables. */
  private record AccountTables(
      String orders,
      String activities,
      TableWriter<RawOrder> orderWriter,
      TableWriter<RawActivity> activityWriter,
      SqlTemplates ordersSql,
      SqlTemplates activitiesSql) {}

  public JdbcRawDataLake(Storage storage) {
    this.storage = storage;
    this.readers = new Readers(storage.dialect());
  }

  @Override
  public void ensureAccount(LakeSlug account) {
    if (ensured.contains(account)) {
      return;
    }
    AccountTables t = tables(account);
    storage.write(
        "ensureAccount",
        tx -> {
          Handle h = tx.handle;
          if (storage.dialect() == Dialect.POSTGRESQL) {
            // concurrent CREATE ... IF NOT EXISTS can still collide in the catalog
            PostgresLocks.lockForTransaction(h, "lake:" + storage.lakeSchema() + ":" + account);
            h.execute(
                "CREATE SCHEMA IF NOT EXISTS " + storage.dialect().quote(storage.lakeSchema()));
          }
          t.ordersSql().statements("lake/raw_orders.sql").forEach(h::execute);
          t.activitiesSql().statements("lake/raw_activities.sql").forEach(h::execute);
          h.createUpdate(
                  storage
                      .sql()
                      .render(
                          "INSERT INTO ${schema}lake_accounts (lake_schema, slug, created_at)"
                              + " VALUES (:lake_schema, :slug, ${now})"
                              + " ON CONFLICT (lake_schema, slug) DO NOTHING",
                          "lake_accounts"))
              .bind("lake_schema", lakeSchemaName())
              .bind("slug", account.value())
              .execute();
          return null;
        });
    ensured.add(account);
  }

  @Override
  public List<UpsertOutcome> upsertOrders(LakeSlug account, List<RawOrder> orders) {
    if (orders.isEmpty()) {
      return List.of();
    }
    for (RawOrder o : orders) {
      checkJson(o.rawJson(), "RawOrder.rawJson", "id=" + o.id());
    }
    ensureAccount(account);
    AccountTables t = tables(account);
    return write("upsertRawOrders", Tables.RAW_ORDERS, t.orderWriter(), orders);
  }

  @Override
  public List<UpsertOutcome> appendActivities(LakeSlug account, List<RawActivity> activities) {
    if (activities.isEmpty()) {
      return List.of();
    }
    for (RawActivity a : activities) {
      checkJson(a.rawJson(), "RawActivity.rawJson", "id=" + a.id());
    }
    ensureAccount(account);
    AccountTables t = tables(account);
    return write("appendRawActivities", Tables.RAW_ACTIVITIES, t.activityWriter(), activities);
  }

  private <T> List<UpsertOutcome> write(
      String operation, RecordTable<T> table, TableWriter<T> writer, List<T> batch) {
    List<T> records = List.copyOf(batch);
    return List.of(
        storage.write(
            operation,
            tx -> {
              List<TableWriter.Row> rows = new ArrayList<>(records.size());
              for (T record : records) {
                Object[] values = table.valuesOf(record, null);
                rows.add(new TableWriter.Row(rows.size(), values, table.sortKey(values)));
              }
              return writer.write(tx.handle, rows, storage.copyThreshold());
            }));
  }

  @Override
  public Optional<RawOrder> order(LakeSlug account, String orderId) {
    return query(
        account,
        "rawOrder",
        Optional.empty(),
        t ->
            h ->
                h.createQuery(t.ordersSql().load("lake/select-order.sql"))
                    .bind("id", orderId)
                    .map((rs, ctx) -> readers.rawOrder(rs))
                    .findOne());
  }

  @Override
  public List<RawOrder> orders(LakeSlug account) {
    return query(
        account,
        "rawOrders",
        List.of(),
        t ->
            h ->
                List.copyOf(
                    h.createQuery(t.ordersSql().load("lake/select-orders.sql"))
                        .map((rs, ctx) -> readers.rawOrder(rs))
                        .list()));
  }

  @Override
  public List<RawActivity> activities(LakeSlug account) {
    return query(
        account,
        "rawActivities",
        List.of(),
        t ->
            h ->
                List.copyOf(
                    h.createQuery(t.activitiesSql().load("lake/select-activities.sql"))
                        .map((rs, ctx) -> readers.rawActivity(rs))
                        .list()));
  }

  @Override
  public Optional<Instant> latestActivityTime(LakeSlug account) {
    return query(
        account,
        "latestActivityTime",
        Optional.empty(),
        t ->
            h ->
                h.createQuery(t.activitiesSql().load("lake/latest-activity.sql"))
                    .map((rs, ctx) -> readers.instant(rs, "occurred_at"))
                    .findOne());
  }

  @Override
  public Optional<Instant> latestOrderUpdate(LakeSlug account) {
    return query(
        account,
        "latestOrderUpdate",
        Optional.empty(),
        t ->
            h ->
                h.createQuery(t.ordersSql().load("lake/latest-order.sql"))
                    .map((rs, ctx) -> readers.instant(rs, "updated_at"))
                    .findOne());
  }

  /** Reads an account's tables, or answers {@code none} for an account never ensured. */
  private <R> R query(
      LakeSlug account,
      String operation,
      R none,
      Function<AccountTables, Function<Handle, R>> read) {
    if (!isKnown(account)) {
      return none;
    }
    return storage.read(operation, read.apply(tables(account)));
  }

  private boolean isKnown(LakeSlug account) {
    if (ensured.contains(account)) {
      return true;
    }
    boolean known =
        storage.read(
            "lakeAccount",
            h ->
                h.createQuery(
                            storage
                                .sql()
                                .render(
                                    "SELECT COUNT(*) FROM ${schema}lake_accounts"
                                        + " WHERE lake_schema = :lake_schema AND slug = :slug",
                                    "lake_accounts"))
                        .bind("lake_schema", lakeSchemaName())
                        .bind("slug", account.value())
                        .mapTo(Integer.class)
                        .one()
                    > 0);
    if (known) {
      ensured.add(account);
    }
    return known;
  }

  private String lakeSchemaName() {
    return storage.dialect() == Dialect.POSTGRESQL ? storage.lakeSchema() : "";
  }

  private AccountTables tables(LakeSlug account) {
    return accountTables.computeIfAbsent(
        account,
        slug -> {
          String schema = storage.dialect() == Dialect.POSTGRESQL ? storage.lakeSchema() : null;
          String ordersName = Identifiers.check("raw_orders_" + slug.value(), "lake table");
          String activitiesName = Identifiers.check("raw_activities_" + slug.value(), "lake table");
          String orders = storage.dialect().qualify(schema, ordersName);
          String activities = storage.dialect().qualify(schema, activitiesName);
          SqlTemplates ordersSql = storage.sql().with("table", orders).with("index", ordersName);
          SqlTemplates activitiesSql =
              storage.sql().with("table", activities).with("index", activitiesName);
          return new AccountTables(
              orders,
              activities,
              new TableWriter<>(Tables.RAW_ORDERS, storage.dialect(), orders, storage.sql()),
              new TableWriter<>(
                  Tables.RAW_ACTIVITIES, storage.dialect(), activities, storage.sql()),
              ordersSql,
              activitiesSql);
        });
  }

  /**
   * PostgreSQL's JSONB takes exactly one JSON value and no {@code \u0000} escape; refusing such a
   * payload here, naming the record, is better than failing the whole batch in the database. Both
   * dialects refuse the same payloads.
   */
  static void checkJson(String json, String field, String naturalKey) {
    String problem = null;
    try {
      JSON.readTree(json);
      if (json.contains("\\u0000")) {
        problem = "must not contain the escape \\u0000, which PostgreSQL's JSONB cannot hold";
      }
    } catch (JsonProcessingException e) {
      long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      problem = "must be one JSON value: " + e.getOriginalMessage() + " at char offset " + offset;
    }
    if (problem != null) {
      throw new DataValidationException(field, problem).withContext("jdbc", naturalKey);
    }
  }
}
