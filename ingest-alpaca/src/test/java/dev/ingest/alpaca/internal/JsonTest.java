package dev.ingest.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.testkit.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void eachArrayElementKeepsItsExactTextIncludingIndentation() throws Exception {
    // Given alpaca-py's page as transcribed, indented and with a trailing newline
    String body = Fixtures.text("dev/ingest/alpaca/activities_broker_page1_mixed.json");

    List<Json.Element> elements = Json.arrayElements(body);

    assertThat(elements).hasSize(4);
    for (Json.Element e : elements) {
      assertThat(body).contains(e.raw());
      assertThat(e.raw()).startsWith("{").endsWith("}");
      assertThat(Json.MAPPER.readTree(e.raw())).isEqualTo(e.node());
    }
    assertThat(elements.get(2).raw())
        .contains("\n        \"transaction_time\": \"2022-03-04T14:53:18.500245Z\",");
  }

  @Test
  void compactRecordedElementsAreCutAtTheirBraces() throws Exception {
    String body = Fixtures.text("dev/ingest/alpaca/activities_fill_list_2020-06.json");

    List<Json.Element> elements = Json.arrayElements(body);

    assertThat(elements).hasSize(8);
    assertThat(String.join(",", elements.stream().map(Json.Element::raw).toList()))
        .isEqualTo(body.strip().substring(1, body.strip().length() - 1));
  }

  @Test
  void theDataAndOrderOfAStreamFrameAreFoundByteForByte() throws Exception {
    String frame = Fixtures.text("dev/ingest/alpaca/stream_fill_crypto_docs.json");

    String data = Json.rawAt(frame, "data");
    String order = Json.rawAt(frame, "data", "order");

    assertThat(frame).contains(data).contains(order);
    assertThat(data).startsWith("{\n    \"event\": \"fill\"").endsWith("}");
    assertThat(order).contains("\"created_at\": \"2022-04-19T13:45:04.981350886-04:00\"");
    assertThat(Json.rawAt(frame, "data", "missing")).isNull();
    assertThat(Json.rawAt(frame, "stream")).isEqualTo("\"trade_updates\"");
  }

  @Test
  void aTruncatedBodyIsReportedWithItsOffset() {
    String cut = "[{\"id\":\"a\"},{\"id\":";

    assertThatThrownBy(() -> Json.arrayElements(cut))
        .isInstanceOf(Json.MalformedJsonException.class)
        .satisfies(e -> assertThat(((Json.MalformedJsonException) e).offset()).isGreaterThan(10));
  }

  @Test
  void trailingGarbageIsNotIgnored() {
    assertThatThrownBy(() -> Json.value("{\"a\":1} x"))
        .isInstanceOf(Json.MalformedJsonException.class);
  }
}
