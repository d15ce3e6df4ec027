package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.TransportException;
import dev.ingest.databento.internal.SymbolResolver;
import dev.ingest.databento.internal.TextRecords;
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
  /** The longest line accepted; Databento's are well under 1 KiB. */
  static final int MAX_LINE = 1 << 20;

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
    LineReader in = new LineReader(reader);
    Iterator<DatabentoRecord> iterator =
        new Iterator<>() {
          private long number;
          private @Nullable DatabentoRecord ahead;
          private boolean done;

          @Override
          public boolean hasNext() {
            while (ahead == null && !done) {
              String line = in.readLine(number + 1);
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

  /**
   * Reads lines ({@code \n} or {@code \r\n}) through its own buffer; unlike {@link
   * java.io.BufferedReader#readLine()}, a line longer than {@link #MAX_LINE} fails rather than
   * filling the heap.
   */
  private static final class LineReader implements AutoCloseable {
    private final Reader reader;
    private final char[] buffer = new char[8192];
    private int at;
    private int end;

    LineReader(Reader reader) {
      this.reader = reader;
    }

    @Nullable String readLine(long number) {
      StringBuilder line = null;
      try {
        while (true) {
          if (at == end) {
            end = reader.read(buffer, 0, buffer.length);
            at = 0;
            if (end < 0) {
              end = 0;
              return line == null || line.length() == 0 ? null : stripCr(line.toString());
            }
          }
          int from = at;
          while (at < end && buffer[at] != '\n') {
            at++;
          }
          int length = at - from + (line == null ? 0 : line.length());
          if (length > MAX_LINE) {
            throw new DataValidationException(
                    "DatabentoRecord.line", "is longer than " + MAX_LINE + " characters")
                .withContext("databento", "line=" + number);
          }
          if (at < end) { // found the end of the line
            String text;
            if (line == null) {
              text = new String(buffer, from, at - from);
            } else {
              text = line.append(buffer, from, at - from).toString();
            }
            at++;
            return stripCr(text);
          }
          if (line == null) {
            line = new StringBuilder(2 * (at - from) + 16);
          }
          line.append(buffer, from, at - from);
        }
      } catch (IOException e) {
        throw new TransportException("databento", "reading line " + number + " failed", e);
      }
    }

    private static String stripCr(String line) {
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
