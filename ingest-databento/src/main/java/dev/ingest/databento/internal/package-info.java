/**
 * Internals of the Databento module: the DBN cursor decoder, record layouts, symbol resolution, the
 * text-encoding parsers, the HTTP client and the chunked, resumable fetch. No compatibility
 * promise.
 */
@NullMarked
package dev.ingest.databento.internal;

import org.jspecify.annotations.NullMarked;
