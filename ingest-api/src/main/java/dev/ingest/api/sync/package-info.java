/**
 * Seed 000's ingestion functions: pure {@code (BrokerApi, account, store) -> SyncSummary}, one per
 * record type, each applying its upsert rule. Running one twice against an unchanged broker writes
 * nothing and reports everything unchanged; running two at once never duplicates a row (the store
 * guarantees it). Stable.
 */
@NullMarked
package dev.ingest.api.sync;

import org.jspecify.annotations.NullMarked;
