/**
 * The JDBC store: {@link dev.ingest.store.jdbc.JdbcStore} persists seed 000's broker records, seed
 * 003's instruments and seed 001's raw data lake on an embedded SQLite file or on PostgreSQL, and
 * {@link dev.ingest.store.jdbc.AccountLease} lets several ingester processes share one PostgreSQL
 * database, one owner per account. Registered as store provider {@code "jdbc"} ({@link
 * dev.ingest.store.jdbc.JdbcStoreProvider}). {@code @Beta} until 1.0.
 */
@NullMarked
package dev.ingest.store.jdbc;

import org.jspecify.annotations.NullMarked;
