package dev.ingest.store.jdbc;

import dev.ingest.api.Beta;
import dev.ingest.api.config.Secret;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.spi.Store;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.InstrumentStore;
import dev.ingest.api.store.RawDataLake;
import dev.ingest.store.jdbc.internal.Dialect;
import dev.ingest.store.jdbc.internal.JdbcBrokerRecordStore;
import dev.ingest.store.jdbc.internal.JdbcInstrumentStore;
import dev.ingest.store.jdbc.internal.JdbcRawDataLake;
import dev.ingest.store.jdbc.internal.Migrations;
import dev.ingest.store.jdbc.internal.ReusingDataSource;
import dev.ingest.store.jdbc.internal.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The JDBC store: seed 000's broker records, seed 003's instruments and seed 001's raw data lake in
 * one schema, on an embedded SQLite file (zero setup, the default) or on PostgreSQL (production).
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.sqlite(Path.of("ingest.db"))) {        // embedded
 *   AccountSync.sync(broker, account, store.records());
 * }
 * JdbcStore store = JdbcStore.of(hikariDataSource);                          // inside a trading app
 * JdbcStore store = JdbcStore.open("jdbc:postgresql://db:5432/trading",     // by URL
 *     JdbcStoreConfig.defaults().withSchema("ingest"));
 * }</pre>
 *
 * <p>Opening creates the schema or migrates it forward ({@code schema_version}); a database newer
 * than this library is refused. Decimals are exact on both databases ({@code numeric} on
 * PostgreSQL, text on SQLite); instants are exact to the nanosecond (a microsecond timestamp plus a
 * {@code _ns} column). Every batch is one transaction, retried whole on a transient failure.
 *
 * <p>Several ingester processes may share one PostgreSQL database: {@link #tryLease} and {@link
 * #lease} give one of them ownership of an account at a time.
 *
 * <p>Thread-safe. A store opened from a URL or a file owns its connections and releases them on
 * {@link #close()}; a store built on the host's {@link DataSource} borrows a connection per
 * operation and never closes the DataSource. A store opened from a PostgreSQL URL keeps a few idle
 * connections for reuse but is no connection pool: in an application, pass your pool (HikariCP,
 * ...) to {@link #of(DataSource)}.
 *
 * @since 0.1
 */
@Beta
public final class JdbcStore implements Store {
  private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);
  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRESQL = "jdbc:postgresql:";

  /** How long a SQLite writer waits for another to finish before failing (transiently). */
  private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

  /** Idle PostgreSQL connections a URL-opened store keeps for reuse. */
  private static final int MAX_IDLE_CONNECTIONS = 8;

  private final Storage storage;
  private final JdbcBrokerRecordStore records;
  private final JdbcRawDataLake lake;

  /** What the store opened itself and closes: idle connections, SQLite's keep-alive. */
  private final @Nullable AutoCloseable owned;

  private final AtomicBoolean closed = new AtomicBoolean();

  private JdbcStore(DataSource dataSource, JdbcStoreConfig config, @Nullable AutoCloseable owned) {
    this.owned = owned;
    try {
      Dialect dialect = dialectOf(dataSource);
      this.storage =
          new Storage(
              dataSource,
              dialect,
              dialect == Dialect.POSTGRESQL ? config.schema() : null,
              config.lakeSchema(),
              config.copyThreshold(),
              config.retry());
      if (config.migrate()) {
        Migrations.migrate(storage);
      } else {
        Migrations.verify(storage);
      }
    } catch (RuntimeException e) {
      closeQuietly(owned);
      throw e;
    }
    JdbcInstrumentStore instruments = new JdbcInstrumentStore(storage);
    this.records = new JdbcBrokerRecordStore(storage, instruments);
    this.lake = new JdbcRawDataLake(storage);
    log.info(
        "jdbc store open dialect={} schema={} version={}",
        storage.dialect(),
        storage.schema() == null ? "(default)" : storage.schema(),
        Migrations.latest());
  }

  /** The embedded default: a SQLite file, created with its parent directories if missing. */
  public static JdbcStore sqlite(Path file) {
    return sqlite(file, JdbcStoreConfig.defaults());
  }

  public static JdbcStore sqlite(Path file, JdbcStoreConfig config) {
    return open(SQLITE + file.toAbsolutePath(), config);
  }

  /** A store at {@code jdbcUrl}: {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}. */
  public static JdbcStore open(String jdbcUrl) {
    return open(jdbcUrl, JdbcStoreConfig.defaults());
  }

  public static JdbcStore open(String jdbcUrl, JdbcStoreConfig config) {
    return open(jdbcUrl, config, null, null);
  }

  /**
   * A store at {@code jdbcUrl} logging in as {@code user} with {@code password} (both may be null,
   * e.g. when the URL carries them or the server trusts local connections). The URL is never logged
   * or echoed in errors, as it may carry a password.
   */
  public static JdbcStore open(
      String jdbcUrl, JdbcStoreConfig config, @Nullable String user, @Nullable Secret password) {
    if (jdbcUrl.startsWith(SQLITE)) {
      return openSqlite(jdbcUrl, config);
    }
    if (jdbcUrl.startsWith(POSTGRESQL)) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      try {
        dataSource.setURL(jdbcUrl);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("jdbc", "url", "not a valid jdbc:postgresql: URL");
      }
      if (user != null) {
        dataSource.setUser(user);
      }
      if (password != null) {
        dataSource.setPassword(password.reveal());
      }
      ReusingDataSource reusing = new ReusingDataSource(dataSource, MAX_IDLE_CONNECTIONS);
      return new JdbcStore(reusing, config, reusing);
    }
    throw new ConfigurationException(
        "jdbc", "url", "unsupported JDBC URL; use jdbc:sqlite:<file> or jdbc:postgresql://...");
  }

  /**
   * A store on the host application's own DataSource (a connection pool, normally). The dialect is
   * read from the database. The store borrows one connection per operation and never closes the
   * DataSource. PostgreSQL connections must not set {@code reWriteBatchedInserts=true} (the store
   * needs per-row update counts and says so if they are missing). For a SQLite DataSource, set a
   * {@code busy_timeout} and {@code transaction_mode=IMMEDIATE} so that concurrent writers queue
   * rather than fail; a busy file is reported as a transient failure and retried.
   */
  public static JdbcStore of(DataSource dataSource) {
    return of(dataSource, JdbcStoreConfig.defaults());
  }

  public static JdbcStore of(DataSource dataSource, JdbcStoreConfig config) {
    return new JdbcStore(dataSource, config, null);
  }

  private static JdbcStore openSqlite(String jdbcUrl, JdbcStoreConfig config) {
    String target = jdbcUrl.substring(SQLITE.length());
    if (target.isBlank() || target.contains(":memory:") || target.contains("mode=memory")) {
      throw new ConfigurationException(
          "jdbc",
          "url",
          "an in-memory SQLite database lives and dies with each connection; use a file");
    }
    createParentDirectories(target);
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL); // readers never block the writer
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // durable at WAL checkpoints
    sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    sqlite.enforceForeignKeys(true);
    // take the write lock when the transaction begins, so two writers queue instead of
    // deadlocking on a lock upgrade
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
    dataSource.setUrl(jdbcUrl);
    Connection keepAlive;
    try {
      // one connection held for the store's life keeps the WAL open between operations
      keepAlive = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StorageException(
          "jdbc", "open", "cannot open the SQLite file: " + e.getMessage(), e);
    }
    return new JdbcStore(dataSource, config, keepAlive);
  }

  /** SQLite creates the file but not its directory. */
  private static void createParentDirectories(String target) {
    String path = target.startsWith("file:") ? target.substring("file:".length()) : target;
    int query = path.indexOf('?');
    Path file = Path.of(query < 0 ? path : path.substring(0, query)).toAbsolutePath();
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
  }

  private static Dialect dialectOf(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return Dialect.of(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      String state = e.getSQLState();
      boolean transientFailure =
          state != null && (state.startsWith("08") || state.startsWith("57P"));
      throw new StorageException(
          "jdbc",
          "open",
          "cannot connect: sqlState=" + state + ": " + e.getMessage(),
          e,
          transientFailure);
    }
  }

  /** Always present. */
  @Override
  public Optional<BrokerRecordStore> brokerRecords() {
    return Optional.of(records);
  }

  /** Always present. */
  @Override
  public Optional<InstrumentStore> instruments() {
    return Optional.of(records.instruments());
  }

  /** Always present. */
  @Override
  public Optional<RawDataLake> rawDataLake() {
    return Optional.of(lake);
  }

  /** The broker-record port; its {@link BrokerRecordStore#instruments()} is the instrument port. */
  public BrokerRecordStore records() {
    return records;
  }

  /** Seed 001's raw data lake. */
  public RawDataLake lake() {
    return lake;
  }

  /** The schema version the database is at (the library's latest once opened). */
  public int schemaVersion() {
    return Migrations.version(storage);
  }

  /**
   * Takes ownership of {@code account} for this process if no other holder has it, without waiting.
   * PostgreSQL only.
   *
   * @return the lease, to close when done syncing; empty if another holder has it
   */
  public Optional<AccountLease> tryLease(AccountId account) {
    return lease(account, Duration.ZERO);
  }

  /**
   * Takes ownership of {@code account}, waiting up to {@code timeout} for the current holder to let
   * go (the wait happens in the database). PostgreSQL only.
   *
   * @return the lease, to close when done syncing; empty if the timeout passed first
   */
  public Optional<AccountLease> lease(AccountId account, Duration timeout) {
    requirePostgres();
    return AccountLease.acquire(storage, account, timeout);
  }

  /**
   * Who holds {@code account} now, as {@code pid=... application=... client=... since=...}, or
   * empty if nobody does. PostgreSQL only.
   */
  public Optional<String> leaseHolder(AccountId account) {
    requirePostgres();
    return AccountLease.holder(storage, account);
  }

  private void requirePostgres() {
    if (storage.dialect() != Dialect.POSTGRESQL) {
      throw new ConfigurationException(
          "jdbc",
          "url",
          "account leases coordinate ingester processes through PostgreSQL; this store is "
              + storage.dialect().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Releases what the store opened; the host's DataSource stays open. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      storage.close();
      closeQuietly(owned);
    }
  }

  private static void closeQuietly(@Nullable AutoCloseable resource) {
    if (resource != null) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing store connections failed cause={}", e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "JdbcStore[dialect="
        + storage.dialect()
        + ", schema="
        + (storage.schema() == null ? "(default)" : storage.schema())
        + "]";
  }
}
