package dev.ingest.ibkr.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Input that breaks the protocol gives a typed error naming the message and field. */
class BadInputTest {

  @Test
  void anUnknownMessageIdIsNamed() {
    assertThatThrownBy(() -> Recorder.decodeAll(WireText.stream("9|1|1|", "999|1|x|")))
        .isInstanceOfSatisfying(
            DataValidationException.class,
            e -> {
              assertThat(e.recordType()).isEqualTo("TwsFrame");
              assertThat(e.field()).isEqualTo("msgId");
            })
        .hasMessageContaining("unknown message id 999")
        .hasMessageContaining("byte offset 14");
  }

  @Test
  void aNonNumericNumberFieldNamesMessageAndField() {
    String bad = WireText.REFERENCE_POSITION.replace("|200.25|", "|20O.25|");
    assertThatThrownBy(() -> Recorder.decodeAll(WireText.stream(bad)))
        .isInstanceOfSatisfying(
            DataValidationException.class,
            e -> {
              assertThat(e.recordType()).isEqualTo("POSITION");
              assertThat(e.field()).isEqualTo("avgCost");
            })
        .hasMessageContaining("'20O.25'")
        .hasMessageContaining("field 15");
  }

  @Test
  void aFrameOfAbsurdLengthIsRefusedBeforeAnyAllocation() {
    // Given a length prefix of 0xFFFFFFF0 and little else
    byte[] stream = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, '6', '2', 0};
    assertThatThrownBy(() -> Recorder.decodeAll(stream))
        .isInstanceOfSatisfying(
            DataValidationException.class, e -> assertThat(e.field()).isEqualTo("length"))
        .hasMessageContaining("4294967280");
  }

  @Test
  void aFrameCutByTheEndOfTheStreamNamesItsFirstMissingField() throws Exception {
    // Given a POSITION frame whose last 14 bytes never arrive
    byte[] whole = WireText.stream("9|1|1|", WireText.REFERENCE_POSITION);
    byte[] cut = Arrays.copyOf(whole, whole.length - 14);
    FrameReader frames = new FrameReader(new ByteArrayInputStream(cut));
    assertThat(frames.next()).isTrue();

    // When
    FrameReader.TruncatedFrameException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            FrameReader.TruncatedFrameException.class, frames::next);
    DataValidationException named = TwsDecoder.truncated(e);

    // Then
    assertThat(named.recordType()).isEqualTo("POSITION");
    assertThat(named.field()).isEqualTo("tradingClass");
    assertThat(named).hasMessageContaining("truncated").hasMessageContaining("frame of 69 bytes");
  }

  @Test
  void aFrameMissingItsLastFieldsNamesTheFirstOneMissing() {
    // Given an ACCOUNT_SUMMARY without its currency
    assertThatThrownBy(() -> Recorder.decodeOne("63|1|101|DU1|NetLiquidation|100.0|"))
        .isInstanceOfSatisfying(
            DataValidationException.class,
            e -> {
              assertThat(e.recordType()).isEqualTo("ACCOUNT_SUMMARY");
              assertThat(e.field()).isEqualTo("currency");
            });
  }

  @Test
  void aFrameWithAnExtraFieldIsRefused() {
    assertThatThrownBy(() -> Recorder.decodeOne(WireText.REFERENCE_OPEN_ORDER + "extra|"))
        .isInstanceOfSatisfying(
            DataValidationException.class,
            e -> {
              assertThat(e.recordType()).isEqualTo("OPEN_ORDER");
              assertThat(e.field()).isEqualTo("endOfMessage");
            });
  }

  @Test
  void aBadFrameReachesNoHandler() {
    // Given a handler that records and a POSITION with a bad quantity
    Recorder recorder = new Recorder();
    byte[] frame = WireText.frame(WireText.REFERENCE_POSITION.replace("|15|", "|fifteen|"));

    // When
    assertThatThrownBy(() -> new TwsDecoder(recorder).decode(frame, 4, frame.length, 0))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("POSITION.position");

    // Then
    assertThat(recorder.messages).isEmpty();
  }
}
