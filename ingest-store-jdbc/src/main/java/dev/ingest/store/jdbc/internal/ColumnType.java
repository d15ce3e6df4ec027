package dev.ingest.store.jdbc.internal;

/**
 * The kinds of value the store writes. Each dialect maps a kind to its SQL type and its JDBC
 * binding; an {@link #INSTANT} is two physical columns, {@code name} (to the microsecond) and
 * {@code name_ns} (the nanoseconds beyond it, 0-999).
 */
enum ColumnType {
  TEXT,
  /** Exact decimal: PostgreSQL {@code numeric}, SQLite TEXT (its NUMERIC would make it a float). */
  DECIMAL,
  /** A UTC instant, exact to the nanosecond across two columns. */
  INSTANT,
  DATE,
  INTEGER,
  BIGINT
}
