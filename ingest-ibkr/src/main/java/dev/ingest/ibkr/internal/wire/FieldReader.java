package dev.ingest.ibkr.internal.wire;

import dev.ingest.api.error.DataValidationException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the NUL-terminated fields of one frame payload in order, parsing numbers straight from the
 * bytes: no {@code split}, no intermediate {@code String} for a number, and short repeated texts
 * come from a {@link StringCache}. This is the hot path of every TWS stream, depth included.
 *
 * <p>Each read names its field; a field that is missing, or not the number it must be, throws a
 * {@link DataValidationException} naming the message, the field, its index and its byte offset in
 * the stream, e.g. {@code invalid POSITION.avgCost: must be a number, was 'abc' (field 15 at byte
 * offset 1207)}.
 *
 * <p>The "unset" conventions are those of TWS: {@link Integer#MAX_VALUE} for ints and {@link
 * Double#MAX_VALUE} for doubles; decimals come back as {@code null} when unset.
 *
 * <p>Not thread-safe; one per reading thread.
 */
public final class FieldReader {
  /** TWS's "unset" double, as text. */
  static final String UNSET_DOUBLE_TEXT = "1.7976931348623157E308";

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final long TWO_POW_53 = 1L << 53;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final byte[] UNSET_DOUBLE_BYTES =
      UNSET_DOUBLE_TEXT.getBytes(StandardCharsets.US_ASCII);

  private final StringCache strings = new StringCache();

  private byte[] buf = new byte[0];
  private int pos;
  private int end;
  private int payloadStart;
  private long streamOffset;
  private int fieldIndex;
  private String message = "TwsFrame";

  /** The NUL ending each field of the current payload, and how many there are. */
  private int[] ends = new int[256];

  private int fieldCount;

  /**
   * Points the reader at a payload {@code buf[start, end)} that began at {@code streamOffset} in
   * the stream. The payload must end with NUL, as every TWS payload does.
   */
  public void reset(byte[] buf, int start, int end, long streamOffset) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
    this.payloadStart = start;
    this.streamOffset = streamOffset;
    this.fieldIndex = 0;
    this.message = "TwsFrame";
    if (end <= start || buf[end - 1] != 0) {
      throw new DataValidationException(
          "TwsFrame.payload",
          "must end with a NUL byte (payload of "
              + (end - start)
              + " bytes at byte offset "
              + streamOffset
              + ")");
    }
    indexFields();
  }

  /**
   * Finds every field's NUL in one pass, eight bytes at a time, so that each read afterwards is an
   * array lookup. {@code ~(((v & 0x7F..) + 0x7F..) | v | 0x7F..)} sets the high bit of exactly the
   * zero bytes of {@code v} (no carry crosses a byte), and each set bit is one field's end.
   */
  private void indexFields() {
    int count = 0;
    int i = payloadStart;
    int[] index = ends;
    while (i + 8 <= end) {
      long v = (long) LONGS.get(buf, i);
      long zeros = ~(((v & LOW7) + LOW7) | v | LOW7);
      while (zeros != 0) {
        if (count == index.length) {
          index = ends = Arrays.copyOf(index, index.length * 2);
        }
        index[count++] = i + (Long.numberOfTrailingZeros(zeros) >>> 3);
        zeros &= zeros - 1;
      }
      i += 8;
    }
    for (; i < end; i++) {
      if (buf[i] == 0) {
        if (count == index.length) {
          index = ends = Arrays.copyOf(index, index.length * 2);
        }
        index[count++] = i;
      }
    }
    fieldCount = count;
  }

  /** Names the message being read, for error messages. */
  public void message(String name) {
    this.message = name;
  }

  public String message() {
    return message;
  }

  /** How many fields have been read. */
  public int fieldIndex() {
    return fieldIndex;
  }

  /** Whether every field of the payload has been read. */
  public boolean atEnd() {
    return fieldIndex >= fieldCount;
  }

  /** Fails unless every field was read: a leftover field means our layout and TWS's disagree. */
  public void expectEnd() {
    if (fieldIndex < fieldCount) {
      throw error(
          "endOfMessage",
          (fieldCount - fieldIndex)
              + " unread field(s) left, starting with "
              + quote(pos, ends[fieldIndex]));
    }
  }

  // ---------------------------------------------------------------- strings

  /** A text field; empty is {@code ""}. */
  public String readString(String field) {
    int start = pos;
    int stop = next(field);
    return start == stop ? "" : strings.get(buf, start, stop - start);
  }

  /** A text field TWS escapes as {@code \\uXXXX} (error messages, long names). */
  public String readEscapedString(String field) {
    return Unicode.unescape(readString(field));
  }

  /** Skips one field of any type. */
  public void skip(String field) {
    next(field);
  }

  /** Skips {@code count} fields. */
  public void skip(int count, String field) {
    for (int i = 0; i < count; i++) {
      next(field);
    }
  }

  /** Whether the next field is empty, without consuming it. */
  public boolean peekEmpty(String field) {
    if (fieldIndex >= fieldCount) {
      throw missing(field);
    }
    return ends[fieldIndex] == pos;
  }

  // ---------------------------------------------------------------- integers

  /** An int; empty is 0. */
  public int readInt(String field) {
    int start = pos;
    int stop = next(field);
    if (start == stop) {
      return 0;
    }
    long value = parseLong(start, stop, field);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error(field, "must be a 32-bit integer, was " + quote(start, stop));
    }
    return (int) value;
  }

  /** An int that may be unset: empty is {@link Integer#MAX_VALUE}, TWS's "unset". */
  public int readIntMax(String field) {
    if (fieldIndex < fieldCount && ends[fieldIndex] == pos) {
      next(field);
      return Integer.MAX_VALUE;
    }
    return readInt(field);
  }

  /** A long; empty is 0. */
  public long readLong(String field) {
    int start = pos;
    int stop = next(field);
    return start == stop ? 0 : parseLong(start, stop, field);
  }

  /** A bool written as an integer: non-zero is true, empty is false. */
  public boolean readBool(String field) {
    return readInt(field) != 0;
  }

  // ---------------------------------------------------------------- doubles

  /** A double; empty is 0. {@code 1.7976931348623157E308} stays {@link Double#MAX_VALUE}. */
  public double readDouble(String field) {
    int start = pos;
    int stop = next(field);
    return start == stop ? 0.0 : parseDouble(start, stop, field);
  }

  /** A double that may be unset: empty is {@link Double#MAX_VALUE}, TWS's "unset". */
  public double readDoubleMax(String field) {
    int start = pos;
    int stop = next(field);
    return start == stop ? Double.MAX_VALUE : parseDouble(start, stop, field);
  }

  // ---------------------------------------------------------------- decimals

  /**
   * A quantity: plain decimal text, thousands commas allowed. Empty and TWS's unset markers ({@code
   * 2147483647}, {@code 9223372036854775807}, {@code -9223372036854775808}, {@code
   * 1.7976931348623157E308}) are {@code null}.
   */
  public BigDecimal readDecimal(String field) {
    int start = pos;
    int stop = next(field);
    if (start == stop) {
      return null;
    }
    int length = stop - start;
    if (isUnsetDecimal(start, length)) {
      return null;
    }
    int i = start;
    boolean negative = false;
    if (buf[i] == '-') {
      negative = true;
      i++;
    } else if (buf[i] == '+') {
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    boolean any = false;
    for (; i < stop; i++) {
      byte b = buf[i];
      if (b >= '0' && b <= '9') {
        any = true;
        if (digits >= 18) {
          return slowDecimal(start, stop, field);
        }
        unscaled = unscaled * 10 + (b - '0');
        if (unscaled != 0) {
          digits++;
        }
        if (dot) {
          scale++;
        }
      } else if (b == '.' && !dot) {
        dot = true;
      } else if (b == ',' && !dot) {
        // thousands separator, as TWS writes some quantities ("1,000")
      } else if (b == 'E' || b == 'e') {
        return slowDecimal(start, stop, field);
      } else {
        throw error(field, "must be a decimal number, was " + quote(start, stop));
      }
    }
    if (!any) {
      throw error(field, "must be a decimal number, was " + quote(start, stop));
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }

  // ---------------------------------------------------------------- internals

  /** Consumes the next field and returns the index of its NUL terminator. */
  private int next(String field) {
    if (fieldIndex >= fieldCount) {
      throw missing(field);
    }
    int stop = ends[fieldIndex++];
    pos = stop + 1;
    return stop;
  }

  private long parseLong(int start, int stop, String field) {
    int i = start;
    boolean negative = false;
    if (buf[i] == '-') {
      negative = true;
      i++;
    } else if (buf[i] == '+') {
      i++;
    }
    if (i == stop) {
      throw error(field, "must be an integer, was " + quote(start, stop));
    }
    if (stop - i <= 18) {
      // eighteen digits cannot overflow a long: no check per digit
      long value = 0;
      for (; i < stop; i++) {
        int digit = buf[i] - '0';
        if (digit < 0 || digit > 9) {
          throw error(field, "must be an integer, was " + quote(start, stop));
        }
        value = value * 10 + digit;
      }
      return negative ? -value : value;
    }
    // accumulate negatively so that Long.MIN_VALUE parses too
    long value = 0;
    for (; i < stop; i++) {
      int digit = buf[i] - '0';
      if (digit < 0 || digit > 9) {
        throw error(field, "must be an integer, was " + quote(start, stop));
      }
      if (value < (Long.MIN_VALUE + digit) / 10) {
        throw error(field, "must be a 64-bit integer, was " + quote(start, stop));
      }
      value = value * 10 - digit;
    }
    if (!negative) {
      if (value == Long.MIN_VALUE) {
        throw error(field, "must be a 64-bit integer, was " + quote(start, stop));
      }
      return -value;
    }
    return value;
  }

  private double parseDouble(int start, int stop, String field) {
    // TWS writes "unset" as Double.MAX_VALUE in full; thousands per stream, so recognise its bytes
    if (stop - start == UNSET_DOUBLE_BYTES.length
        && Arrays.equals(buf, start, stop, UNSET_DOUBLE_BYTES, 0, UNSET_DOUBLE_BYTES.length)) {
      return Double.MAX_VALUE;
    }
    // Fast path (Clinger): a mantissa below 2^53 and a power of ten up to 1e22 are both exact
    // doubles, so one division rounds exactly as Double.parseDouble would.
    int i = start;
    boolean negative = false;
    if (buf[i] == '-') {
      negative = true;
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    boolean any = false;
    for (; i < stop; i++) {
      byte b = buf[i];
      if (b >= '0' && b <= '9') {
        any = true;
        if (digits >= 18) {
          return slowDouble(start, stop, field);
        }
        mantissa = mantissa * 10 + (b - '0');
        if (mantissa != 0) {
          digits++;
        }
        if (dot) {
          scale++;
        }
      } else if (b == '.' && !dot) {
        dot = true;
      } else {
        return slowDouble(start, stop, field);
      }
    }
    if (!any) {
      throw error(field, "must be a number, was " + quote(start, stop));
    }
    if (mantissa >= TWO_POW_53 || scale > 22) {
      return slowDouble(start, stop, field);
    }
    double value = scale == 0 ? (double) mantissa : mantissa / POW10[scale];
    return negative ? -value : value;
  }

  /**
   * Exponent forms ({@code 1.0E-4}), infinities and mantissas beyond 2^53 (Java's {@code
   * 258.04999999999995}): the JDK's exact parser, after refusing what it would accept but TWS never
   * writes (hex floats, {@code 1d}/{@code 1f} suffixes).
   */
  private double slowDouble(int start, int stop, String field) {
    for (int i = start; i < stop; i++) {
      byte c = buf[i];
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e')) {
        String text = new String(buf, start, stop - start, StandardCharsets.ISO_8859_1);
        switch (text) {
          case "Infinity":
            return Double.POSITIVE_INFINITY;
          case "-Infinity":
            return Double.NEGATIVE_INFINITY;
          case "NaN":
            return Double.NaN;
          default:
            throw error(field, "must be a number, was " + quote(start, stop));
        }
      }
    }
    String text = new String(buf, start, stop - start, StandardCharsets.ISO_8859_1);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw error(field, "must be a number, was " + quote(start, stop));
    }
  }

  private BigDecimal slowDecimal(int start, int stop, String field) {
    String text =
        new String(buf, start, stop - start, StandardCharsets.ISO_8859_1).replace(",", "");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e')) {
        throw error(field, "must be a decimal number, was " + quote(start, stop));
      }
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(field, "must be a decimal number, was " + quote(start, stop));
    }
  }

  private boolean isUnsetDecimal(int start, int length) {
    return equalsAscii(start, length, "2147483647")
        || equalsAscii(start, length, "9223372036854775807")
        || equalsAscii(start, length, "-9223372036854775808")
        || equalsAscii(start, length, UNSET_DOUBLE_TEXT);
  }

  private boolean equalsAscii(int start, int length, String text) {
    if (length != text.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (buf[start + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private long offsetOf(int index) {
    return streamOffset + (index - payloadStart);
  }

  private DataValidationException missing(String field) {
    return new DataValidationException(
        message + "." + field,
        "missing: the message ended after "
            + fieldIndex
            + " field(s) (field "
            + fieldIndex
            + " at byte offset "
            + offsetOf(end)
            + ")");
  }

  /** A wrong value in the field just consumed; names the message, field, index and offset. */
  public DataValidationException invalid(String field, String problem) {
    return error(field, problem);
  }

  private DataValidationException error(String field, String problem) {
    int index = fieldIndex - 1;
    // the field's first byte: walk back from the NUL that ended it
    int stop = pos - 1;
    int start = stop;
    while (start > payloadStart && buf[start - 1] != 0) {
      start--;
    }
    if (field.equals("endOfMessage")) {
      index = fieldIndex;
      start = pos;
    }
    return new DataValidationException(
        message + "." + field,
        problem + " (field " + index + " at byte offset " + offsetOf(start) + ")");
  }

  private String quote(int start, int stop) {
    int length = Math.min(stop - start, 64);
    return "'"
        + new String(buf, start, length, StandardCharsets.UTF_8)
        + (stop - start > 64 ? "…" : "")
        + "'";
  }
}
