package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.error.IngestException;
import org.jspecify.annotations.Nullable;

/**
 * A DBN stream is malformed: wrong magic, an unsupported version, a record length that cannot be
 * right, a count that overruns the metadata, corrupt zstd data. Not retried: the same bytes would
 * fail again.
 *
 * <p>{@link #offset()} is the byte offset in the decoded DBN stream (after zstd decompression) of
 * the field that is wrong, so the message reads {@code malformed DBN at offset 4711 field=length:
 * record length 8 bytes is below the 16-byte header}.
 *
 * @since 0.1
 */
@Beta
public final class DbnFormatException extends IngestException {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final String field;

  public DbnFormatException(long offset, String field, String problem) {
    this(offset, field, problem, null);
  }

  public DbnFormatException(long offset, String field, String problem, @Nullable Throwable cause) {
    super(
        "databento",
        "malformed DBN at offset " + offset + " field=" + field + ": " + problem,
        cause);
    this.offset = offset;
    this.field = field;
  }

  /** Byte offset of the bad field in the decoded (decompressed) DBN stream. */
  public long offset() {
    return offset;
  }

  /** The field that is wrong, e.g. {@code length}, {@code version}, {@code mappings.count}. */
  public String field() {
    return field;
  }
}
