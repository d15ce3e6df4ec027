package dev.ingest.store.jdbc.internal;

import org.jdbi.v3.core.Handle;

/** Transaction-scoped PostgreSQL advisory locks: held until the transaction ends. */
final class PostgresLocks {
  private PostgresLocks() {}

  /** Waits for the lock named {@code name}; it is released when the transaction ends. */
  static void lockForTransaction(Handle handle, String name) {
    handle
        .createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked")
        .bind("key", AdvisoryLocks.key(name))
        .mapTo(Integer.class)
        .one();
  }
}
