/**
 * The TWS session ({@link dev.ingest.ibkr.internal.TwsSession}) and the mapping of TWS messages to
 * api records ({@link dev.ingest.ibkr.internal.IbkrRecords}). Internal: no compatibility promise.
 */
@NullMarked
package dev.ingest.ibkr.internal;

import org.jspecify.annotations.NullMarked;
