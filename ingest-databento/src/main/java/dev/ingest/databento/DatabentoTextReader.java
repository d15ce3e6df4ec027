package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.error.TransportException;
import dev.ingest.databento.internal.SymbolResolver;
import dev.ingest.databento.internal.TextRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads Databento's text encodings into the same records {@link DbnReader} makes: CSV (a header
 * line, then one line per record) and JSON lines (one object per line), with raw or pretty prices
 * and timestamps, and the optional {@code symbol} column. Records without a {@code symbol} get it
 * from {@code metadata}'s mappings when given (text encodings carry no metadata of their own).
 *
 * <p>A line that cannot be read fails with a {@link dev.ingest.api.error.DataValidationException}
 * naming the record type, the field and the line. Lines of record types the SDK does not model are
 * skipped. The streams are lazy, hold one line at a time and close the reader when closed.
 *
 * @since 0.1
 */
@Beta
public final class DatabentoTextReader {
  private DatabentoTextReader() {}

  /** The records of a CSV body or file. */
  public static Stream<DatabentoRecord> csv(Reader reader, @Nullable DbnMetadata metadata) {
    TextRecords parser = new TextRecords(SymbolResolver.of(metadata));
    return lines(
        reader,
        (line, number) -> {
          if (number == 1) {
            parser.csvHeader(line);
            return null;
          }
          return parser.csvLine(line, number);
        });
  }

  /** The records of a JSON-lines body or file. */
  public static Stream<DatabentoRecord> json(Reader reader, @Nullable DbnMetadata metadata) {
    TextRecords parser = new TextRecords(SymbolResolver.of(metadata));
    return lines(reader, parser::jsonLine);
  }

  private interface LineParser {
    @Nullable DatabentoRecord parse(String line, long number);
  }

  private static Stream<DatabentoRecord> lines(Reader reader, LineParser parser) {
    BufferedReader in =
        reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    Iterator<DatabentoRecord> iterator =
        new Iterator<>() {
          private long number;
          private @Nullable DatabentoRecord ahead;
          private boolean done;

          @Override
          public boolean hasNext() {
            while (ahead == null && !done) {
              String line;
              try {
                line = in.readLine();
              } catch (IOException e) {
                throw new TransportException(
                    "databento", "reading line " + (number + 1) + " failed", e);
              }
              if (line == null) {
                done = true;
              } else {
                number++;
                if (!line.isBlank()) {
                  ahead = parser.parse(line, number);
                }
              }
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
        .onClose(
            () -> {
              try {
                in.close();
              } catch (IOException e) {
                throw new TransportException("databento", "closing a text body failed", e);
              }
            });
  }
}
