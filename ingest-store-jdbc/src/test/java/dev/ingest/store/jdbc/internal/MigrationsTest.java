package dev.ingest.store.jdbc.internal;

import static dev.ingest.testkit.TestRecords.ACCOUNT;
import static dev.ingest.testkit.TestRecords.T0;
import static dev.ingest.testkit.TestRecords.aapl;
import static dev.ingest.testkit.TestRecords.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.StorageException;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.RawActivity;
import dev.ingest.api.store.LakeSlug;
import dev.ingest.store.jdbc.JdbcStore;
import dev.ingest.store.jdbc.JdbcStoreConfig;
import dev.ingest.store.jdbc.PostgresSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** Versioned, idempotent schema creation that a newer library migrates forward. */
class MigrationsTest {
  @RegisterExtension static final PostgresSchema pg = new PostgresSchema();

  private String schema;

  @BeforeEach
  void freshSchemaName() {
    // each test starts from nothing: a schema that does not exist yet
    schema = pg.schema() + "_" + Long.toHexString(System.nanoTime());
  }

  @AfterEach
  void dropIt() {
    try (Handle h = pg.adminHandle()) {
      h.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private JdbcStoreConfig config() {
    return JdbcStoreConfig.defaults().withSchema(schema).withLakeSchema(schema);
  }

  @Test
  void aFreshSchemaIsCreatedAtTheLatestVersion() {
    try (JdbcStore store = pg.open(config())) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.latest()).isEqualTo(2);
    }
    assertThat(appliedVersions()).containsExactly(1, 2);
  }

  @Test
  void openingAgainChangesNothingAndKeepsTheRows() {
    Order order = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0);
    try (JdbcStore store = pg.open(config())) {
      store.records().upsertOrders(List.of(order));
    }

    try (JdbcStore again = pg.open(config())) {
      assertThat(again.records().orders(ACCOUNT)).containsExactly(order);
    }
    assertThat(appliedVersions()).containsExactly(1, 2);
  }

  @Test
  void aSchemaOfAnOlderLibraryIsMigratedForwardKeepingItsRows() {
    // Given a database an older library (schema version 1, no raw data lake) wrote to
    Order order = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0);
    Storage old = storage();
    Migrations.migrate(old, 1);
    new JdbcBrokerRecordStore(old, new JdbcInstrumentStore(old)).upsertOrders(List.of(order));
    assertThat(appliedVersions()).containsExactly(1);

    // When this library opens it
    try (JdbcStore store = pg.open(config())) {
      // Then it is at the latest version, the old rows are there and the new tables work
      assertThat(store.schemaVersion()).isEqualTo(2);
      assertThat(store.records().orders(ACCOUNT)).containsExactly(order);
      LakeSlug live = LakeSlug.of("live");
      store.lake().ensureAccount(live);
      store
          .lake()
          .appendActivities(
              live, List.of(new RawActivity("a1", "DIV", BigDecimal.ONE, null, T0, "{}")));
      assertThat(store.lake().activities(live)).hasSize(1);
    }
    assertThat(appliedVersions()).containsExactly(1, 2);
  }

  @Test
  void aSchemaNewerThanThisLibraryIsRefused() {
    try (JdbcStore store = pg.open(config())) {
      assertThat(store.schemaVersion()).isEqualTo(2);
    }
    try (Handle h = pg.adminHandle()) {
      h.execute(
          "INSERT INTO "
              + schema
              + ".schema_version VALUES (99, 'from the future', CURRENT_TIMESTAMP)");
    }

    assertThatThrownBy(() -> pg.open(config()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("version 99")
        .hasMessageContaining("upgrade dev.ingest:ingest-store-jdbc");
  }

  @Test
  void withMigrationOffAnOutdatedSchemaIsRefused() {
    assertThatThrownBy(() -> pg.open(config().withMigrate(false)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("version 0")
        .hasMessageContaining("needs 2");
  }

  @Test
  void processesOpeningAFreshSchemaTogetherAllSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> opened = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Integer> open =
            () -> {
              start.await();
              try (JdbcStore store = pg.open(config())) {
                return store.schemaVersion();
              }
            };
        opened.add(pool.submit(open));
      }
      start.countDown();
      for (Future<Integer> version : opened) {
        assertThat(version.get(60, TimeUnit.SECONDS)).isEqualTo(2);
      }
      assertThat(appliedVersions()).containsExactly(1, 2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theEmbeddedFileIsMigratedTheSameWay(@TempDir Path dir) {
    Path file = dir.resolve("ingest.db");
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + file);
    Storage old =
        new Storage(
            dataSource,
            Dialect.SQLITE,
            null,
            "account_activities",
            500,
            JdbcStoreConfig.DEFAULT_RETRY);
    Migrations.migrate(old, 1);
    assertThat(Migrations.version(old)).isEqualTo(1);

    try (JdbcStore store = JdbcStore.sqlite(file)) {
      assertThat(store.schemaVersion()).isEqualTo(2);
    }
    try (JdbcStore again = JdbcStore.sqlite(file)) {
      assertThat(again.schemaVersion()).isEqualTo(2);
    }
  }

  private Storage storage() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(PostgresSchema.URL);
    return new Storage(
        dataSource, Dialect.POSTGRESQL, schema, schema, 500, JdbcStoreConfig.DEFAULT_RETRY);
  }

  private List<Integer> appliedVersions() {
    try (Handle h = pg.adminHandle()) {
      return h.createQuery("SELECT version FROM " + schema + ".schema_version ORDER BY version")
          .mapTo(Integer.class)
          .list();
    }
  }
}
