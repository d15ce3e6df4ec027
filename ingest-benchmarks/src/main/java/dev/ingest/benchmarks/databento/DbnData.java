package dev.ingest.benchmarks.databento;

import com.github.luben.zstd.Zstd;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Realistic-looking DBN v3 streams for the benchmarks: trades and OHLCV-1m bars with random-walk
 * prices on a tick grid, irregular timestamps and varying sizes, so that zstd compresses them about
 * as it does real data rather than trivially.
 */
final class DbnData {
  static final int TRADE_SIZE = 48;
  static final int OHLCV_SIZE = 56;
  private static final long TICK = 250_000_000L; // 0.25
  private static final long START = 1_704_067_200_000_000_000L; // 2024-01-01

  private DbnData() {}

  /** A plain DBN stream of {@code records} records of {@code schema} (trades or ohlcv-1m). */
  static byte[] plain(String schema, int records) {
    boolean trades = schema.equals("trades");
    byte[] metadata = metadata(trades ? 4 : 6);
    int size = trades ? TRADE_SIZE : OHLCV_SIZE;
    ByteBuffer b =
        ByteBuffer.allocate(metadata.length + records * size).order(ByteOrder.LITTLE_ENDIAN);
    b.put(metadata);
    Random random = new Random(42);
    if (trades) {
      writeTrades(b, records, random);
    } else {
      writeBars(b, records, random);
    }
    return b.array();
  }

  static byte[] zstd(byte[] plain) {
    return Zstd.compress(plain, 3);
  }

  static int recordSize(String schema) {
    return schema.equals("trades") ? TRADE_SIZE : OHLCV_SIZE;
  }

  private static void writeTrades(ByteBuffer b, int records, Random random) {
    long ts = START;
    long price = 4_750_000_000_000L;
    for (int i = 0; i < records; i++) {
      ts += 1 + random.nextInt(2_000_000);
      price += (random.nextInt(5) - 2) * TICK;
      b.put((byte) 12).put((byte) 0).putShort((short) 1).putInt(5482).putLong(ts);
      b.putLong(price).putInt(1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 5));
      b.put((byte) 'T').put((byte) (random.nextBoolean() ? 'A' : 'B'));
      b.put((byte) (random.nextInt(8) == 0 ? 0 : 0x80)).put((byte) 0);
      b.putLong(ts + 100 + random.nextInt(20_000)).putInt(10_000 + random.nextInt(30_000));
      b.putInt(1_170_000 + i);
    }
  }

  private static void writeBars(ByteBuffer b, int records, Random random) {
    int instruments = 16;
    long[] last = new long[instruments];
    for (int k = 0; k < instruments; k++) {
      last[k] = (1000 + random.nextInt(4000)) * 1_000_000_000L;
    }
    for (int i = 0; i < records; i++) {
      int k = i % instruments;
      long minute = START + (i / instruments) * 60_000_000_000L;
      long open = last[k];
      long close = open + (random.nextInt(9) - 4) * TICK;
      long high = Math.max(open, close) + random.nextInt(3) * TICK;
      long low = Math.min(open, close) - random.nextInt(3) * TICK;
      last[k] = close;
      b.put((byte) 14).put((byte) 0x21).putShort((short) 1).putInt(5000 + k).putLong(minute);
      b.putLong(open).putLong(high).putLong(low).putLong(close);
      b.putLong(1 + random.nextInt(random.nextInt(10) == 0 ? 5000 : 300));
    }
  }

  /** A v3 metadata header with one symbol mapped to one instrument. */
  private static byte[] metadata(int schema) {
    int l = 71;
    int length = 104 + 4 + l + 4 + 4 + 4 + (l + 4 + 8 + l);
    length += (8 - (length % 8)) % 8;
    ByteBuffer b = ByteBuffer.allocate(8 + length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("DBN".getBytes(StandardCharsets.US_ASCII)).put((byte) 3).putInt(length);
    b.put(cstr("GLBX.MDP3", 16)).putShort((short) schema).putLong(START).putLong(-1L).putLong(0);
    b.put((byte) 1).put((byte) 0).put((byte) 0).putShort((short) l);
    b.position(112);
    b.putInt(1).put(cstr("ESH4", l)).putInt(0).putInt(0);
    b.putInt(1).put(cstr("ESH4", l)).putInt(1).putInt(20240101).putInt(20250101);
    b.put(cstr("5482", l));
    return b.array();
  }

  private static byte[] cstr(String s, int length) {
    byte[] out = new byte[length];
    byte[] text = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, out, 0, text.length);
    return out;
  }
}
