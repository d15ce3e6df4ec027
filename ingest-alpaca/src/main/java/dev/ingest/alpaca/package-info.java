/**
 * Alpaca: the {@link dev.ingest.alpaca.AlpacaBrokerApi} of seed 000, and the Data Ingester of seed
 * 001 ({@link dev.ingest.alpaca.AlpacaIngester}), which captures every order change and account
 * activity of each configured account into the raw data lake through the {@code trade_updates}
 * stream, a backfill at start and a periodic REST healer. Types marked {@link dev.ingest.api.Beta}
 * may still change.
 */
@NullMarked
package dev.ingest.alpaca;

import org.jspecify.annotations.NullMarked;
