/**
 * Normalized broker records: the only format the sync functions accept. Immutable, validated in
 * their constructors (a bad field throws {@link dev.ingest.api.error.DataValidationException}
 * naming {@code Record.field}), decimals normalized so that {@code 1.0} equals {@code 1.00}, times
 * as UTC {@link java.time.Instant}s, collections never null. Stable.
 */
@NullMarked
package dev.ingest.api.model;

import org.jspecify.annotations.NullMarked;
