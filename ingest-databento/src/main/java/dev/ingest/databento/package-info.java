/**
 * Databento: the historical adapter ({@link dev.ingest.databento.DatabentoHistoricalAdapter},
 * provider name {@code databento}), a native DBN decoder ({@link dev.ingest.databento.DbnReader})
 * and readers for the CSV and JSON-lines encodings ({@link
 * dev.ingest.databento.DatabentoTextReader}), with Databento's records in full detail ({@link
 * dev.ingest.databento.DatabentoRecord}). Types marked {@link dev.ingest.api.Beta} may still
 * change.
 */
@NullMarked
package dev.ingest.databento;

import org.jspecify.annotations.NullMarked;
