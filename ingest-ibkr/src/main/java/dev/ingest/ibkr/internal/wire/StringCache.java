package dev.ingest.ibkr.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hands out one {@link String} per distinct short byte sequence, so the values TWS repeats in every
 * frame ({@code STK}, {@code USD}, {@code SMART}, account codes, summary tags) are decoded once and
 * then cost no allocation. Direct-mapped: a colliding newcomer replaces the old entry, which keeps
 * the cache small and its lookup a single comparison.
 *
 * <p>Not thread-safe; each decoder owns one.
 */
final class StringCache {
  /**
   * Longer texts (execution ids, times, order types lists) are mostly unique: not worth caching.
   */
  static final int MAX_CACHED_LENGTH = 20;

  private static final int SLOTS = 1024;

  private final byte[][] keys = new byte[SLOTS][];
  private final String[] values = new String[SLOTS];

  String get(byte[] buf, int start, int length) {
    if (length > MAX_CACHED_LENGTH) {
      return new String(buf, start, length, StandardCharsets.UTF_8);
    }
    int hash = 0;
    for (int i = start, end = start + length; i < end; i++) {
      hash = 31 * hash + buf[i];
    }
    int slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    byte[] key = keys[slot];
    if (key != null
        && key.length == length
        && Arrays.equals(key, 0, length, buf, start, start + length)) {
      return values[slot];
    }
    String value = new String(buf, start, length, StandardCharsets.UTF_8);
    keys[slot] = Arrays.copyOfRange(buf, start, start + length);
    values[slot] = value;
    return value;
  }
}
