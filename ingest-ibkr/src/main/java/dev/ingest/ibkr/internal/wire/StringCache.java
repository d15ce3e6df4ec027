package dev.ingest.ibkr.internal.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Hands out one {@link String} per distinct short byte sequence, so the values TWS repeats in every
 * frame ({@code STK}, {@code USD}, {@code SMART}, account codes, summary tags) are decoded once and
 * then cost no allocation. A text of up to 24 bytes is read as three longs, which are both its hash
 * and its key: a lookup is a few loads and compares, no byte loop. Direct-mapped: a colliding
 * newcomer replaces the old entry.
 *
 * <p>Not thread-safe; each decoder owns one.
 */
final class StringCache {
  /** Longer texts (order-type lists, trading hours) are rarely repeated: not worth caching. */
  static final int MAX_CACHED_LENGTH = 24;

  private static final int SLOTS = 1024;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long[] k0 = new long[SLOTS];
  private final long[] k1 = new long[SLOTS];
  private final long[] k2 = new long[SLOTS];
  private final int[] lengths = new int[SLOTS];
  private final String[] values = new String[SLOTS];

  String get(byte[] buf, int start, int length) {
    // the long reads may run past the text (masked off), but never past the array
    if (length > MAX_CACHED_LENGTH || start + 24 > buf.length) {
      return new String(buf, start, length, StandardCharsets.UTF_8);
    }
    long a = (long) LONGS.get(buf, start) & mask(length);
    long b = length > 8 ? (long) LONGS.get(buf, start + 8) & mask(length - 8) : 0;
    long c = length > 16 ? (long) LONGS.get(buf, start + 16) & mask(length - 16) : 0;
    long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL) ^ (c * 0x165667B19E3779F9L);
    int slot = (int) (h ^ (h >>> 32) ^ length) & (SLOTS - 1);
    String value = values[slot];
    if (value != null
        && lengths[slot] == length
        && k0[slot] == a
        && k1[slot] == b
        && k2[slot] == c) {
      return value;
    }
    value = new String(buf, start, length, StandardCharsets.UTF_8);
    k0[slot] = a;
    k1[slot] = b;
    k2[slot] = c;
    lengths[slot] = length;
    values[slot] = value;
    return value;
  }

  /** Keeps the low {@code bytes} bytes of a little-endian long (all of it from 8 on). */
  private static long mask(int bytes) {
    return bytes >= 8 ? -1L : (1L << (bytes << 3)) - 1;
  }
}
