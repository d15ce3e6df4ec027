package dev.ingest.store.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.api.market.Prices;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written JSON writer against the JDK's own formatting and Jackson's reading. */
class JsonOutTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String price(long fixed) {
    return new String(JsonOut.local().price(fixed).toBytes());
  }

  @Test
  void pricesAreTheExactDecimalOfTheFixedPointValue() {
    SplittableRandom random = new SplittableRandom(42);
    long[] edges = {
      0,
      1,
      -1,
      9,
      10,
      999_999_999,
      1_000_000_000,
      -1_000_000_000,
      512_110_000_000L,
      100_000_000,
      Long.MAX_VALUE - 1,
      Long.MIN_VALUE,
      Long.MIN_VALUE + 1,
      1_000_000_001,
      50
    };
    for (long fixed : edges) {
      assertThat(price(fixed))
          .as("fixed=%d", fixed)
          .isEqualTo("\"" + Prices.toPlainString(fixed) + "\"");
    }
    for (int i = 0; i < 100_000; i++) {
      long fixed =
          i % 2 == 0
              ? random.nextLong()
              : random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L);
      if (fixed == Prices.UNDEFINED) {
        continue;
      }
      assertThat(price(fixed))
          .as("fixed=%d", fixed)
          .isEqualTo("\"" + Prices.toPlainString(fixed) + "\"");
    }
  }

  @Test
  void anUndefinedPriceIsNull() {
    assertThat(price(Prices.UNDEFINED)).isEqualTo("null");
  }

  @Test
  void instantsAreWrittenExactlyAsInstantToStringWritesThem() {
    SplittableRandom random = new SplittableRandom(7);
    Instant[] edges = {
      Instant.EPOCH,
      Instant.parse("2024-03-01T14:30:00.123456789Z"),
      Instant.parse("2024-02-29T23:59:59.999Z"),
      Instant.parse("2000-03-01T00:00:00.000001Z"),
      Instant.parse("1969-12-31T23:59:59.5Z"),
      Instant.parse("0000-01-01T00:00:00Z"),
      Instant.parse("9999-12-31T23:59:59.999999999Z"),
      Instant.parse("+10000-01-01T00:00:00Z"),
      Instant.parse("-0001-12-31T00:00:00Z"),
    };
    for (Instant t : edges) {
      assertThat(instant(t)).isEqualTo("\"" + t + "\"");
    }
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant t = Instant.ofEpochSecond(seconds, nanos);
      assertThat(instant(t)).isEqualTo("\"" + t + "\"");
    }
  }

  private static String instant(Instant t) {
    return new String(JsonOut.local().instant(t).toBytes());
  }

  @Test
  void stringsSurviveJacksonWhateverTheyHold() throws Exception {
    String[] tricky = {
      "plain",
      "quote \" and backslash \\",
      "new\nline\ttab\rcr\b\f",
      "\u0000\u001f\u007f",
      "é ü ß 中文",
      "emoji 😀 pair",
      "lone \ud800 surrogate",
      "line\u2028sep\u2029",
      ""
    };
    for (String s : tricky) {
      byte[] bytes = JsonOut.local().beginObject().name("k").string(s).endObject().toBytes();
      JsonNode node = JSON.readTree(bytes);
      String expected = s.replace('\ud800', '\ud800'); // a lone surrogate is escaped, and kept
      assertThat(node.get("k").asText()).as("input %s", s).isEqualTo(expected);
    }
  }

  @Test
  void commasFollowNestingAndNamesAreEscaped() throws Exception {
    JsonOut out = JsonOut.local().beginObject();
    out.name("a").beginArray().number(1).number(2L).beginObject().endObject().endArray();
    out.name("odd \"name\"").bool(true);
    out.name("n").nullValue();
    out.name("d").number(12.5);
    String json = new String(out.endObject().toBytes());

    assertThat(json).isEqualTo("{\"a\":[1,2,{}],\"odd \\\"name\\\"\":true,\"n\":null,\"d\":12.5}");
    assertThat(JSON.readTree(json).get("odd \"name\"").asBoolean()).isTrue();
  }

  @Test
  void nanAndInfinityAreRefusedRatherThanWritten() {
    assertThatThrownBy(() -> JsonOut.local().number(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonOut.local().number(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
