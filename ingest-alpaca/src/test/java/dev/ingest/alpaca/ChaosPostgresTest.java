package dev.ingest.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.store.RawDataLake;
import dev.ingest.store.jdbc.JdbcStore;
import dev.ingest.store.jdbc.JdbcStoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chaos test of issue 5 on the JDBC raw data lake in PostgreSQL (127.0.0.1:5432, database
 * {@code test}; override with {@code INGEST_TEST_POSTGRES_URL}), in a schema of its own that is
 * dropped afterwards. Each schedule writes its own {@code raw_orders_chaos_*} and {@code
 * raw_activities_chaos_*} tables.
 */
class ChaosPostgresTest {
  static final String URL =
      System.getenv()
          .getOrDefault(
              "INGEST_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final String schema =
      ("t_chaos_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
  private final List<JdbcStore> stores = new CopyOnWriteArrayList<>();

  /** A store of its own per schedule, as each ingester host would have, on the shared schema. */
  private RawDataLake open() {
    JdbcStore store =
        JdbcStore.open(URL, JdbcStoreConfig.defaults().withSchema(schema).withLakeSchema(schema));
    stores.add(store);
    return store.lake();
  }

  @BeforeEach
  void createSchema() {
    open(); // migrates the schema once, before the schedules race to it
  }

  @AfterEach
  void dropSchema() throws SQLException {
    stores.forEach(JdbcStore::close);
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void noFillIsLostOrStoredTwiceOnPostgres() throws Exception {
    ChaosTest.Summary summary = ChaosTest.runSchedules("postgres", seed -> open());

    assertThat(summary.failures).isEmpty();
    assertThat(summary.lost).isZero();
    assertThat(summary.duplicated).isZero();
    assertThat(summary.fills).isPositive();
  }
}
