package dev.ingest.databento.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.market.Prices;
import dev.ingest.databento.DatabentoBar;
import dev.ingest.databento.DatabentoMbp1;
import dev.ingest.databento.DatabentoRecord;
import dev.ingest.databento.DatabentoStatistic;
import dev.ingest.databento.DatabentoTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns lines of Databento's CSV and JSON-lines encodings into the same records the DBN decoder
 * makes. Raw and pretty values are told apart per value (a {@code .} in a price, a {@code T} in a
 * timestamp), empty and {@code null} mean unset. Internal; not thread-safe.
 */
public final class TextRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a value comes from: a CSV row or a JSON object. */
  private interface Row {
    @Nullable String get(String field);
  }

  private final SymbolResolver symbols;
  private @Nullable Map<String, Integer> csvColumns;

  public TextRecords(SymbolResolver symbols) {
    this.symbols = symbols;
  }

  /** Reads the CSV header line. */
  public void csvHeader(String line) {
    List<String> names = splitCsv(line);
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      columns.put(names.get(i), i);
    }
    if (!columns.containsKey("rtype") || !columns.containsKey("ts_event")) {
      throw new DataValidationException(
              "DatabentoRecord.header", "CSV header lacks rtype or ts_event: " + line)
          .withContext("databento", "line=1");
    }
    csvColumns = columns;
  }

  /** One CSV data line; null for record types the SDK does not model. */
  public @Nullable DatabentoRecord csvLine(String line, long lineNumber) {
    Map<String, Integer> columns = csvColumns;
    if (columns == null) {
      throw new IllegalStateException("csvHeader first");
    }
    List<String> values = splitCsv(line);
    return parse(
        field -> {
          Integer i = columns.get(field);
          return i == null || i >= values.size() ? null : values.get(i);
        },
        lineNumber);
  }

  /** One JSON line; null for record types the SDK does not model. */
  public @Nullable DatabentoRecord jsonLine(String line, long lineNumber) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (Exception e) {
      throw new DataValidationException("DatabentoRecord.json", "not a JSON object: " + line)
          .withContext("databento", "line=" + lineNumber);
    }
    if (node == null || !node.isObject()) {
      throw new DataValidationException("DatabentoRecord.json", "not a JSON object: " + line)
          .withContext("databento", "line=" + lineNumber);
    }
    JsonNode hd = node.path("hd");
    JsonNode level = node.path("levels").path(0);
    return parse(
        field -> {
          JsonNode value =
              switch (field) {
                case "ts_event", "rtype", "publisher_id", "instrument_id" -> hd.get(field);
                case "bid_px_00", "ask_px_00", "bid_sz_00", "ask_sz_00", "bid_ct_00", "ask_ct_00" ->
                    level.get(field.substring(0, field.length() - 3));
                // v1/v2 quantities are 32-bit JSON numbers, v3 ones 64-bit strings
                case "quantity#v3" -> node.get("quantity");
                default -> node.get(field);
              };
          if (field.equals("quantity#v3")) {
            return value != null && value.isTextual() ? "v3" : null;
          }
          return value == null || value.isNull() ? null : value.asText();
        },
        lineNumber);
  }

  private @Nullable DatabentoRecord parse(Row row, long line) {
    Fields f = new Fields(row, line);
    int rtype = (int) f.integer("rtype", "DatabentoRecord");
    int publisher = (int) f.integer("publisher_id", "DatabentoRecord");
    long instrument = f.integer("instrument_id", "DatabentoRecord");
    long tsEvent = f.timestamp("ts_event", "DatabentoRecord");
    @Nullable String text = row.get("symbol");
    switch (rtype) {
      case Rtypes.MBP_0, Rtypes.MBP_1:
        {
          String type = rtype == Rtypes.MBP_0 ? "DatabentoTrade" : "DatabentoMbp1";
          long tsRecv = f.timestamp("ts_recv", type);
          SymbolResolver.Resolved s = resolve(text, instrument, tsRecv);
          long price = f.price("price", type);
          long size = f.integer("size", type);
          char action = f.character("action", type);
          char side = f.character("side", type);
          int flags = (int) f.integer("flags", type);
          int depth = (int) f.integer("depth", type);
          int tsInDelta = (int) f.integer("ts_in_delta", type);
          long sequence = f.integer("sequence", type);
          if (rtype == Rtypes.MBP_0) {
            return new DatabentoTrade(
                s.symbol(),
                s.text(),
                publisher,
                instrument,
                tsEvent,
                tsRecv,
                price,
                size,
                action,
                side,
                flags,
                depth,
                tsInDelta,
                sequence);
          }
          return new DatabentoMbp1(
              s.symbol(),
              s.text(),
              publisher,
              instrument,
              tsEvent,
              tsRecv,
              price,
              size,
              action,
              side,
              flags,
              depth,
              tsInDelta,
              sequence,
              f.price("bid_px_00", type),
              f.price("ask_px_00", type),
              f.integer("bid_sz_00", type),
              f.integer("ask_sz_00", type),
              f.integer("bid_ct_00", type),
              f.integer("ask_ct_00", type));
        }
      case Rtypes.STATISTICS:
        {
          String type = "DatabentoStatistic";
          long tsRecv = f.timestamp("ts_recv", type);
          SymbolResolver.Resolved s = resolve(text, instrument, tsRecv);
          long quantity = f.integer("quantity", type);
          if (row.get("quantity#v3") == null && quantity == Integer.MAX_VALUE) {
            quantity = DatabentoStatistic.UNDEF_QUANTITY; // the v1/v2 sentinel, widened
          }
          return new DatabentoStatistic(
              s.symbol(),
              s.text(),
              publisher,
              instrument,
              tsEvent,
              tsRecv,
              f.timestamp("ts_ref", type),
              f.price("price", type),
              quantity,
              f.integer("sequence", type),
              (int) f.integer("ts_in_delta", type),
              (int) f.integer("stat_type", type),
              (int) f.integer("channel_id", type),
              (int) f.integer("update_action", type),
              (int) f.integer("stat_flags", type));
        }
      default:
        if (!Rtypes.isOhlcv(rtype)) {
          return null;
        }
        String type = "DatabentoBar";
        SymbolResolver.Resolved s = resolve(text, instrument, tsEvent);
        return new DatabentoBar(
            s.symbol(),
            s.text(),
            rtype,
            publisher,
            instrument,
            tsEvent,
            f.price("open", type),
            f.price("high", type),
            f.price("low", type),
            f.price("close", type),
            f.integer("volume", type));
    }
  }

  private SymbolResolver.Resolved resolve(@Nullable String text, long instrument, long indexTs) {
    if (text != null && !text.isEmpty()) {
      return new SymbolResolver.Resolved(SymbolResolver.toSymbol(text, instrument), text);
    }
    return symbols.resolve(instrument, indexTs);
  }

  /** Typed reads of one row, failing with the record type, field and line. */
  private record Fields(Row row, long line) {
    private String raw(String field, String type) {
      String value = row.get(field);
      if (value == null) {
        throw invalid(type, field, "is missing");
      }
      return value;
    }

    long integer(String field, String type) {
      String value = raw(field, type);
      try {
        return value.startsWith("-") ? Long.parseLong(value) : Long.parseUnsignedLong(value);
      } catch (NumberFormatException e) {
        throw invalid(type, field, "must be an integer, was '" + value + "'");
      }
    }

    char character(String field, String type) {
      String value = raw(field, type);
      if (value.length() > 1) {
        throw invalid(type, field, "must be one character, was '" + value + "'");
      }
      return value.isEmpty() ? '\0' : value.charAt(0);
    }

    /** Raw 1e-9 integer or pretty decimal; empty (or JSON null) is undefined. */
    long price(String field, String type) {
      String value = row.get(field);
      if (value == null || value.isEmpty()) {
        return Prices.UNDEFINED;
      }
      try {
        return value.indexOf('.') >= 0
            ? Prices.fromDecimal(new BigDecimal(value), type + "." + field)
            : Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw invalid(type, field, "must be a price, was '" + value + "'");
      } catch (DataValidationException e) {
        throw e.withContext("databento", "line=" + line);
      }
    }

    /** Raw nanoseconds or ISO-8601; empty (or JSON null) is unset. */
    long timestamp(String field, String type) {
      String value = row.get(field);
      if (value == null || value.isEmpty()) {
        return -1L;
      }
      try {
        return value.indexOf('T') >= 0
            ? Timestamps.toNanos(Instant.parse(value))
            : Long.parseUnsignedLong(value);
      } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
        throw invalid(type, field, "must be nanoseconds or ISO-8601, was '" + value + "'");
      }
    }

    private DataValidationException invalid(String type, String field, String problem) {
      return new DataValidationException(type + "." + field, problem)
          .withContext("databento", "line=" + line);
    }
  }

  /** Splits one CSV line, honouring RFC 4180 quotes. */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
