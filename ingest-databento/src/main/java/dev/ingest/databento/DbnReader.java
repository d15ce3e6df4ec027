package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.error.TransportException;
import dev.ingest.databento.internal.DbnDecoder;
import dev.ingest.databento.internal.SymbolResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads a DBN file or stream (versions 1 to 3, plain or zstd-compressed) record by record, in
 * constant memory whatever its length: a batch download, a saved {@code timeseries.get_range} body,
 * a live capture.
 *
 * <pre>{@code
 * try (DbnReader reader = DbnReader.open(Path.of("glbx-trades.dbn.zst"))) {
 *   DbnMetadata metadata = reader.metadata();
 *   for (DatabentoRecord r; (r = reader.next()) != null; ) {
 *     if (r instanceof DatabentoTrade trade) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>Records get their symbol from the metadata's mappings or from symbol-mapping records earlier
 * in the stream. Record types the SDK does not model (MBO, MBP-10, definitions, ...) are skipped by
 * their length and counted in {@link #skippedRecords()}. Malformed input fails with a {@link
 * DbnFormatException}, input cut short with a {@link DbnTruncatedException}; both give the byte
 * offset.
 *
 * <p>Not thread-safe. The reader owns the stream it was opened on; close the reader.
 *
 * @since 0.1
 */
@Beta
public final class DbnReader implements AutoCloseable {
  private final DbnDecoder decoder;
  private final SymbolResolver symbols;
  private long skipped;

  private DbnReader(DbnDecoder decoder) {
    this.decoder = decoder;
    this.symbols = SymbolResolver.of(decoder.metadata());
  }

  /** Reads the metadata from {@code in} now; the reader closes {@code in}. */
  public static DbnReader open(InputStream in) {
    return new DbnReader(DbnDecoder.open(in));
  }

  /** Opens a {@code .dbn} or {@code .dbn.zst} file. */
  public static DbnReader open(Path file) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new TransportException("databento", "cannot open DBN file " + file, e);
    }
    return open(in);
  }

  /** The stream's metadata header. */
  public DbnMetadata metadata() {
    return decoder.metadata();
  }

  /** The next record, or null at the end of the stream. */
  public @Nullable DatabentoRecord next() {
    while (decoder.next()) {
      DatabentoRecord record = decoder.materialize(symbols);
      if (record == null) {
        skipped++;
        continue;
      }
      if (record instanceof DatabentoSymbolMapping mapping) {
        symbols.onMapping(mapping.instrumentId(), mapping.stypeOutSymbol());
      }
      return record;
    }
    return null;
  }

  /** How many records of types the SDK does not model were skipped so far. */
  public long skippedRecords() {
    return skipped;
  }

  /** The remaining records as a lazy stream; closing the stream closes this reader. */
  public Stream<DatabentoRecord> records() {
    Iterator<DatabentoRecord> iterator =
        new Iterator<>() {
          private @Nullable DatabentoRecord ahead;

          @Override
          public boolean hasNext() {
            if (ahead == null) {
              ahead = DbnReader.this.next();
            }
            return ahead != null;
          }

          @Override
          public DatabentoRecord next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            DatabentoRecord record = ahead;
            ahead = null;
            return record;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** Closes the underlying stream. Idempotent. */
  @Override
  public void close() {
    decoder.close();
  }
}
