/** JMH benchmarks of the Databento module: DBN decoding against plain reads and zstd alone. */
package dev.ingest.benchmarks.databento;
