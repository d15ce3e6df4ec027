package dev.ingest.alpaca.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.internal.Decimals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reading Alpaca's JSON: fields by name with errors that name {@code Record.field}, and the exact
 * text of each element, because seed 001 keeps payloads byte-for-byte. Parsers work on {@link
 * String}s, so Jackson's character offsets are string indices. Thread-safe.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private Json() {}

  /** A parsed JSON value and the exact text it was parsed from. */
  record Element(JsonNode node, String raw) {}

  /** Thrown when a text is not the JSON we expected; carries the character offset. */
  static final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long offset;

    MalformedJsonException(String message, long offset, @Nullable Throwable cause) {
      super(message, cause);
      this.offset = offset;
    }

    /** Character offset into the text where parsing failed, or -1 when unknown. */
    long offset() {
      return offset;
    }
  }

  /** Every element of a top-level JSON array with its exact text. */
  static List<Element> arrayElements(String text) throws MalformedJsonException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new MalformedJsonException(
            "expected a JSON array", parser.currentTokenLocation().getCharOffset(), null);
      }
      List<Element> elements = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        elements.add(readElement(text, parser));
      }
      requireEnd(parser);
      return elements;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String reader does no I/O
    }
  }

  /** The single JSON value of {@code text}, which may be an object or an array. */
  static Element value(String text) throws MalformedJsonException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new MalformedJsonException("empty text", 0, null);
      }
      Element element = readElement(text, parser);
      requireEnd(parser);
      return element;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The exact text of the value at {@code path} inside the JSON object {@code text} (for example
   * {@code "data", "order"}), or null when there is no such field.
   */
  static @Nullable String rawAt(String text, String... path) throws MalformedJsonException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      int depth = 0;
      while (true) {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.END_OBJECT) {
          return null;
        }
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!path[depth].equals(name)) {
          parser.skipChildren();
          continue;
        }
        if (depth == path.length - 1) {
          int start = (int) parser.currentTokenLocation().getCharOffset();
          parser.skipChildren();
          int end = endOfValue(parser, value);
          return text.substring(start, end);
        }
        if (value != JsonToken.START_OBJECT) {
          return null;
        }
        depth++;
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Element readElement(String text, JsonParser parser) throws IOException {
    JsonToken first = parser.currentToken();
    int start = (int) parser.currentTokenLocation().getCharOffset();
    JsonNode node = MAPPER.readTree(parser);
    int end = endOfValue(parser, first);
    return new Element(node, text.substring(start, end));
  }

  private static int endOfValue(JsonParser parser, JsonToken first) throws IOException {
    if (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) {
      // the parser stands just after the closing bracket
      return (int) parser.currentLocation().getCharOffset();
    }
    // a scalar: Jackson reads a string's content lazily, so finish the token first
    parser.getText();
    return (int) parser.currentLocation().getCharOffset();
  }

  private static void requireEnd(JsonParser parser) throws IOException, MalformedJsonException {
    if (parser.nextToken() != null) {
      throw new MalformedJsonException(
          "unexpected content after the JSON value",
          parser.currentTokenLocation().getCharOffset(),
          null);
    }
  }

  private static MalformedJsonException malformed(JsonProcessingException e) {
    long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
    return new MalformedJsonException(e.getOriginalMessage(), offset, e);
  }

  // ---- fields -------------------------------------------------------------------------------

  /** The text of {@code field}, or null when it is absent, JSON null or blank. */
  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = field(node, field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  static String requireText(JsonNode node, String field, String record) {
    String text = text(node, field);
    if (text == null) {
      throw new DataValidationException(record + "." + field, "is missing");
    }
    return text;
  }

  /** A decimal sent as a string ({@code "886.55"}) or, in re-serialised logs, as a number. */
  static @Nullable BigDecimal decimal(JsonNode node, String field, String record) {
    JsonNode value = field(node, field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return Decimals.normalize(value.decimalValue());
    }
    String text = value.asText();
    return text.isBlank() ? null : Decimals.parse(text, record + "." + field);
  }

  static BigDecimal requireDecimal(JsonNode node, String field, String record) {
    BigDecimal value = decimal(node, field, record);
    if (value == null) {
      throw new DataValidationException(record + "." + field, "is missing");
    }
    return value;
  }

  /** An RFC 3339 time: {@code Z} or an offset such as {@code -04:00}, up to nanoseconds. */
  static @Nullable Instant instant(JsonNode node, String field, String record) {
    String text = text(node, field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new DataValidationException(
          record + "." + field, "must be an RFC 3339 time, was '" + text + "'");
    }
  }

  static Instant requireInstant(JsonNode node, String field, String record) {
    Instant value = instant(node, field, record);
    if (value == null) {
      throw new DataValidationException(record + "." + field, "is missing");
    }
    return value;
  }

  /** A date, {@code 2022-04-19}; a full timestamp is cut to its date. */
  static @Nullable LocalDate date(JsonNode node, String field, String record) {
    String text = text(node, field);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeException e) {
      throw new DataValidationException(
          record + "." + field, "must be a date YYYY-MM-DD, was '" + text + "'");
    }
  }

  /**
   * The field, matched exactly or else ignoring case: one real recording spells {@code
   * account_number} as {@code ACCOUNT_NUMBER}.
   */
  static @Nullable JsonNode field(JsonNode node, String field) {
    JsonNode exact = node.get(field);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getKey().equalsIgnoreCase(field)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
