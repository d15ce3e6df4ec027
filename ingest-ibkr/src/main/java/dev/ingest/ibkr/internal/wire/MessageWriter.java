package dev.ingest.ibkr.internal.wire;

import dev.ingest.api.error.DataValidationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one outgoing frame: the 4-byte length, then each field as text followed by NUL (reference
 * §2.5). Unset ints and doubles go out as empty fields; doubles in plain notation; text must be
 * printable ASCII (plus tab and line breaks), as official clients insist.
 *
 * <p>Not thread-safe; build a frame, take its bytes, build the next.
 */
public final class MessageWriter {
  private final String message;
  private byte[] buf = new byte[128];
  private int length = 4;

  private MessageWriter(String message) {
    this.message = message;
  }

  /** Starts a frame; {@code message} names it in errors. */
  public static MessageWriter start(String message, int id) {
    return new MessageWriter(message).add(id);
  }

  public MessageWriter add(int value) {
    return ascii(Integer.toString(value));
  }

  public MessageWriter add(long value) {
    return ascii(Long.toString(value));
  }

  /** An int that may be unset: {@link Integer#MAX_VALUE} is sent as an empty field. */
  public MessageWriter addMax(int value) {
    return value == Integer.MAX_VALUE ? empty() : add(value);
  }

  public MessageWriter add(boolean value) {
    return ascii(value ? "1" : "0");
  }

  /** A double in plain notation; {@link Double#MAX_VALUE} (unset) is sent empty. */
  public MessageWriter add(double value) {
    if (value == Double.MAX_VALUE) {
      return empty();
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new DataValidationException(message + ".double", "must be finite, was " + value);
    }
    return ascii(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
  }

  public MessageWriter add(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 32 || c > 126) && c != '\t' && c != '\n' && c != '\r') {
        throw new DataValidationException(
            message + "." + field,
            "must be printable ASCII, was '" + value + "' (character " + i + ")");
      }
    }
    return ascii(value);
  }

  public MessageWriter empty() {
    return ascii("");
  }

  /** The finished frame, length prefix included. */
  public byte[] toBytes() {
    int payload = length - 4;
    buf[0] = (byte) (payload >>> 24);
    buf[1] = (byte) (payload >>> 16);
    buf[2] = (byte) (payload >>> 8);
    buf[3] = (byte) payload;
    return Arrays.copyOf(buf, length);
  }

  private MessageWriter ascii(String text) {
    ensure(text.length() + 1);
    for (int i = 0; i < text.length(); i++) {
      buf[length++] = (byte) text.charAt(i);
    }
    buf[length++] = 0;
    return this;
  }

  private void ensure(int more) {
    if (length + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
    }
  }

  /** The client's opening bytes: {@code API\0}, a length, {@code v<min>..<max>} (no NUL). */
  public static byte[] handshake(int minVersion, int maxVersion, String connectOptions) {
    String versions =
        "v"
            + minVersion
            + ".."
            + maxVersion
            + (connectOptions.isEmpty() ? "" : " " + connectOptions);
    byte[] text = versions.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[8 + text.length];
    out[0] = 'A';
    out[1] = 'P';
    out[2] = 'I';
    out[3] = 0;
    out[4] = (byte) (text.length >>> 24);
    out[5] = (byte) (text.length >>> 16);
    out[6] = (byte) (text.length >>> 8);
    out[7] = (byte) text.length;
    System.arraycopy(text, 0, out, 8, text.length);
    return out;
  }
}
