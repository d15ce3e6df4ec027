package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.error.TransportException;
import org.jspecify.annotations.Nullable;

/**
 * A DBN stream ended inside the metadata, inside a record or inside a zstd frame. Over HTTP this is
 * a dropped connection, so it is a {@link TransportException}: the adapter retries and resumes
 * after the last record it emitted. From a file it means the file is cut short.
 *
 * <p>{@link #offset()} is the byte offset in the decoded DBN stream (after zstd decompression) of
 * the item that could not be completed, e.g. the start of the cut record.
 *
 * @since 0.1
 */
@Beta
public final class DbnTruncatedException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  public DbnTruncatedException(long offset, String what, @Nullable Throwable cause) {
    super("databento", "DBN stream truncated at offset " + offset + ": " + what, cause);
    this.offset = offset;
  }

  /** Byte offset, in the decoded DBN stream, of the item that was cut. */
  public long offset() {
    return offset;
  }
}
