package dev.ingest.databento.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

  private static String parameter(int status, String body) {
    return ErrorBodies.parameter(status, ErrorBodies.parse(body));
  }

  @Test
  void structuredBodiesGiveCaseMessageAndParameter() {
    String body =
        "{\"detail\":{\"case\":\"data_end_after_available_end\",\"message\":\"The dataset"
            + " GLBX.MDP3 has data available up to '2026-01-29 20:00:00+00:00'. The `end` in the"
            + " query ('2026-01-29 20:23:08.167605900+00:00') is after the available range.\","
            + "\"status_code\":422,\"payload\":{\"dataset\":\"GLBX.MDP3\"}}}";

    ErrorBodies.ErrorBody parsed = ErrorBodies.parse(body);

    assertThat(parsed.caseId()).isEqualTo("data_end_after_available_end");
    assertThat(parsed.message()).startsWith("The dataset GLBX.MDP3 has data available up to");
    assertThat(ErrorBodies.parameter(422, parsed)).isEqualTo("end");
  }

  @Test
  void theParameterComesFromTheCaseThenFromTheMessage() {
    assertThat(parameter(422, "{\"detail\":{\"case\":\"data_start_after_available_end\"}}"))
        .isEqualTo("start");
    assertThat(
            parameter(
                422,
                "{\"detail\":{\"case\":\"data_time_range_start_on_or_after_end\",\"message\":"
                    + "\"Invalid time range query, `start` cannot be on or after `end`.\"}}"))
        .isEqualTo("start");
    assertThat(
            parameter(
                400, "{\"detail\":\"Invalid value for `stype_in`: 'continuos' is not valid\"}"))
        .isEqualTo("stype_in");
    assertThat(parameter(422, "{\"detail\":\"Could not resolve 'symbols'.\"}"))
        .isEqualTo("symbols");
    assertThat(parameter(401, "{\"detail\":\"Authorization failed.\"}")).isEqualTo("key");
    assertThat(parameter(404, "{\"detail\":\"Not found\"}")).isNull();
  }

  @Test
  void aBodyThatIsNotJsonIsTheMessage() {
    ErrorBodies.ErrorBody parsed = ErrorBodies.parse("<html>Bad Gateway</html>\n");
    assertThat(parsed.caseId()).isNull();
    assertThat(parsed.message()).isEqualTo("<html>Bad Gateway</html>");
    assertThat(ErrorBodies.parse("").message()).isEqualTo("(empty body)");
  }
}
