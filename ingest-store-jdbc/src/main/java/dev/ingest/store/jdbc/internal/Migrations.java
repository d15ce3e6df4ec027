package dev.ingest.store.jdbc.internal;

import dev.ingest.api.error.StorageException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned, idempotent schema creation. {@code schema_version} holds one row per applied version;
 * opening a store applies the versions it lacks, in order, each script with its row in one
 * transaction, so a crash half way leaves the last complete version. A database already at a
 * version newer than this library knows is refused rather than written with an older idea of the
 * schema. On PostgreSQL an advisory lock makes concurrent openers (two ingester processes starting
 * together) take turns; on SQLite the write transaction does.
 *
 * <p>To change the schema, add {@code migration/V<n>__<what>.sql} and a line to {@link #ALL}; never
 * edit a released script.
 */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  /** One schema change, in {@code migration/V<version>__<description>.sql}. */
  record Migration(int version, String description) {
    String file() {
      return "migration/V" + version + "__" + description + ".sql";
    }
  }

  static final List<Migration> ALL =
      List.of(new Migration(1, "broker_records"), new Migration(2, "raw_data_lake"));

  private Migrations() {}

  /** The version this library brings a schema to. */
  public static int latest() {
    return ALL.get(ALL.size() - 1).version();
  }

  /** Brings the schema to {@link #latest()}; returns the version it was at. */
  public static int migrate(Storage storage) {
    return migrate(storage, latest());
  }

  /**
   * Brings the schema to {@code target} (at most {@link #latest()}); returns the version before.
   */
  static int migrate(Storage storage, int target) {
    int found = version(storage);
    if (found == target) {
      return found; // the common case: nothing to do, no lock taken
    }
    return storage.write(
        "migrate",
        tx -> {
          Handle h = tx.handle;
          lock(storage, h);
          int current = current(storage, h);
          if (current > latest()) {
            throw newerThanLibrary(storage, current);
          }
          for (Migration m : ALL) {
            if (m.version() > current && m.version() <= target) {
              for (String statement : storage.sql().statements(m.file())) {
                h.execute(statement);
              }
              h.createUpdate(
                      storage
                          .sql()
                          .render(
                              "INSERT INTO ${schema}schema_version (version, description,"
                                  + " applied_at) VALUES (:version, :description, ${now})",
                              "schema_version"))
                  .bind("version", m.version())
                  .bind("description", m.description())
                  .execute();
              log.info(
                  "schema migrated dialect={} schema={} version={} description={}",
                  storage.dialect(),
                  storage.schema(),
                  m.version(),
                  m.description());
            }
          }
          return current;
        });
  }

  /** Fails unless the schema is at exactly {@link #latest()} (for stores told not to migrate). */
  public static void verify(Storage storage) {
    int current =
        storage.read(
            "verifySchema",
            h -> {
              boolean exists = versionTableExists(storage, h);
              return exists ? current(storage, h) : 0;
            });
    if (current > latest()) {
      throw newerThanLibrary(storage, current);
    }
    if (current < latest()) {
      throw new StorageException(
          Storage.STORE,
          "verifySchema",
          "schema is at version "
              + current
              + " but this library needs "
              + latest()
              + "; open the store with migrate=true once, or apply the scripts under"
              + " dev/ingest/store/jdbc/migration/",
          null);
    }
  }

  /** The applied version, 0 for an empty database. */
  public static int version(Storage storage) {
    return storage.read(
        "schemaVersion", h -> versionTableExists(storage, h) ? current(storage, h) : 0);
  }

  private static void lock(Storage storage, Handle h) {
    if (storage.dialect() == Dialect.POSTGRESQL) {
      PostgresLocks.lockForTransaction(h, "migrate:" + storage.schema());
      if (storage.schema() != null) {
        h.execute("CREATE SCHEMA IF NOT EXISTS " + storage.dialect().quote(storage.schema()));
      }
    }
    h.execute(
        storage
            .sql()
            .render(
                "CREATE TABLE IF NOT EXISTS ${schema}schema_version (version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied_at ${timestamp} NOT NULL)",
                "schema_version"));
  }

  private static int current(Storage storage, Handle h) {
    return h.createQuery(
            storage
                .sql()
                .render(
                    "SELECT COALESCE(MAX(version), 0) FROM ${schema}schema_version",
                    "schema_version"))
        .mapTo(Integer.class)
        .one();
  }

  private static boolean versionTableExists(Storage storage, Handle h) {
    if (storage.dialect() == Dialect.POSTGRESQL) {
      return h.createQuery("SELECT to_regclass(:name) IS NOT NULL")
          .bind("name", storage.table("schema_version"))
          .mapTo(Boolean.class)
          .one();
    }
    return h.createQuery(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private static StorageException newerThanLibrary(Storage storage, int current) {
    return new StorageException(
        Storage.STORE,
        "migrate",
        "schema "
            + (storage.schema() == null ? "(default)" : storage.schema())
            + " is at version "
            + current
            + ", newer than this library knows ("
            + latest()
            + "); upgrade dev.ingest:ingest-store-jdbc",
        null);
  }
}
