package dev.ingest.store.jdbc.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.internal.Resilience;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.jspecify.annotations.Nullable;

/**
 * What every port of one store shares: the Jdbi instance over the DataSource, the dialect, the
 * schema names, the rendered SQL, and how an operation runs. A write runs in one transaction,
 * retried as a whole on a transient failure (lost connection, deadlock, serialization failure, busy
 * SQLite file), since a rolled-back batch left nothing behind. A failure leaves as a {@link
 * StorageException} saying whether it was transient; a {@link
 * dev.ingest.api.error.DataValidationException} leaves unchanged and is never retried. Thread-safe.
 */
public final class Storage {
  static final String STORE = "jdbc";

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final @Nullable String schema;
  private final String lakeSchema;
  private final int copyThreshold;
  private final RetrySettings retry;
  private final SqlTemplates sql;
  private final Map<String, RetryPolicy<Object>> policies = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  public Storage(
      DataSource dataSource,
      Dialect dialect,
      @Nullable String schema,
      String lakeSchema,
      int copyThreshold,
      RetrySettings retry) {
    this.jdbi = Jdbi.create(dataSource);
    // our SQL is plain SQL with :named parameters; Jdbi's template engine would read "<" as a tag
    this.jdbi.setTemplateEngine(new NoTemplateEngine());
    this.dialect = dialect;
    this.schema = schema == null ? null : Identifiers.check(schema, "schema");
    this.lakeSchema = Identifiers.check(lakeSchema, "lake_schema");
    this.copyThreshold = copyThreshold;
    this.retry = retry;
    Map<String, String> variables = new HashMap<>(dialect.templateVariables());
    variables.put("schema", schema == null ? "" : dialect.quote(schema) + ".");
    for (ColumnType type : ColumnType.values()) {
      variables.put(type.name().toLowerCase(java.util.Locale.ROOT), dialect.sqlType(type));
    }
    variables.put("timestamp", dialect.sqlType(ColumnType.INSTANT));
    SqlTemplates base = new SqlTemplates(variables);
    this.sql = base.with("instrument_columns", base.load("sql/instrument-columns.sql").strip());
  }

  public Dialect dialect() {
    return dialect;
  }

  public @Nullable String schema() {
    return schema;
  }

  public String lakeSchema() {
    return lakeSchema;
  }

  int copyThreshold() {
    return copyThreshold;
  }

  SqlTemplates sql() {
    return sql;
  }

  /** {@code table} in the store's schema. */
  String table(String table) {
    return dialect.qualify(schema, table);
  }

  <T> TableWriter<T> writer(RecordTable<T> table) {
    return new TableWriter<>(table, dialect, table(table.table), sql);
  }

  /** Runs {@code body} in one transaction, retrying it whole on transient failures. */
  public <R> R write(String operation, Function<Tx, R> body) {
    return Failsafe.with(policy(operation)).get(() -> attemptWrite(operation, body));
  }

  /**
   * Runs {@code body} on a handle outside any explicit transaction, retrying transient failures.
   */
  public <R> R read(String operation, Function<Handle, R> body) {
    return Failsafe.with(policy(operation)).get(() -> attemptRead(operation, body));
  }

  /** Opens a handle the caller keeps (an account lease); the caller closes it. */
  public Handle openHandle(String operation) {
    checkOpen(operation);
    try {
      return jdbi.open();
    } catch (RuntimeException e) {
      throw translate(operation, e);
    }
  }

  public void close() {
    closed.set(true);
  }

  public boolean isClosed() {
    return closed.get();
  }

  private <R> R attemptWrite(String operation, Function<Tx, R> body) {
    checkOpen(operation);
    Tx[] tx = new Tx[1];
    R result;
    try {
      result =
          jdbi.inTransaction(
              handle -> {
                tx[0] = new Tx(handle);
                return body.apply(tx[0]);
              });
    } catch (RuntimeException e) {
      throw translate(operation, e);
    }
    tx[0].committed();
    return result;
  }

  private <R> R attemptRead(String operation, Function<Handle, R> body) {
    checkOpen(operation);
    try {
      return jdbi.withHandle(body::apply);
    } catch (RuntimeException e) {
      throw translate(operation, e);
    }
  }

  private void checkOpen(String operation) {
    if (closed.get()) {
      throw new StorageException(STORE, operation, "the store is closed", null);
    }
  }

  private RetryPolicy<Object> policy(String operation) {
    return policies.computeIfAbsent(
        operation, op -> Resilience.retryPolicy(retry, STORE, op, IngestListener.NOOP));
  }

  /**
   * Our own exceptions pass as they are; anything else becomes a {@link StorageException} naming
   * the SQL state, transient when any SQL error behind it is (a dead connection often shows as the
   * failed rollback that follows, with the real cause inside).
   */
  RuntimeException translate(String operation, RuntimeException e) {
    if (e instanceof IngestException) {
      return e;
    }
    SQLException first = null;
    boolean transientFailure = false;
    for (Throwable t : causes(e)) {
      if (t instanceof SQLException sqlException) {
        // a batch failure wraps the real error, and its own message echoes the whole statement
        boolean better =
            first == null
                || (first instanceof java.sql.BatchUpdateException
                    && !(sqlException instanceof java.sql.BatchUpdateException));
        first = better ? sqlException : first;
        transientFailure |= dialect.isTransient(sqlException);
      }
    }
    String message =
        first == null
            ? e.getClass().getSimpleName() + ": " + e.getMessage()
            : "sqlState="
                + first.getSQLState()
                + " errorCode="
                + first.getErrorCode()
                + (transientFailure ? " (transient)" : "")
                + ": "
                + first.getMessage();
    return new StorageException(STORE, operation, message, e, transientFailure);
  }

  private static Iterable<Throwable> causes(Throwable root) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> queue = new ArrayDeque<>();
    queue.add(root);
    java.util.List<Throwable> all = new java.util.ArrayList<>();
    while (!queue.isEmpty()) {
      Throwable t = queue.poll();
      if (!seen.add(t)) {
        continue;
      }
      all.add(t);
      if (t.getCause() != null) {
        queue.add(t.getCause());
      }
      java.util.Collections.addAll(queue, t.getSuppressed());
      if (t instanceof SQLException s && s.getNextException() != null) {
        queue.add(s.getNextException());
      }
    }
    return all;
  }
}
