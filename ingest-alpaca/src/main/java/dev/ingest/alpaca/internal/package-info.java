/**
 * Alpaca's wire protocol and the ingester's workers: the REST client, the {@code trade_updates}
 * WebSocket client, wire records kept byte-for-byte, their mapping to the SDK's records, and the
 * per-account stream, backfill and healing workers. Internal: no compatibility promise, left out of
 * javadoc.
 */
@NullMarked
package dev.ingest.alpaca.internal;

import org.jspecify.annotations.NullMarked;
