package dev.ingest.store.jdbc;

import dev.ingest.api.Beta;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.store.jdbc.internal.Identifiers;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link JdbcStore} lays out and writes its tables.
 *
 * @param schema the PostgreSQL schema of the broker-record tables, created if missing; null uses
 *     the connection's {@code search_path} (usually {@code public}). Ignored by SQLite.
 * @param lakeSchema the PostgreSQL schema of seed 001's raw data lake tables ({@code
 *     account_activities}). Ignored by SQLite, which has no schemas.
 * @param copyThreshold on PostgreSQL, batches of at least this many records are loaded with {@code
 *     COPY} into a temporary table and merged in one statement; smaller ones go row by row in one
 *     JDBC batch
 * @param retry how a batch is retried after a transient failure (lost connection, deadlock, busy
 *     SQLite file); the batch is rolled back as a whole before each retry
 * @param migrate whether opening the store creates or migrates the schema; when false it only
 *     checks that the schema is current (for databases migrated by a DBA)
 * @since 0.1
 */
@Beta
public record JdbcStoreConfig(
    @Nullable String schema,
    String lakeSchema,
    int copyThreshold,
    RetrySettings retry,
    boolean migrate) {

  /** Seed 001's schema name. */
  public static final String DEFAULT_LAKE_SCHEMA = "account_activities";

  /**
   * From this many records a PostgreSQL batch is staged with COPY. Measured on the development
   * machine, staging is faster per row from about 50 records, but each staged batch creates and
   * drops a temporary table; below a couple of hundred records the difference is a few
   * milliseconds, so small, frequent syncs spare the system catalog.
   */
  public static final int DEFAULT_COPY_THRESHOLD = 200;

  /** Three retries, 100 ms then doubling, at most 2 s: a database comes back fast or not at all. */
  public static final RetrySettings DEFAULT_RETRY =
      new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(2), 2.0);

  public JdbcStoreConfig {
    if (schema != null) {
      Identifiers.check(schema, "schema");
    }
    Identifiers.check(lakeSchema, "lake_schema");
    if (copyThreshold < 1) {
      throw new ConfigurationException(
          "jdbc", "copy_threshold", "copy_threshold must be >= 1, was " + copyThreshold);
    }
    if (retry == null) {
      throw new ConfigurationException("jdbc", "retry_policy", "retry_policy must not be null");
    }
  }

  /** The default schema, {@code account_activities} for the lake, COPY from 200 rows, migrating. */
  public static JdbcStoreConfig defaults() {
    return new JdbcStoreConfig(
        null, DEFAULT_LAKE_SCHEMA, DEFAULT_COPY_THRESHOLD, DEFAULT_RETRY, true);
  }

  /**
   * Reads {@code schema}, {@code lake_schema}, {@code copy_threshold}, {@code migrate} and the
   * {@code retry_policy} section ({@code max_retries}, {@code base_delay}, ...); absent keys keep
   * {@link #defaults()}.
   */
  public static JdbcStoreConfig from(Settings settings) {
    JdbcStoreConfig d = defaults();
    Settings retrySection = settings.section("retry_policy");
    boolean retryGiven =
        retrySection.has("max_retries")
            || retrySection.has("base_delay")
            || retrySection.has("max_delay")
            || retrySection.has("backoff_multiplier");
    return new JdbcStoreConfig(
        settings.optional("schema").orElse(null),
        settings.get("lake_schema", d.lakeSchema),
        settings.intValue("copy_threshold", d.copyThreshold),
        retryGiven ? RetrySettings.from(retrySection) : d.retry,
        settings.booleanValue("migrate", d.migrate));
  }

  public JdbcStoreConfig withSchema(@Nullable String schema) {
    return new JdbcStoreConfig(schema, lakeSchema, copyThreshold, retry, migrate);
  }

  public JdbcStoreConfig withLakeSchema(String lakeSchema) {
    return new JdbcStoreConfig(schema, lakeSchema, copyThreshold, retry, migrate);
  }

  public JdbcStoreConfig withCopyThreshold(int copyThreshold) {
    return new JdbcStoreConfig(schema, lakeSchema, copyThreshold, retry, migrate);
  }

  public JdbcStoreConfig withRetry(RetrySettings retry) {
    return new JdbcStoreConfig(schema, lakeSchema, copyThreshold, retry, migrate);
  }

  public JdbcStoreConfig withMigrate(boolean migrate) {
    return new JdbcStoreConfig(schema, lakeSchema, copyThreshold, retry, migrate);
  }
}
