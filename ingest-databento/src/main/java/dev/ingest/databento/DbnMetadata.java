package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.internal.Check;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The header at the start of every DBN stream: what was asked for, and which instrument ids the
 * requested symbols resolved to on which dates.
 *
 * @param version DBN version, 1 to 3
 * @param dataset e.g. {@code GLBX.MDP3}
 * @param schema e.g. {@code ohlcv-1d}; null for a mixed stream
 * @param start the query start (or the first record's time when a file was split)
 * @param end the query end, exclusive; null when unset
 * @param limit the record limit of the query; null for none
 * @param stypeIn how the request's symbols were read ({@code raw_symbol}, ...); null when mixed
 * @param stypeOut how records identify instruments, normally {@code instrument_id}
 * @param tsOut whether every record carries a trailing gateway send time
 * @param symbolCstrLen length of the fixed symbol fields: 22 in v1, 71 after
 * @param symbols the request's input symbols
 * @param partial symbols that did not resolve on every day
 * @param notFound symbols that never resolved
 * @param mappings each input symbol's output symbols (instrument ids) by date
 * @since 0.1
 */
@Beta
public record DbnMetadata(
    int version,
    String dataset,
    @Nullable String schema,
    Instant start,
    @Nullable Instant end,
    @Nullable Long limit,
    @Nullable String stypeIn,
    @Nullable String stypeOut,
    boolean tsOut,
    int symbolCstrLen,
    List<String> symbols,
    List<String> partial,
    List<String> notFound,
    List<SymbolMapping> mappings) {

  public DbnMetadata {
    Check.notNull(dataset, "DbnMetadata.dataset");
    Check.notNull(start, "DbnMetadata.start");
    symbols = Check.list(symbols, "DbnMetadata.symbols");
    partial = Check.list(partial, "DbnMetadata.partial");
    notFound = Check.list(notFound, "DbnMetadata.notFound");
    mappings = Check.list(mappings, "DbnMetadata.mappings");
  }

  /**
   * One input symbol and what it resolved to.
   *
   * @param rawSymbol the symbol as requested
   */
  public record SymbolMapping(String rawSymbol, List<MappingInterval> intervals) {
    public SymbolMapping {
      Check.notNull(rawSymbol, "SymbolMapping.rawSymbol");
      intervals = Check.list(intervals, "SymbolMapping.intervals");
    }
  }

  /**
   * A half-open range of dates {@code [startDate, endDate)} over which an input symbol stood for
   * {@code symbol} (the instrument id as text when {@code stypeOut} is {@code instrument_id}); an
   * empty {@code symbol} means unmapped on those days.
   */
  public record MappingInterval(LocalDate startDate, LocalDate endDate, String symbol) {
    public MappingInterval {
      Check.notNull(startDate, "MappingInterval.startDate");
      Check.notNull(endDate, "MappingInterval.endDate");
      Check.notNull(symbol, "MappingInterval.symbol");
    }
  }
}
