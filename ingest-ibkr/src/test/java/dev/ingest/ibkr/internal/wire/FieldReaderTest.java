package dev.ingest.ibkr.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

  private static FieldReader over(String pipeText) {
    byte[] payload = pipeText.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    FieldReader reader = new FieldReader();
    reader.reset(payload, 0, payload.length, 100);
    reader.message("TEST");
    return reader;
  }

  @Test
  void integersParseWithEmptyAsZeroAndTheUnsetMarkerKept() {
    // Given
    FieldReader in = over("42|-7||2147483647||9223372036854775807|-9223372036854775808|");

    // When / Then
    assertThat(in.readInt("a")).isEqualTo(42);
    assertThat(in.readInt("b")).isEqualTo(-7);
    assertThat(in.readInt("c")).isZero();
    assertThat(in.readIntMax("d")).isEqualTo(Integer.MAX_VALUE);
    assertThat(in.readIntMax("e")).isEqualTo(Integer.MAX_VALUE);
    assertThat(in.readLong("f")).isEqualTo(Long.MAX_VALUE);
    assertThat(in.readLong("g")).isEqualTo(Long.MIN_VALUE);
    assertThat(in.atEnd()).isTrue();
  }

  @Test
  void doublesParseExactlyAsJavaDoes() {
    // Given a few thousand doubles as Java's Double.toString writes them (TWS is Java)
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder text = new StringBuilder();
    double[] expected = new double[4000];
    for (int i = 0; i < expected.length; i++) {
      double value =
          switch (i % 4) {
            case 0 -> Math.round(random.nextDouble() * 1_000_000) / 100.0; // prices
            case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-8, 12));
            case 2 -> -random.nextDouble() * 1000;
            default -> random.nextInt(0, 100_000) / 4.0;
          };
      expected[i] = value;
      text.append(value).append('|');
    }
    FieldReader in = over(text.toString());

    // When / Then
    for (double value : expected) {
      assertThat(in.readDouble("price")).isEqualTo(value);
    }
  }

  @Test
  void doublesInPlainTextFromOtherWritersParseAsJavaDoes() {
    // Given texts Python and stoqey write, long mantissas and the special values
    String[] texts = {
      "196.5",
      "0",
      "0.0",
      "150.25",
      "5980.25",
      "0.000123",
      "123456789012345678901.5",
      "3.141592653589793238",
      "1.0E-4",
      "1.7976931348623157E308",
      "-0.5",
      ".5",
      "7."
    };
    StringBuilder text = new StringBuilder();
    for (String t : texts) {
      text.append(t).append('|');
    }
    text.append("Infinity|-Infinity||");
    FieldReader in = over(text.toString());

    // When / Then
    for (String t : texts) {
      assertThat(in.readDouble(t)).as(t).isEqualTo(Double.parseDouble(t));
    }
    assertThat(in.readDouble("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(in.readDouble("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(in.readDoubleMax("unset")).isEqualTo(Double.MAX_VALUE);
  }

  @Test
  void decimalsKeepTheirDigitsAndTheUnsetMarkersAreNull() {
    // Given
    FieldReader in =
        over(
            "100|0.5|1,000|-25.75|12345678901234567890.123|1E+3||2147483647|9223372036854775807|"
                + "-9223372036854775808|1.7976931348623157E308|");

    // When / Then
    assertThat(in.readDecimal("a")).isEqualTo(new BigDecimal("100"));
    assertThat(in.readDecimal("b")).isEqualTo(new BigDecimal("0.5"));
    assertThat(in.readDecimal("c")).isEqualTo(new BigDecimal("1000"));
    assertThat(in.readDecimal("d")).isEqualTo(new BigDecimal("-25.75"));
    assertThat(in.readDecimal("e")).isEqualTo(new BigDecimal("12345678901234567890.123"));
    assertThat(in.readDecimal("f")).isEqualByComparingTo("1000");
    for (int i = 0; i < 5; i++) {
      assertThat(in.readDecimal("unset" + i)).isNull();
    }
  }

  @Test
  void stringsComeBackEqualAndRepeatedOnesAreShared() {
    // Given the same short value twice and a non-ASCII one (and, as in any real read buffer,
    // room after them for the cache's eight-byte reads)
    FieldReader in = over("SMART|SMART|Zürich|" + "x".repeat(32) + "|");

    // When
    String first = in.readString("exchange");
    String second = in.readString("exchange");

    // Then
    assertThat(first).isEqualTo("SMART").isSameAs(second);
    assertThat(in.readString("city")).isEqualTo("Zürich");
  }

  @Test
  void aNonNumericNumberNamesMessageFieldIndexAndOffset() {
    // Given
    FieldReader in = over("61|abc|");
    in.readInt("msgId");

    // When / Then
    assertThatThrownBy(() -> in.readDouble("avgCost"))
        .isInstanceOfSatisfying(
            DataValidationException.class,
            e -> {
              assertThat(e.recordType()).isEqualTo("TEST");
              assertThat(e.field()).isEqualTo("avgCost");
            })
        .hasMessageContaining("'abc'")
        .hasMessageContaining("field 1 at byte offset 103");
  }

  @Test
  void hexFloatsAndJavaSuffixesAreNotNumbersOnTheWire() {
    for (String text : new String[] {"0x1p3", "1.5d", "2f", "1e", "-", "."}) {
      FieldReader in = over(text + "|");
      assertThatThrownBy(() -> in.readDouble("price"))
          .as(text)
          .isInstanceOf(DataValidationException.class);
    }
  }

  @Test
  void anIntOutOfRangeIsRefused() {
    FieldReader in = over("2147483648|99999999999999999999|");
    assertThatThrownBy(() -> in.readInt("orderId")).hasMessageContaining("32-bit");
    assertThatThrownBy(() -> in.readLong("permId")).hasMessageContaining("64-bit");
  }

  @Test
  void aMissingFieldIsNamed() {
    // Given a payload with one field
    FieldReader in = over("62|");
    in.readInt("msgId");

    // When / Then
    assertThatThrownBy(() -> in.readInt("version"))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("TEST.version")
        .hasMessageContaining("missing");
  }

  @Test
  void aLeftoverFieldIsAnError() {
    FieldReader in = over("62|1|extra|");
    in.readInt("msgId");
    in.readInt("version");
    assertThatThrownBy(in::expectEnd)
        .hasMessageContaining("TEST.endOfMessage")
        .hasMessageContaining("1 unread field(s)")
        .hasMessageContaining("'extra'");
  }

  @Test
  void aPayloadWithoutItsFinalNulIsRefused() {
    byte[] payload = "62\u00001".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> new FieldReader().reset(payload, 0, payload.length, 0))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("TwsFrame.payload");
  }
}
