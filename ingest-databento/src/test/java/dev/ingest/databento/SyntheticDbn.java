package dev.ingest.databento;

import com.github.luben.zstd.Zstd;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A DBN v3 stream of {@code count} trades, generated block by block as it is read so that a test
 * can decode millions of records without ever holding them: prices, timestamps and sequence numbers
 * all vary. Optionally zstd-compressed, one frame per block.
 */
final class SyntheticDbn extends InputStream {
  static final long FIRST_TS = 1_700_000_000_000_000_000L;
  private static final int BLOCK_RECORDS = 4096;

  private final long count;
  private final boolean zstd;
  private final long firstSequence;
  private final long tsShift;
  private long generated;
  private byte[] block;
  private int at;

  SyntheticDbn(long count, boolean zstd) {
    this(count, zstd, 0, 0);
  }

  /**
   * Trades with sequence numbers from {@code firstSequence}, timestamps shifted by {@code tsShift}
   * nanoseconds.
   */
  SyntheticDbn(long count, boolean zstd, long firstSequence, long tsShift) {
    this.count = count;
    this.zstd = zstd;
    this.firstSequence = firstSequence;
    this.tsShift = tsShift;
    byte[] metadata = metadata();
    this.block = zstd ? Zstd.compress(metadata, 1) : metadata;
  }

  /** Metadata for dataset TEST.SYNTH, schema trades, symbol SYN mapped to instrument 42. */
  static byte[] metadata() {
    int l = 71;
    int variable = 4 + l + 4 + 4 + 4 + (l + 4 + 8 + l);
    int length = 104 + variable;
    length += (8 - (length % 8)) % 8;
    ByteBuffer b = ByteBuffer.allocate(8 + length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("DBN".getBytes(StandardCharsets.US_ASCII)).put((byte) 3).putInt(length);
    b.put(cstr("TEST.SYNTH", 16)).putShort((short) 4).putLong(FIRST_TS).putLong(-1L).putLong(0);
    b.put((byte) 1).put((byte) 0).put((byte) 0).putShort((short) l);
    b.position(112);
    b.putInt(1).put(cstr("SYN", l)).putInt(0).putInt(0);
    b.putInt(1).put(cstr("SYN", l)).putInt(1).putInt(20000101).putInt(21000101).put(cstr("42", l));
    return b.array();
  }

  private static byte[] cstr(String s, int length) {
    byte[] out = new byte[length];
    byte[] text = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, out, 0, text.length);
    return out;
  }

  /** A whole stream in memory, for HTTP stubs. */
  static byte[] bytes(long count, boolean zstd, long firstSequence, long tsShift) {
    try (SyntheticDbn in = new SyntheticDbn(count, zstd, firstSequence, tsShift)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The {@code i}th trade, numbered {@code sequence}, as {@code block} writes it. */
  static void writeTrade(ByteBuffer b, long i, long sequence, long tsShift) {
    b.put((byte) 12).put((byte) 0).putShort((short) 1).putInt(42);
    b.putLong(FIRST_TS + tsShift + i * 1_000L);
    b.putLong(4_500_000_000_000L + (i % 1000) * 250_000_000L);
    b.putInt((int) (1 + i % 50)).put((byte) 'T').put((byte) (i % 2 == 0 ? 'B' : 'A'));
    b.put((byte) 0x80).put((byte) 0);
    b.putLong(FIRST_TS + tsShift + i * 1_000L + 300L).putInt(17).putInt((int) sequence);
  }

  private boolean nextBlock() {
    if (generated >= count) {
      return false;
    }
    int n = (int) Math.min(BLOCK_RECORDS, count - generated);
    ByteBuffer b = ByteBuffer.allocate(n * 48).order(ByteOrder.LITTLE_ENDIAN);
    for (int k = 0; k < n; k++) {
      writeTrade(b, generated + k, firstSequence + generated + k, tsShift);
    }
    generated += n;
    block = zstd ? Zstd.compress(b.array(), 1) : b.array();
    at = 0;
    return true;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    while (at >= block.length) {
      if (!nextBlock()) {
        return -1;
      }
    }
    int n = Math.min(length, block.length - at);
    System.arraycopy(block, at, target, offset, n);
    at += n;
    return n;
  }
}
