package dev.ingest.store.jdbc;

import static dev.ingest.testkit.TestRecords.ACCOUNT;
import static dev.ingest.testkit.TestRecords.T0;
import static dev.ingest.testkit.TestRecords.aapl;
import static dev.ingest.testkit.TestRecords.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.spi.Providers;
import dev.ingest.api.spi.Store;
import dev.ingest.api.spi.StoreProvider;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** The ways to open the store: by URL through the provider registry, by file, on a DataSource. */
class JdbcStoreOpeningTest {
  @RegisterExtension static final PostgresSchema pg = new PostgresSchema();

  private static final Order ORDER = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", T0);

  @Test
  void theRegistryFindsTheJdbcProviderForBothUrlKinds() {
    StoreProvider sqlite = Providers.store(URI.create("jdbc:sqlite:/tmp/x.db"));
    StoreProvider postgres = Providers.store(URI.create(PostgresSchema.URL));

    assertThat(sqlite).isInstanceOf(JdbcStoreProvider.class);
    assertThat(postgres).isInstanceOf(JdbcStoreProvider.class);
    assertThat(sqlite.name()).isEqualTo("jdbc");
    assertThat(sqlite.accepts(URI.create("redis://localhost:6379"))).isFalse();
  }

  @Test
  void anEmbeddedStoreOpensFromItsUrlWithSettings(@TempDir Path dir) {
    URI url = URI.create("jdbc:sqlite:" + dir.resolve("sub/dir/ingest.db"));

    try (Store store = Providers.store(url).open(url, Settings.of(Map.of("copy_threshold", 50)))) {
      store.brokerRecords().orElseThrow().upsertOrders(List.of(ORDER));
      assertThat(store.brokerRecords().orElseThrow().orders(ACCOUNT)).containsExactly(ORDER);
      assertThat(store.rawDataLake()).isPresent();
      assertThat(store.instruments().orElseThrow().getByKey(aapl().key())).contains(aapl());
    }
  }

  @Test
  void aPostgresStoreOpensFromItsUrlWithSettings() {
    URI url = URI.create(PostgresSchema.URL);
    Settings settings =
        Settings.of(
            Map.of(
                "schema", pg.schema(),
                "lake_schema", pg.schema(),
                "retry_policy", Map.of("max_retries", 1, "base_delay", "0.01")));

    try (Store store = Providers.store(url).open(url, settings)) {
      pg.truncateAll();
      store.brokerRecords().orElseThrow().upsertOrders(List.of(ORDER));
      assertThat(store.brokerRecords().orElseThrow().order(ACCOUNT, "1001")).contains(ORDER);
    }
  }

  @Test
  void settingsAreReadWithTheirKeysNamedInErrors() {
    JdbcStoreConfig config =
        JdbcStoreConfig.from(
            Settings.of(
                Map.of(
                    "schema",
                    "ingest",
                    "copy_threshold",
                    "2000",
                    "migrate",
                    "false",
                    "retry_policy",
                    Map.of("max_retries", 5))));

    assertThat(config.schema()).isEqualTo("ingest");
    assertThat(config.lakeSchema()).isEqualTo("account_activities");
    assertThat(config.copyThreshold()).isEqualTo(2000);
    assertThat(config.migrate()).isFalse();
    assertThat(config.retry().maxRetries()).isEqualTo(5);
    assertThatThrownBy(() -> JdbcStoreConfig.from(Settings.of(Map.of("copy_threshold", "0"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("copy_threshold"));
  }

  @Test
  void aMissingPasswordVariableIsNamedWithoutAValue() {
    URI url = URI.create(PostgresSchema.URL);
    Settings settings =
        Settings.of(Map.of("password_env_var", "INGEST_NO_SUCH_VARIABLE")).withEnv(name -> null);

    assertThatThrownBy(() -> new JdbcStoreProvider().open(url, settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("INGEST_NO_SUCH_VARIABLE");
  }

  @Test
  void aStoreOnTheHostsPostgresDataSourceLeavesItOpen() throws Exception {
    PGSimpleDataSource host = new PGSimpleDataSource();
    host.setURL(PostgresSchema.URL);
    pg.truncateAll();

    try (JdbcStore store = JdbcStore.of(host, pg.config())) {
      store.records().upsertOrders(List.of(ORDER));
      assertThat(store.records().orders(ACCOUNT)).containsExactly(ORDER);
      assertThat(store.tryLease(ACCOUNT)).hasValueSatisfying(AccountLease::close);
    }
    try (Connection stillUsable = host.getConnection()) {
      assertThat(stillUsable.isValid(1)).isTrue();
    }
  }

  @Test
  void aStoreOnTheHostsSqliteDataSourceWorks(@TempDir Path dir) {
    SQLiteDataSource host = new SQLiteDataSource();
    host.setUrl("jdbc:sqlite:" + dir.resolve("host.db"));

    try (JdbcStore store = JdbcStore.of(host)) {
      store.records().upsertOrders(List.of(ORDER));
      assertThat(store.records().orders(ACCOUNT)).containsExactly(ORDER);
    }
  }

  @Test
  void anInMemorySqliteDatabaseIsRefusedForLosingItsData() {
    assertThatThrownBy(() -> JdbcStore.open("jdbc:sqlite::memory:"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("use a file");
  }

  @Test
  void anUnknownUrlIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> JdbcStore.open("jdbc:mysql://db/x?password=hunter2"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("jdbc:postgresql:");
  }

  @Test
  void anUnreachableServerIsATransientFailureThatDoesNotEchoTheUrl() {
    String url =
        "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2&connectTimeout=1";

    assertThatThrownBy(() -> JdbcStore.open(url))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aClosedStoreRefusesWork(@TempDir Path dir) {
    JdbcStore store = JdbcStore.sqlite(dir.resolve("ingest.db"));
    store.close();
    store.close();

    assertThatThrownBy(() -> store.records().orders(ACCOUNT))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void leasesNeedAPositiveOrZeroWait() {
    try (JdbcStore store = pg.open()) {
      assertThatThrownBy(() -> store.lease(ACCOUNT, Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
