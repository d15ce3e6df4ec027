package dev.ingest.ibkr.internal.wire;

import dev.ingest.api.error.DataValidationException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a TWS byte stream into frames: a 4-byte big-endian length, then that many payload bytes
 * (reference §2.4). One read may hold several frames or part of one; the reader buffers and hands
 * out each payload in place, without copying.
 *
 * <p>A length of zero or above {@link #MAX_FRAME_LENGTH} throws {@link DataValidationException}
 * ({@code TwsFrame.length}); a stream that ends inside a frame throws {@link
 * TruncatedFrameException} carrying what did arrive, so the caller can name the first missing
 * field.
 *
 * <p>Not thread-safe; owned by the reading thread.
 */
public final class FrameReader {
  /** Official clients refuse longer frames (16 MiB - 1). */
  public static final int MAX_FRAME_LENGTH = 0xFFFFFF;

  private final InputStream in;
  private final int maxFrameLength;
  private byte[] buf;

  /** First unconsumed byte. */
  private int head;

  /** One past the last buffered byte. */
  private int tail;

  /** Stream offset of buf[0]. */
  private long base;

  private int payloadStart;
  private int payloadEnd;

  public FrameReader(InputStream in) {
    this(in, MAX_FRAME_LENGTH, 64 * 1024);
  }

  public FrameReader(InputStream in, int maxFrameLength, int initialBuffer) {
    this.in = in;
    this.maxFrameLength = maxFrameLength;
    this.buf = new byte[Math.max(initialBuffer, 16)];
  }

  /**
   * Reads the next frame. Returns false when the stream ends cleanly between frames; after true,
   * the payload is {@link #buffer()}{@code [}{@link #payloadStart()}{@code , }{@link
   * #payloadEnd()}{@code )}, valid until the next call.
   */
  public boolean next() throws IOException {
    if (!fill(4)) {
      if (tail == head) {
        return false;
      }
      throw new TruncatedFrameException(
          base + head, -1, buf, head, tail, "the stream ended inside a frame's length prefix");
    }
    int length =
        ((buf[head] & 0xFF) << 24)
            | ((buf[head + 1] & 0xFF) << 16)
            | ((buf[head + 2] & 0xFF) << 8)
            | (buf[head + 3] & 0xFF);
    if (length <= 0 || length > maxFrameLength) {
      throw new DataValidationException(
          "TwsFrame.length",
          "must be between 1 and "
              + maxFrameLength
              + ", was "
              + Integer.toUnsignedString(length)
              + " (byte offset "
              + (base + head)
              + ")");
    }
    if (!fill(4 + length)) {
      throw new TruncatedFrameException(
          base + head + 4,
          length,
          buf,
          head + 4,
          tail,
          "the stream ended " + (tail - head - 4) + " bytes into a frame of " + length + " bytes");
    }
    payloadStart = head + 4;
    payloadEnd = payloadStart + length;
    head = payloadEnd;
    return true;
  }

  public byte[] buffer() {
    return buf;
  }

  public int payloadStart() {
    return payloadStart;
  }

  public int payloadEnd() {
    return payloadEnd;
  }

  /** The stream offset of the current payload's first byte. */
  public long payloadOffset() {
    return base + payloadStart;
  }

  /** Makes sure {@code needed} bytes from {@code head} are buffered; false at end of stream. */
  private boolean fill(int needed) throws IOException {
    if (tail - head >= needed) {
      return true;
    }
    if (head + needed > buf.length) {
      if (needed > buf.length) {
        byte[] bigger = new byte[Math.max(needed, Math.min(buf.length * 2, maxFrameLength + 4))];
        System.arraycopy(buf, head, bigger, 0, tail - head);
        buf = bigger;
      } else {
        System.arraycopy(buf, head, buf, 0, tail - head);
      }
      base += head;
      tail -= head;
      head = 0;
    }
    while (tail - head < needed) {
      int n = in.read(buf, tail, buf.length - tail);
      if (n < 0) {
        return false;
      }
      tail += n;
    }
    return true;
  }

  /** The stream ended inside a frame; carries the bytes that did arrive. */
  public static final class TruncatedFrameException extends EOFException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int declaredLength;
    private final transient byte[] partial;

    TruncatedFrameException(
        long offset, int declaredLength, byte[] buf, int from, int to, String message) {
      super(message + " (byte offset " + offset + ")");
      this.offset = offset;
      this.declaredLength = declaredLength;
      this.partial = java.util.Arrays.copyOfRange(buf, from, to);
    }

    /** Stream offset of the payload (or of the length prefix when that was cut). */
    public long offset() {
      return offset;
    }

    /** The declared payload length, or -1 when the length prefix itself was cut. */
    public int declaredLength() {
      return declaredLength;
    }

    /** The payload bytes that arrived. */
    public byte[] partial() {
      return partial.clone();
    }
  }
}
