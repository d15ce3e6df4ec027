package dev.ingest.databento.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads Databento's error bodies: {@code {"detail": "text"}} or {@code {"detail": {"case": ...,
 * "message": ..., "payload": {...}}}}, falling back to the raw text, and works out which request
 * parameter was refused. Internal.
 */
public final class ErrorBodies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PARAMETERS =
      List.of(
          "dataset",
          "symbols",
          "schema",
          "start",
          "end",
          "stype_in",
          "stype_out",
          "limit",
          "encoding",
          "compression");
  private static final Pattern QUOTED = Pattern.compile("[`'\"]([a-z_]+)[`'\"]");

  /** A parsed error body. */
  public record ErrorBody(@Nullable String caseId, String message) {}

  private ErrorBodies() {}

  public static ErrorBody parse(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode detail = root == null ? null : root.get("detail");
      if (detail != null && detail.isTextual()) {
        return new ErrorBody(null, detail.asText());
      }
      if (detail != null && detail.isObject()) {
        JsonNode caseNode = detail.get("case");
        JsonNode message = detail.get("message");
        return new ErrorBody(
            caseNode == null || caseNode.isNull() ? null : caseNode.asText(),
            message == null || message.isNull() ? detail.toString() : message.asText());
      }
      if (detail != null) {
        return new ErrorBody(null, detail.toString());
      }
    } catch (Exception e) {
      // not JSON: the text itself is the message
    }
    return new ErrorBody(null, body.isBlank() ? "(empty body)" : body.strip());
  }

  /**
   * The parameter Databento refused: from the case ({@code data_start_*} is {@code start}), else
   * the first parameter the message quotes, else the API key for 401, else null.
   */
  public static @Nullable String parameter(int status, ErrorBody body) {
    String caseId = body.caseId();
    if (caseId != null) {
      String c = caseId.toLowerCase(java.util.Locale.ROOT);
      if (c.startsWith("data_start") || c.startsWith("data_time_range")) {
        return "start";
      }
      if (c.startsWith("data_end")) {
        return "end";
      }
      if (c.contains("license") || c.startsWith("dataset")) {
        return "dataset";
      }
      if (c.contains("symbol")) {
        return "symbols";
      }
      if (c.contains("schema")) {
        return "schema";
      }
      if (c.contains("stype")) {
        return "stype_in";
      }
      if (c.startsWith("auth") || c.contains("api_key")) {
        return "key";
      }
    }
    Matcher m = QUOTED.matcher(body.message());
    while (m.find()) {
      if (PARAMETERS.contains(m.group(1))) {
        return m.group(1);
      }
    }
    return status == 401 ? "key" : null;
  }
}
