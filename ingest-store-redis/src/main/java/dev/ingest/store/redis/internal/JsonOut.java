package dev.ingest.store.redis.internal;

import dev.ingest.api.market.Prices;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON writer straight into UTF-8 bytes, for the payloads the sink stores. It exists
 * because the hot payloads (ticker, book, trade) are written hundreds of thousands of times a
 * second and a general-purpose generator costs more than the JSON itself; reading goes through
 * Jackson.
 *
 * <p>Commas are placed automatically: {@link #name} and the value writers know whether a value came
 * before. Numbers that are not finite are refused here, so NaN and infinities cannot reach Redis
 * even by mistake. Not thread-safe; {@link #local()} hands each thread its own.
 */
public final class JsonOut {
  private static final ThreadLocal<JsonOut> LOCAL = ThreadLocal.withInitial(JsonOut::new);

  /** Buffers that grew past this are dropped after use rather than kept per thread. */
  private static final int KEEP_LIMIT = 1 << 16;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf = new byte[512];
  private int len;
  /* whether the next value at the current nesting level needs a comma before it */
  private boolean comma;

  /** This thread's writer, emptied. */
  public static JsonOut local() {
    JsonOut out = LOCAL.get();
    if (out.buf.length > KEEP_LIMIT) {
      out.buf = new byte[512];
    }
    out.len = 0;
    out.comma = false;
    return out;
  }

  /** The bytes written so far, copied. */
  public byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  public JsonOut beginObject() {
    separate();
    put((byte) '{');
    comma = false;
    return this;
  }

  public JsonOut endObject() {
    put((byte) '}');
    comma = true;
    return this;
  }

  public JsonOut beginArray() {
    separate();
    put((byte) '[');
    comma = false;
    return this;
  }

  public JsonOut endArray() {
    put((byte) ']');
    comma = true;
    return this;
  }

  /** A member name; the value follows with one of the value writers. */
  public JsonOut name(String name) {
    separate();
    quoted(name);
    put((byte) ':');
    comma = false;
    return this;
  }

  public JsonOut string(@Nullable String value) {
    separate();
    if (value == null) {
      ascii("null");
    } else {
      quoted(value);
    }
    comma = true;
    return this;
  }

  public JsonOut number(long value) {
    separate();
    digits(value);
    comma = true;
    return this;
  }

  public JsonOut number(@Nullable Long value) {
    return value == null ? nullValue() : number(value.longValue());
  }

  /** A finite double as Java prints it; callers drop NaN and infinities before they get here. */
  public JsonOut number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    separate();
    ascii(Double.toString(value));
    comma = true;
    return this;
  }

  /** A decimal as a JSON number with its exact digits (never exponent notation). */
  public JsonOut number(BigDecimal value) {
    separate();
    ascii(value.toPlainString());
    comma = true;
    return this;
  }

  /** A decimal as a JSON string, exact ({@code "0.1834"}), or null. */
  public JsonOut decimal(@Nullable BigDecimal value) {
    if (value == null) {
      return nullValue();
    }
    separate();
    put((byte) '"');
    ascii(value.toPlainString());
    put((byte) '"');
    comma = true;
    return this;
  }

  /**
   * A fixed-point price (1e-9 units) as an exact decimal string ({@code "512.11"}), or null for
   * {@link Prices#UNDEFINED}.
   */
  public JsonOut price(long fixed) {
    if (fixed == Prices.UNDEFINED) {
      return nullValue();
    }
    separate();
    put((byte) '"');
    if (fixed == Long.MIN_VALUE) {
      ascii(Prices.toDecimal(fixed).toPlainString());
    } else {
      if (fixed < 0) {
        put((byte) '-');
      }
      long abs = Math.abs(fixed);
      digits(abs / Prices.SCALE);
      long frac = abs % Prices.SCALE;
      if (frac != 0) {
        put((byte) '.');
        int width = 9;
        while (frac % 10 == 0) {
          frac /= 10;
          width--;
        }
        int start = len;
        digits(frac);
        int written = len - start;
        if (written < width) {
          // left-pad the fraction with zeros: shift the digits right
          int pad = width - written;
          ensure(pad);
          System.arraycopy(buf, start, buf, start + pad, written);
          Arrays.fill(buf, start, start + pad, (byte) '0');
          len += pad;
        }
      }
    }
    put((byte) '"');
    comma = true;
    return this;
  }

  /** An instant as ISO-8601 text, exactly as {@link Instant#toString()} writes it. */
  public JsonOut instant(Instant value) {
    separate();
    put((byte) '"');
    IsoInstant.append(this, value);
    put((byte) '"');
    comma = true;
    return this;
  }

  public JsonOut bool(boolean value) {
    separate();
    ascii(value ? "true" : "false");
    comma = true;
    return this;
  }

  public JsonOut nullValue() {
    separate();
    ascii("null");
    comma = true;
    return this;
  }

  // ---- raw output, used by IsoInstant

  void put(byte b) {
    if (len == buf.length) {
      ensure(1);
    }
    buf[len++] = b;
  }

  void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  /** {@code value} in decimal, zero-padded to {@code width} digits. */
  void padded(long value, int width) {
    ensure(width);
    for (int i = width - 1; i >= 0; i--) {
      buf[len + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    len += width;
  }

  void digits(long value) {
    if (value == Long.MIN_VALUE) {
      ascii(Long.toString(value));
      return;
    }
    if (value < 0) {
      put((byte) '-');
      value = -value;
    }
    int n = 1;
    for (long v = value; v >= 10; v /= 10) {
      n++;
    }
    padded(value, n);
  }

  private void separate() {
    if (comma) {
      put((byte) ',');
    }
  }

  private void quoted(String s) {
    ensure(s.length() + 2);
    buf[len++] = '"';
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        if (len == buf.length) {
          ensure(1);
        }
        buf[len++] = (byte) c;
      } else if (c < 0x80) {
        escape(c);
      } else if (c < 0x800) {
        ensure(2);
        buf[len++] = (byte) (0xc0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        ensure(4);
        buf[len++] = (byte) (0xf0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
        // a lone surrogate cannot be UTF-8; the line separators break JavaScript readers
        escape(c);
      } else {
        ensure(3);
        buf[len++] = (byte) (0xe0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    put((byte) '"');
  }

  private void escape(char c) {
    switch (c) {
      case '"' -> ascii("\\\"");
      case '\\' -> ascii("\\\\");
      case '\n' -> ascii("\\n");
      case '\r' -> ascii("\\r");
      case '\t' -> ascii("\\t");
      case '\b' -> ascii("\\b");
      case '\f' -> ascii("\\f");
      default -> {
        ensure(6);
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[(c >> 12) & 0xf];
        buf[len++] = HEX[(c >> 8) & 0xf];
        buf[len++] = HEX[(c >> 4) & 0xf];
        buf[len++] = HEX[c & 0xf];
      }
    }
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
