/**
 * Benchmarks of the JDBC store against its baselines in the same run: PostgreSQL upserts through
 * the store beside a naive one-statement-per-row loop and a raw {@code COPY}. Not published.
 */
package dev.ingest.benchmarks.jdbc;
