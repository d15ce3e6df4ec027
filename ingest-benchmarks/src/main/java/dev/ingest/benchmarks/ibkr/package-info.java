/**
 * IBKR benchmarks: TWS frame decoding against {@code @stoqey/ib} in the same run. Not published.
 */
package dev.ingest.benchmarks.ibkr;
