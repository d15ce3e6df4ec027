package dev.ingest.store.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL schema of its own for one test class, dropped afterwards, on the development and CI
 * server (127.0.0.1:5432, database {@code test}; override with {@code INGEST_TEST_POSTGRES_URL}).
 * Register it with {@code @RegisterExtension static final PostgresSchema pg = new
 * PostgresSchema();}.
 */
final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {
  static final String URL =
      System.getenv()
          .getOrDefault(
              "INGEST_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;
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
    admin = Jdbi.create(URL);
    admin.useHandle(h -> h.execute("CREATE SCHEMA " + schema));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    admin.useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
  }

  String schema() {
    return schema;
  }

  /** Broker records and the raw lake both in this class's schema. */
  JdbcStoreConfig config() {
    return JdbcStoreConfig.defaults().withSchema(schema).withLakeSchema(schema);
  }

  JdbcStore open() {
    return JdbcStore.open(URL, config());
  }

  JdbcStore open(JdbcStoreConfig config) {
    return JdbcStore.open(URL, config);
  }

  /** A URL whose connections show {@code applicationName} in pg_stat_activity. */
  static String urlWithApplicationName(String applicationName) {
    return URL + (URL.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
  }

  /** Empties every table of the schema, keeping the tables. */
  void truncateAll() {
    admin.useHandle(
        h -> {
          List<String> tables =
              h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = :s")
                  .bind("s", schema)
                  .mapTo(String.class)
                  .list();
          if (!tables.isEmpty()) {
            h.execute(
                "TRUNCATE "
                    + String.join(", ", tables.stream().map(t -> schema + "." + t).toList())
                    + " RESTART IDENTITY CASCADE");
          }
        });
  }

  /** A handle for checks and faults from outside the store; the caller closes it. */
  Handle adminHandle() {
    return admin.open();
  }

  <R> R query(String sql, Class<R> type) {
    return admin.withHandle(h -> h.createQuery(sql).mapTo(type).one());
  }
}
