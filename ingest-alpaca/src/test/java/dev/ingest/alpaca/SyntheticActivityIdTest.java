package dev.ingest.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.testkit.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticActivityIdTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> fills(String fixture) throws Exception {
    List<JsonNode> fills = new ArrayList<>();
    for (JsonNode activity : JSON.readTree(Fixtures.text("dev/ingest/alpaca/" + fixture))) {
      if ("FILL".equals(activity.path("activity_type").asText())) {
        fills.add(activity);
      }
    }
    return fills;
  }

  private static String rebuilt(JsonNode fill) {
    String restId = fill.get("id").asText();
    return SyntheticActivityId.of(
        Instant.parse(fill.get("transaction_time").asText()),
        SyntheticActivityId.executionIdOf(restId));
  }

  @Test
  void theRecordedSummerFillsGetTheirRestIdsBack() throws Exception {
    // Given eight FILLs recorded from the paper API in June 2020 (EDT, UTC-4)
    List<JsonNode> fills = fills("activities_fill_list_2020-06.json");
    assertThat(fills).hasSize(8);

    // Then each id rebuilt from transaction_time and the uuid is the id Alpaca sent
    for (JsonNode fill : fills) {
      assertThat(rebuilt(fill)).isEqualTo(fill.get("id").asText());
    }
  }

  @Test
  void aWinterFillGetsItsRestIdBack() throws Exception {
    // Given the GOOGL fill of 2022-03-04 (EST, UTC-5) from alpaca-py's recorded page
    List<JsonNode> fills = fills("activities_broker_page1_mixed.json");

    assertThat(fills)
        .singleElement()
        .satisfies(f -> assertThat(rebuilt(f)).isEqualTo(f.get("id").asText()));
    assertThat(fills.get(0).get("id").asText()).startsWith("20220304095318500::");
  }

  @Test
  void theDocsFillWithMillisecondTimeGetsItsRestIdBack() throws Exception {
    List<JsonNode> fills = fills("activities_docs_examples_div_jnlc_csd_fill.json");

    assertThat(fills)
        .singleElement()
        .satisfies(f -> assertThat(rebuilt(f)).isEqualTo(f.get("id").asText()));
  }

  @Test
  void millisecondsAreTruncatedNotRounded() {
    // 13:30:14.199812 UTC would round to .200
    String id =
        SyntheticActivityId.of(
            Instant.parse("2020-06-03T13:30:14.199812Z"), "486a1a31-4d0c-494b-aaca-afa36477ddb8");

    assertThat(id).isEqualTo("20200603093014199::486a1a31-4d0c-494b-aaca-afa36477ddb8");
  }

  @Test
  void nanosecondStreamTimesAreTruncatedToo() {
    assertThat(SyntheticActivityId.prefix(Instant.parse("2022-04-19T17:45:05.024916716Z")))
        .isEqualTo("20220419134505024");
  }

  @Test
  void theSpringForwardGapIsCrossedByTheZoneRulesNotAFixedOffset() {
    // New York jumps from 01:59:59.999 EST to 03:00 EDT at 2021-03-14T07:00Z
    assertThat(SyntheticActivityId.prefix(Instant.parse("2021-03-14T06:59:59.999Z")))
        .isEqualTo("20210314015959999");
    assertThat(SyntheticActivityId.prefix(Instant.parse("2021-03-14T07:00:00Z")))
        .isEqualTo("20210314030000000");
  }

  @Test
  void theHourNewYorkLivesTwiceGivesOnePrefixForTwoInstants() {
    // 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) on 2021-11-07: the execution id tells them apart
    String first = SyntheticActivityId.of(Instant.parse("2021-11-07T05:30:00.123Z"), "a");
    String second = SyntheticActivityId.of(Instant.parse("2021-11-07T06:30:00.123Z"), "b");

    assertThat(first).isEqualTo("20211107013000123::a");
    assertThat(second).isEqualTo("20211107013000123::b");
  }

  @Test
  void aBlankOrCompositeExecutionIdIsRefusedNamingTheField() {
    Instant t = Instant.parse("2024-03-01T14:30:00Z");

    assertThatThrownBy(() -> SyntheticActivityId.of(t, " "))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("SyntheticActivityId.executionId");
    assertThatThrownBy(() -> SyntheticActivityId.of(t, "x::y"))
        .isInstanceOf(DataValidationException.class);
    assertThatThrownBy(() -> SyntheticActivityId.executionIdOf("20200603::abc"))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("SyntheticActivityId.activityId");
  }

  @Test
  void theDerivedStreamFillsMapOntoTheRecordedRestIds() throws Exception {
    // Given the DERIVED (not recorded) TSLA stream events built from the recorded REST fills:
    // their execution_id and timestamp were set on the synthetic-id hypothesis, so this shows the
    // mapping end to end, not that Alpaca behaves this way
    JsonNode events =
        JSON.readTree(
            Fixtures.text("dev/ingest/alpaca/derived_stream_partial_fill_then_fill_TSLA.json"));
    List<String> restIds =
        fills("activities_fill_list_2020-06.json").stream().map(f -> f.get("id").asText()).toList();

    for (JsonNode event : events) {
      JsonNode data = event.get("data");
      String id =
          SyntheticActivityId.of(
              Instant.parse(data.get("timestamp").asText()), data.get("execution_id").asText());
      assertThat(restIds).contains(id);
    }
  }
}
