package dev.ingest.store.jdbc;

import dev.ingest.store.jdbc.internal.ReusingDataSource;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL schema of its own for one test class, dropped afterwards, on the development and CI
 * server (127.0.0.1:5432, database {@code test}; override with {@code INGEST_TEST_POSTGRES_URL}).
 * Register it with {@code @RegisterExtension static final PostgresSchema pg = new
 * PostgresSchema();}.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {
  public static final String URL =
      System.getenv()
          .getOrDefault(
              "INGEST_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;
  private ReusingDataSource connections;
  private Jdbi admin;

  @Override
  public void beforeAll(ExtensionContext context) {
    schema =
        ("t_"
                + context.getRequiredTestClass().getSimpleName()
                + "_"
                + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);
    if (schema.length() > 60) {
      schema = schema.substring(schema.length() - 60);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(URL);
    connections = new ReusingDataSource(dataSource, 2);
    admin = Jdbi.create(connections);
    admin.useHandle(h -> h.execute("CREATE SCHEMA " + schema));
  }

  /** Waits (bounded) until a backend of {@code applicationName} waits on a lock; its pid. */
  public int awaitBackendWaitingOnLock(String applicationName, String waitEvent) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      java.util.Optional<Integer> pid =
          admin.withHandle(
              h ->
                  h.createQuery(
                          "SELECT pid FROM pg_stat_activity WHERE application_name = :app"
                              + " AND wait_event_type = 'Lock' AND wait_event = :event")
                      .bind("app", applicationName)
                      .bind("event", waitEvent)
                      .mapTo(Integer.class)
                      .findFirst());
      if (pid.isPresent()) {
        return pid.get();
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    throw new AssertionError("no backend of " + applicationName + " waited on " + waitEvent);
  }

  /** Ends the backend {@code pid} as an operator or a crash would. */
  public void terminate(int pid) {
    admin.withHandle(
        h ->
            h.createQuery("SELECT pg_terminate_backend(:pid)")
                .bind("pid", pid)
                .mapTo(Boolean.class)
                .one());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    admin.useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    connections.close();
  }

  public String schema() {
    return schema;
  }

  /** Broker records and the raw lake both in this class's schema. */
  public JdbcStoreConfig config() {
    return JdbcStoreConfig.defaults().withSchema(schema).withLakeSchema(schema);
  }

  public JdbcStore open() {
    return JdbcStore.open(URL, config());
  }

  public JdbcStore open(JdbcStoreConfig config) {
    return JdbcStore.open(URL, config);
  }

  /** A URL whose connections show {@code applicationName} in pg_stat_activity. */
  public static String urlWithApplicationName(String applicationName) {
    return URL + (URL.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
  }

  /**
   * Empties every table of the schema but {@code schema_version}, keeping the tables. DELETE, not
   * TRUNCATE: on a handful of rows it is far cheaper than new files for a dozen tables.
   */
  public void truncateAll() {
    admin.useHandle(
        h -> {
          List<String> tables =
              h.createQuery(
                      "SELECT tablename FROM pg_tables WHERE schemaname = :s"
                          + " AND tablename NOT IN ('schema_version', 'instruments')"
                          + " ORDER BY tablename = 'account_snapshots'")
                  .bind("s", schema)
                  .mapTo(String.class)
                  .list();
          for (String table : tables) {
            h.execute("DELETE FROM " + schema + "." + table);
          }
          if (!tables.isEmpty()) {
            h.execute("DELETE FROM " + schema + ".instruments");
          }
        });
  }

  /** A handle for checks and faults from outside the store; the caller closes it. */
  public Handle adminHandle() {
    return admin.open();
  }

  public <R> R query(String sql, Class<R> type) {
    return admin.withHandle(h -> h.createQuery(sql).mapTo(type).one());
  }
}
