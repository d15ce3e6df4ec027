package dev.ingest.databento.internal;

import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdIOException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.ingest.api.error.TransportException;
import dev.ingest.databento.DatabentoBar;
import dev.ingest.databento.DatabentoErrorMessage;
import dev.ingest.databento.DatabentoMbp1;
import dev.ingest.databento.DatabentoRecord;
import dev.ingest.databento.DatabentoStatistic;
import dev.ingest.databento.DatabentoSymbolMapping;
import dev.ingest.databento.DatabentoSystemMessage;
import dev.ingest.databento.DatabentoTrade;
import dev.ingest.databento.DbnFormatException;
import dev.ingest.databento.DbnMetadata;
import dev.ingest.databento.DbnTruncatedException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a DBN stream (versions 1 to 3, plain or zstd-compressed, detected from the first bytes)
 * as a cursor: {@link #next()} moves to the next record, and the accessors read its fields straight
 * out of one reusable 16 KiB buffer, so walking a stream allocates nothing. {@link #materialize}
 * builds the public record when one is wanted.
 *
 * <p>Memory is constant: the buffer, the zstd window and the metadata, whatever the stream's
 * length. Every structural fault is reported with its byte offset in the decoded stream: a {@link
 * DbnFormatException} when the bytes cannot be DBN, a {@link DbnTruncatedException} when the stream
 * ends inside the metadata, a record or a zstd frame, a {@link TransportException} when the source
 * fails. Counts and lengths are checked against the bytes they claim before anything is allocated
 * or looped over, so a corrupt stream fails fast instead of exhausting memory.
 *
 * <p>Not thread-safe. Closing the decoder closes the source. Internal.
 */
public final class DbnDecoder implements Closeable {
  /**
   * Small enough to stay in the L1 cache between being filled and being parsed, which measured ~10%
   * faster than 64 KiB; large enough for any record (1020 bytes) and metadata item.
   */
  static final int BUFFER_SIZE = 16 * 1024;

  private static final int PRELUDE = 8;
  private static final int METADATA_FIXED = 104;
  private static final int MAX_SYMBOL_LENGTH = 1024;
  private static final int MAX_EMPTY_READS = 1000;
  private static final int MIN_READ = BUFFER_SIZE / 8;

  private final InputStream in;
  private final byte[] buf = new byte[BUFFER_SIZE];
  private final int version;
  private final int[] minimumSizes;
  private final DbnMetadata metadata;

  private int pos;
  private int len;
  private int end;
  private long base;
  private long metadataEnd;
  private boolean closed;

  private DbnDecoder(InputStream source) {
    byte[] head = new byte[4];
    int n = readHead(source, head);
    boolean compressed =
        n == 4
            && head[0] == 0x28
            && head[1] == (byte) 0xB5
            && head[2] == 0x2F
            && head[3] == (byte) 0xFD;
    if (compressed) {
      in = openZstd(new SequenceInputStream(new ByteArrayInputStream(head), source));
    } else {
      in = source;
      System.arraycopy(head, 0, buf, 0, n);
      end = n;
    }
    try {
      if (!fill(PRELUDE)) {
        throw new DbnTruncatedException(
            0, "the metadata prelude needs 8 bytes, the stream has " + end, null);
      }
      if (buf[0] != 'D' || buf[1] != 'B' || buf[2] != 'N') {
        throw new DbnFormatException(
            0, "magic", "expected \"DBN\" or a zstd frame, found " + hex(buf, 0, 4));
      }
      version = buf[3] & 0xFF;
      if (version < 1 || version > 3) {
        throw new DbnFormatException(
            3, "version", "unsupported DBN version " + version + ", this decoder reads 1 to 3");
      }
      minimumSizes = Rtypes.minimumSizes(version);
      metadata = readMetadata();
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  /**
   * Opens a DBN stream and reads its metadata. The stream may be zstd-compressed (one or more
   * frames). The decoder owns {@code source} from here on and closes it.
   */
  public static DbnDecoder open(InputStream source) {
    return new DbnDecoder(source);
  }

  public DbnMetadata metadata() {
    return metadata;
  }

  /**
   * Moves to the next record. Returns false at the end of the stream, which must fall on a record
   * boundary.
   */
  public boolean next() {
    int p = pos + len;
    pos = p;
    if (p >= end) {
      len = 0;
      if (!fill(1)) {
        return false;
      }
      p = pos;
    }
    byte[] b = buf;
    int size = (b[p] & 0xFF) << 2;
    if (size < Rtypes.HEADER_SIZE) {
      throw belowHeader(p, size);
    }
    if (end - p < size) {
      len = 0;
      if (!fill(size)) {
        throw cutRecord(size);
      }
      p = pos;
    }
    int rtype = b[p + 1] & 0xFF;
    if (size < minimumSizes[rtype]) {
      throw tooShort(p, size, rtype);
    }
    len = size;
    return true;
  }

  // The failure paths live out of line so that next() stays small enough to inline into loops.

  private DbnFormatException belowHeader(int p, int size) {
    return new DbnFormatException(
        base + p,
        "length",
        "record length " + size + " bytes is below the " + Rtypes.HEADER_SIZE + "-byte header");
  }

  private DbnTruncatedException cutRecord(int size) {
    return new DbnTruncatedException(
        base + pos,
        "record of "
            + size
            + " bytes (rtype 0x"
            + hex(rtypeAt())
            + ") cut after "
            + (end - pos)
            + " bytes",
        null);
  }

  private DbnFormatException tooShort(int p, int size, int rtype) {
    return new DbnFormatException(
        base + p,
        "length",
        "record of rtype 0x"
            + hex(rtype)
            + " is "
            + size
            + " bytes, DBN v"
            + version
            + " needs at least "
            + minimumSizes[rtype]);
  }

  private int rtypeAt() {
    return end - pos > 1 ? buf[pos + 1] & 0xFF : 0;
  }

  /** The current record's type. */
  public int rtype() {
    return buf[pos + Layout.RTYPE] & 0xFF;
  }

  /** The current record's size in bytes (its length byte times four). */
  public int recordLength() {
    return len;
  }

  /** Offset of the current record in the decoded stream. */
  public long recordOffset() {
    return base + pos;
  }

  public int publisherId() {
    return Le.u16(buf, pos + Layout.PUBLISHER_ID);
  }

  public long instrumentId() {
    return Le.u32(buf, pos + Layout.INSTRUMENT_ID);
  }

  public long tsEvent() {
    return Le.i64(buf, pos + Layout.TS_EVENT);
  }

  /** The signed 64-bit field at {@code field} bytes into the current record. */
  public long i64(int field) {
    return Le.i64(buf, pos + field);
  }

  public int i32(int field) {
    return Le.i32(buf, pos + field);
  }

  public long u32(int field) {
    return Le.u32(buf, pos + field);
  }

  public int u16(int field) {
    return Le.u16(buf, pos + field);
  }

  public int u8(int field) {
    return buf[pos + field] & 0xFF;
  }

  public char c(int field) {
    return (char) (buf[pos + field] & 0xFF);
  }

  /**
   * The timestamp Databento indexes and filters the record by: {@code ts_recv} where the record has
   * one, else {@code ts_event}.
   */
  public long indexTs() {
    return switch (rtype()) {
      case Rtypes.MBP_0, Rtypes.MBP_1 -> i64(Layout.TRADE_TS_RECV);
      case Rtypes.STATISTICS -> i64(Layout.STAT_TS_RECV);
      default -> tsEvent();
    };
  }

  /** Copies the current record's bytes into {@code target} (at least 1020 bytes long). */
  public void copyRecord(byte[] target) {
    System.arraycopy(buf, pos, target, 0, len);
  }

  /** Whether the current record's bytes equal the first {@code length} bytes of {@code other}. */
  public boolean recordEquals(byte[] other, int length) {
    return length == len && Arrays.equals(buf, pos, pos + len, other, 0, length);
  }

  /**
   * The current record as a public record, its symbol found by {@code symbols}; null for record
   * types the SDK does not model (MBO, MBP-10, definitions, ...), which callers skip.
   */
  public @Nullable DatabentoRecord materialize(SymbolResolver symbols) {
    int rtype = rtype();
    int publisher = publisherId();
    long instrument = instrumentId();
    long tsEvent = tsEvent();
    switch (rtype) {
      case Rtypes.MBP_0:
        {
          long tsRecv = i64(Layout.TRADE_TS_RECV);
          SymbolResolver.Resolved s = symbols.resolve(instrument, tsRecv);
          return new DatabentoTrade(
              s.symbol(),
              s.text(),
              publisher,
              instrument,
              tsEvent,
              tsRecv,
              i64(Layout.TRADE_PRICE),
              u32(Layout.TRADE_SIZE_FIELD),
              c(Layout.TRADE_ACTION),
              c(Layout.TRADE_SIDE),
              u8(Layout.TRADE_FLAGS),
              u8(Layout.TRADE_DEPTH),
              i32(Layout.TRADE_TS_IN_DELTA),
              u32(Layout.TRADE_SEQUENCE));
        }
      case Rtypes.MBP_1:
        {
          long tsRecv = i64(Layout.TRADE_TS_RECV);
          SymbolResolver.Resolved s = symbols.resolve(instrument, tsRecv);
          return new DatabentoMbp1(
              s.symbol(),
              s.text(),
              publisher,
              instrument,
              tsEvent,
              tsRecv,
              i64(Layout.TRADE_PRICE),
              u32(Layout.TRADE_SIZE_FIELD),
              c(Layout.TRADE_ACTION),
              c(Layout.TRADE_SIDE),
              u8(Layout.TRADE_FLAGS),
              u8(Layout.TRADE_DEPTH),
              i32(Layout.TRADE_TS_IN_DELTA),
              u32(Layout.TRADE_SEQUENCE),
              i64(Layout.MBP1_BID_PX),
              i64(Layout.MBP1_ASK_PX),
              u32(Layout.MBP1_BID_SZ),
              u32(Layout.MBP1_ASK_SZ),
              u32(Layout.MBP1_BID_CT),
              u32(Layout.MBP1_ASK_CT));
        }
      case Rtypes.OHLCV_DEPRECATED,
      Rtypes.OHLCV_1S,
      Rtypes.OHLCV_1M,
      Rtypes.OHLCV_1H,
      Rtypes.OHLCV_1D,
      Rtypes.OHLCV_EOD:
        {
          SymbolResolver.Resolved s = symbols.resolve(instrument, tsEvent);
          return new DatabentoBar(
              s.symbol(),
              s.text(),
              rtype,
              publisher,
              instrument,
              tsEvent,
              i64(Layout.OHLCV_OPEN),
              i64(Layout.OHLCV_HIGH),
              i64(Layout.OHLCV_LOW),
              i64(Layout.OHLCV_CLOSE),
              i64(Layout.OHLCV_VOLUME));
        }
      case Rtypes.STATISTICS:
        return statistic(symbols, publisher, instrument, tsEvent);
      case Rtypes.SYMBOL_MAPPING:
        return symbolMapping(publisher, instrument, tsEvent);
      case Rtypes.ERROR:
        return version == 1
            ? new DatabentoErrorMessage(
                publisher, instrument, tsEvent, cstr(Layout.TEXT, Layout.TEXT_LEN_V1), 255, true)
            : new DatabentoErrorMessage(
                publisher,
                instrument,
                tsEvent,
                cstr(Layout.TEXT, Layout.ERROR_V2_TEXT_LEN),
                u8(Layout.ERROR_V2_CODE),
                u8(Layout.ERROR_V2_IS_LAST) != 0);
      case Rtypes.SYSTEM:
        return version == 1
            ? new DatabentoSystemMessage(
                publisher, instrument, tsEvent, cstr(Layout.TEXT, Layout.TEXT_LEN_V1), 255)
            : new DatabentoSystemMessage(
                publisher,
                instrument,
                tsEvent,
                cstr(Layout.TEXT, Layout.SYSTEM_V2_TEXT_LEN),
                u8(Layout.SYSTEM_V2_CODE));
      default:
        return null;
    }
  }

  private DatabentoStatistic statistic(
      SymbolResolver symbols, int publisher, long instrument, long tsEvent) {
    long tsRecv = i64(Layout.STAT_TS_RECV);
    SymbolResolver.Resolved s = symbols.resolve(instrument, tsRecv);
    if (version >= 3) {
      return new DatabentoStatistic(
          s.symbol(),
          s.text(),
          publisher,
          instrument,
          tsEvent,
          tsRecv,
          i64(Layout.STAT_TS_REF),
          i64(Layout.STAT_PRICE),
          i64(Layout.STAT_QUANTITY),
          u32(Layout.STAT_V3_SEQUENCE),
          i32(Layout.STAT_V3_TS_IN_DELTA),
          u16(Layout.STAT_V3_STAT_TYPE),
          u16(Layout.STAT_V3_CHANNEL_ID),
          u8(Layout.STAT_V3_UPDATE_ACTION),
          u8(Layout.STAT_V3_STAT_FLAGS));
    }
    int quantity = i32(Layout.STAT_QUANTITY);
    return new DatabentoStatistic(
        s.symbol(),
        s.text(),
        publisher,
        instrument,
        tsEvent,
        tsRecv,
        i64(Layout.STAT_TS_REF),
        i64(Layout.STAT_PRICE),
        // widened as Databento's decoders upgrade v1/v2: the 32-bit sentinel becomes the 64-bit one
        quantity == Integer.MAX_VALUE ? DatabentoStatistic.UNDEF_QUANTITY : quantity,
        u32(Layout.STAT_V1_SEQUENCE),
        i32(Layout.STAT_V1_TS_IN_DELTA),
        u16(Layout.STAT_V1_STAT_TYPE),
        u16(Layout.STAT_V1_CHANNEL_ID),
        u8(Layout.STAT_V1_UPDATE_ACTION),
        u8(Layout.STAT_V1_STAT_FLAGS));
  }

  private DatabentoSymbolMapping symbolMapping(int publisher, long instrument, long tsEvent) {
    if (version == 1) {
      return new DatabentoSymbolMapping(
          publisher,
          instrument,
          tsEvent,
          STypes.NULL,
          cstr(Layout.MAPPING_V1_STYPE_IN_SYMBOL, Layout.SYMBOL_LEN_V1),
          STypes.NULL,
          cstr(Layout.MAPPING_V1_STYPE_OUT_SYMBOL, Layout.SYMBOL_LEN_V1),
          i64(Layout.MAPPING_V1_START_TS),
          i64(Layout.MAPPING_V1_END_TS));
    }
    return new DatabentoSymbolMapping(
        publisher,
        instrument,
        tsEvent,
        u8(Layout.MAPPING_V2_STYPE_IN),
        cstr(Layout.MAPPING_V2_STYPE_IN_SYMBOL, Layout.SYMBOL_LEN_V2),
        u8(Layout.MAPPING_V2_STYPE_OUT),
        cstr(Layout.MAPPING_V2_STYPE_OUT_SYMBOL, Layout.SYMBOL_LEN_V2),
        i64(Layout.MAPPING_V2_START_TS),
        i64(Layout.MAPPING_V2_END_TS));
  }

  /** A NUL-padded C string of at most {@code max} bytes at {@code field} in the current record. */
  public String cstr(int field, int max) {
    return cstrAt(pos + field, max);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly();
    }
  }

  // ---- metadata ----

  private DbnMetadata readMetadata() {
    long length = Le.u32(buf, 4);
    if (length < METADATA_FIXED) {
      throw new DbnFormatException(
          4,
          "length",
          "metadata length " + length + " is below the fixed part of " + METADATA_FIXED + " bytes");
    }
    metadataEnd = PRELUDE + length;
    pos = PRELUDE;
    need(METADATA_FIXED, "metadata");
    int at = pos; // absolute offset 8; field offsets below are absolute offsets minus 8
    String dataset = cstrAt(at, 16);
    String schema = Schemas.name(Le.u16(buf, at + 16));
    long start = Le.i64(buf, at + 18);
    long end = Le.i64(buf, at + 26);
    long limit = Le.i64(buf, at + 34);
    int stypeIn;
    int stypeOut;
    boolean tsOut;
    int symbolLength;
    if (version == 1) {
      // bytes 50..57 hold the deprecated record_count, which is ignored
      stypeIn = Le.u8(buf, at + 50);
      stypeOut = Le.u8(buf, at + 51);
      tsOut = buf[at + 52] != 0;
      symbolLength = Layout.SYMBOL_LEN_V1;
    } else {
      stypeIn = Le.u8(buf, at + 42);
      stypeOut = Le.u8(buf, at + 43);
      tsOut = buf[at + 44] != 0;
      symbolLength = Le.u16(buf, at + 45);
      if (symbolLength < 1 || symbolLength > MAX_SYMBOL_LENGTH) {
        throw new DbnFormatException(
            53,
            "symbol_cstr_len",
            "symbol length " + symbolLength + " is outside 1.." + MAX_SYMBOL_LENGTH);
      }
    }
    long schemaDefinitionLength = Le.u32(buf, at + 100);
    if (schemaDefinitionLength != 0) {
      throw new DbnFormatException(
          108,
          "schema_definition_length",
          "must be 0 (no DBN version defines its content), was " + schemaDefinitionLength);
    }
    pos += METADATA_FIXED;

    List<String> symbols = readSymbols("symbols", symbolLength);
    List<String> partial = readSymbols("partial", symbolLength);
    List<String> notFound = readSymbols("not_found", symbolLength);
    List<DbnMetadata.SymbolMapping> mappings = readMappings(symbolLength);
    skipToMetadataEnd();
    return new DbnMetadata(
        version,
        dataset,
        schema,
        Timestamps.toInstant(start),
        end == -1L ? null : Timestamps.toInstant(end),
        limit == 0 ? null : limit,
        STypes.name(stypeIn),
        STypes.name(stypeOut),
        tsOut,
        symbolLength,
        symbols,
        partial,
        notFound,
        mappings);
  }

  private List<String> readSymbols(String field, int symbolLength) {
    long count = readCount(field + ".count", symbolLength);
    List<String> out = new ArrayList<>((int) Math.min(count, 64));
    for (long i = 0; i < count; i++) {
      need(symbolLength, field);
      out.add(cstrAt(pos, symbolLength));
      pos += symbolLength;
    }
    return out;
  }

  private List<DbnMetadata.SymbolMapping> readMappings(int symbolLength) {
    long count = readCount("mappings.count", symbolLength + 4L);
    List<DbnMetadata.SymbolMapping> out = new ArrayList<>((int) Math.min(count, 64));
    for (long i = 0; i < count; i++) {
      need(symbolLength, "mappings.raw_symbol");
      String rawSymbol = cstrAt(pos, symbolLength);
      pos += symbolLength;
      int intervalSize = 8 + symbolLength;
      long intervalCount = readCount("mappings.interval_count", intervalSize);
      List<DbnMetadata.MappingInterval> intervals =
          new ArrayList<>((int) Math.min(intervalCount, 16));
      for (long k = 0; k < intervalCount; k++) {
        need(intervalSize, "mappings.interval");
        LocalDate startDate = date(pos, "mappings.start_date");
        LocalDate endDate = date(pos + 4, "mappings.end_date");
        intervals.add(
            new DbnMetadata.MappingInterval(startDate, endDate, cstrAt(pos + 8, symbolLength)));
        pos += intervalSize;
      }
      out.add(new DbnMetadata.SymbolMapping(rawSymbol, intervals));
    }
    return out;
  }

  /** Reads a u32 count and checks that that many items of {@code itemSize} can fit. */
  private long readCount(String field, long itemSize) {
    need(4, field);
    long at = base + pos;
    long count = Le.u32(buf, pos);
    pos += 4;
    long left = metadataEnd - (base + pos);
    if (count * itemSize > left) {
      throw new DbnFormatException(
          at,
          field,
          "count "
              + count
              + " of "
              + itemSize
              + "-byte items overruns the "
              + left
              + " metadata bytes left");
    }
    return count;
  }

  private LocalDate date(int index, String field) {
    long yyyymmdd = Le.u32(buf, index);
    try {
      return LocalDate.of(
          (int) (yyyymmdd / 10_000), (int) (yyyymmdd / 100 % 100), (int) (yyyymmdd % 100));
    } catch (DateTimeException e) {
      throw new DbnFormatException(base + index, field, "not a YYYYMMDD date: " + yyyymmdd, e);
    }
  }

  /** Ensures {@code n} metadata bytes at {@code pos}, inside the declared metadata length. */
  private void need(int n, String field) {
    long at = base + pos;
    if (at + n > metadataEnd) {
      throw new DbnFormatException(
          at, field, "needs " + n + " bytes but the metadata length ends at offset " + metadataEnd);
    }
    if (end - pos < n && !fill(n)) {
      throw new DbnTruncatedException(
          at, "metadata " + field + " needs " + n + " bytes, the stream has " + (end - pos), null);
    }
  }

  /** Skips the metadata's trailing padding (v3 pads to a multiple of 8). */
  private void skipToMetadataEnd() {
    while (base + pos < metadataEnd) {
      if (pos >= end && !fill(1)) {
        throw new DbnTruncatedException(base + pos, "metadata ends at offset " + metadataEnd, null);
      }
      pos += (int) Math.min(end - pos, metadataEnd - (base + pos));
    }
  }

  // ---- buffer ----

  /** Makes {@code n <= BUFFER_SIZE} bytes available at {@code pos}; false at end of stream. */
  private boolean fill(int n) {
    // compact when the record would not fit, or when so little room is left that reads get small
    if (buf.length - pos < n || (pos > 0 && buf.length - end < MIN_READ)) {
      int kept = end - pos;
      System.arraycopy(buf, pos, buf, 0, kept);
      base += pos;
      pos = 0;
      end = kept;
    }
    int empty = 0;
    while (end - pos < n) {
      int read = read(buf, end, buf.length - end);
      if (read < 0) {
        return false;
      }
      if (read == 0 && ++empty > MAX_EMPTY_READS) {
        throw new TransportException(
            "databento", "DBN source returned no bytes " + MAX_EMPTY_READS + " times in a row");
      }
      end += read;
    }
    return true;
  }

  private int read(byte[] target, int offset, int n) {
    try {
      return in.read(target, offset, n);
    } catch (ZstdIOException | ZstdException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("Truncated")) {
        throw new DbnTruncatedException(base + end, "zstd frame cut short", e);
      }
      throw new DbnFormatException(base + end, "zstd", "corrupt zstd data: " + message, e);
    } catch (IOException e) {
      throw new TransportException(
          "databento",
          "reading the DBN stream failed at offset " + (base + end) + ": " + e.getMessage(),
          e);
    }
  }

  private String cstrAt(int index, int max) {
    int n = 0;
    while (n < max && buf[index + n] != 0) {
      n++;
    }
    return new String(buf, index, n, StandardCharsets.UTF_8);
  }

  private static int readHead(InputStream source, byte[] head) {
    int n = 0;
    int empty = 0;
    try {
      while (n < head.length) {
        int read = source.read(head, n, head.length - n);
        if (read < 0) {
          break;
        }
        if (read == 0 && ++empty > MAX_EMPTY_READS) {
          throw new TransportException(
              "databento", "DBN source returned no bytes " + MAX_EMPTY_READS + " times in a row");
        }
        n += read;
      }
      return n;
    } catch (IOException e) {
      closeQuietly(source);
      throw new TransportException(
          "databento", "reading the DBN stream failed at offset " + n + ": " + e.getMessage(), e);
    }
  }

  private static InputStream openZstd(InputStream source) {
    try {
      return new ZstdInputStreamNoFinalizer(source);
    } catch (IOException e) {
      closeQuietly(source);
      throw new TransportException("databento", "cannot open zstd stream: " + e.getMessage(), e);
    }
  }

  private void closeQuietly() {
    closeQuietly(in);
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException | RuntimeException e) {
      // nothing left to read from it; a failing close must not hide the real outcome
    }
  }

  private static String hex(int value) {
    return String.format("%02X", value);
  }

  private static String hex(byte[] bytes, int from, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      sb.append(String.format("%02X", bytes[i] & 0xFF));
    }
    return sb.toString();
  }
}
