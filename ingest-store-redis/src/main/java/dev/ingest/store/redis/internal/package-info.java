/**
 * The Redis sink's machinery: payload encoding and decoding, the coalescing pipelined writer, the
 * Lua scripts, key caching and RESP output for the benchmarks. No compatibility promise; left out
 * of javadoc.
 */
@NullMarked
package dev.ingest.store.redis.internal;

import org.jspecify.annotations.NullMarked;
