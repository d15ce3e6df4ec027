package dev.ingest.ibkr.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCP may cut the stream anywhere: every split of every frame must decode the same. */
class FrameSplitTest {

  /** Every message type in scope, once. */
  static byte[] allMessages() {
    return WireText.stream(
        "15|1|DU1234567,DU7654321|",
        "9|1|1|",
        "4|2|-1|2104|Market data farm connection is OK:usfarm||",
        WireText.REFERENCE_POSITION,
        "62|1|",
        "63|1|101|DU1234567|NetLiquidation|100000.00|USD|",
        "64|1|101|",
        WireText.REFERENCE_OPEN_ORDER,
        "3|13|Submitted|0|100|0|1376327563|0|0|100||0|",
        "53|1|",
        WireText.REFERENCE_EXECUTION,
        "59|1|0000e0d5.69dd7411.01.01|1.0|USD|1.7976931348623157E308|1.7976931348623157E308|0|",
        "55|1|102|",
        WireText.REFERENCE_CONTRACT_DATA,
        "52|1|1001|",
        "49|1|1768490400|");
  }

  /** Hands out the stream in the given chunks, one chunk per read. */
  static final class ChunkedStream extends InputStream {
    private final byte[] data;
    private final int[] cuts;
    private int pos;
    private int cut;

    ChunkedStream(byte[] data, int... cuts) {
      this.data = data;
      this.cuts = cuts;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) {
        return -1;
      }
      int stop = cut < cuts.length ? cuts[cut] : data.length;
      if (stop <= pos) {
        cut++;
        stop = cut < cuts.length ? cuts[cut] : data.length;
      }
      int n = Math.min(len, stop - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      if (pos == stop) {
        cut++;
      }
      return n;
    }
  }

  static List<Object> decode(InputStream in) throws Exception {
    Recorder recorder = new Recorder();
    TwsDecoder decoder = new TwsDecoder(recorder);
    // a small buffer so that growing and compacting are exercised too
    FrameReader frames = new FrameReader(in, FrameReader.MAX_FRAME_LENGTH, 16);
    while (frames.next()) {
      decoder.decode(
          frames.buffer(), frames.payloadStart(), frames.payloadEnd(), frames.payloadOffset());
    }
    return recorder.messages;
  }

  @Test
  void everySplitPointDecodesTheSameMessages() throws Exception {
    // Given
    byte[] stream = allMessages();
    List<Object> whole = Recorder.decodeAll(stream);
    assertThat(whole).hasSize(16);

    // When / Then: the stream cut in two at every byte boundary
    for (int cut = 1; cut < stream.length; cut++) {
      assertThat(decode(new ChunkedStream(stream, cut))).as("cut at %d", cut).isEqualTo(whole);
    }
  }

  @Test
  void byteByByteReadsDecodeTheSameMessages() throws Exception {
    // Given
    byte[] stream = allMessages();
    int[] cuts = new int[stream.length];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = i + 1;
    }

    // When / Then
    assertThat(decode(new ChunkedStream(stream, cuts))).isEqualTo(Recorder.decodeAll(stream));
  }
}
