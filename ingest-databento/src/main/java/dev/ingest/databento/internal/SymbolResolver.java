package dev.ingest.databento.internal;

import dev.ingest.api.model.Symbol;
import dev.ingest.databento.DbnMetadata;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the symbol of an instrument id at a point in time: first from symbol-mapping records seen
 * in the stream (the live gateway's way), then from the metadata's dated mappings (the historical
 * API's way), keyed by the record's UTC date as Databento's own symbol maps do. Recent answers are
 * cached per instrument, so records of instruments seen before cost no lookup. Not thread-safe.
 */
public final class SymbolResolver {
  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/^=+-]{0,47}");
  private static final Pattern DROPPED = Pattern.compile("\\s+");
  private static final Pattern REPLACED = Pattern.compile("[^A-Za-z0-9._/^=+-]");
  private static final int MAX_CACHED_FALLBACKS = 4096;

  /** A resolved symbol: the SDK form and Databento's own text (null when unmapped). */
  public record Resolved(Symbol symbol, @Nullable String text) {}

  private record Interval(long fromDay, long toDay, Resolved resolved) {}

  private final Map<Long, List<Interval>> dated = new HashMap<>();
  private final Map<Long, Resolved> pointInTime = new HashMap<>();
  private final Map<Long, Resolved> fallbacks = new HashMap<>();

  // A direct-mapped cache of recent answers, keyed by instrument id: streams cycle through a few
  // instruments, and a hit costs no boxing and no map lookup.
  private static final int CACHE_SIZE = 256;
  private final long[] cachedId = new long[CACHE_SIZE];
  private final long[] cachedFromDay = new long[CACHE_SIZE];
  private final long[] cachedToDay = new long[CACHE_SIZE];
  private final @Nullable Resolved[] cached = new Resolved[CACHE_SIZE];

  /** A resolver that knows no mappings: every record gets its instrument id as symbol. */
  public SymbolResolver() {}

  /** A resolver for the metadata's mappings, when they map to instrument ids. */
  public static SymbolResolver of(@Nullable DbnMetadata metadata) {
    SymbolResolver resolver = new SymbolResolver();
    if (metadata == null || !"instrument_id".equals(metadata.stypeOut())) {
      return resolver;
    }
    for (DbnMetadata.SymbolMapping mapping : metadata.mappings()) {
      String raw = mapping.rawSymbol();
      for (DbnMetadata.MappingInterval interval : mapping.intervals()) {
        long id;
        try {
          id = Long.parseLong(interval.symbol());
        } catch (NumberFormatException e) {
          continue; // unmapped on those days (empty text), or not an instrument id
        }
        resolver
            .dated
            .computeIfAbsent(id, k -> new ArrayList<>(1))
            .add(
                new Interval(
                    epochDay(interval.startDate()),
                    epochDay(interval.endDate()),
                    new Resolved(toSymbol(raw, id), raw)));
      }
    }
    return resolver;
  }

  /** A symbol-mapping record: from now on {@code instrumentId} is {@code symbol}. */
  public void onMapping(long instrumentId, String symbol) {
    pointInTime.put(instrumentId, new Resolved(toSymbol(symbol, instrumentId), symbol));
    java.util.Arrays.fill(cached, null);
  }

  /** The symbol of {@code instrumentId} for a record indexed at {@code indexTsNanos}. */
  public Resolved resolve(long instrumentId, long indexTsNanos) {
    long day = Timestamps.epochDay(indexTsNanos);
    int slot = (int) (instrumentId ^ (instrumentId >>> 8)) & (CACHE_SIZE - 1);
    Resolved hit = cached[slot];
    if (hit != null
        && cachedId[slot] == instrumentId
        && day >= cachedFromDay[slot]
        && day < cachedToDay[slot]) {
      return hit;
    }
    Resolved found = pointInTime.get(instrumentId);
    long from = Long.MIN_VALUE;
    long to = Long.MAX_VALUE;
    if (found == null) {
      List<Interval> intervals = dated.get(instrumentId);
      if (intervals != null) {
        for (Interval interval : intervals) {
          if (day >= interval.fromDay && day < interval.toDay) {
            found = interval.resolved;
            from = interval.fromDay;
            to = interval.toDay;
            break;
          }
        }
      }
    }
    if (found == null) {
      found = fallback(instrumentId);
      // only this day is known to be unmapped
      from = day;
      to = day + 1;
    }
    cachedId[slot] = instrumentId;
    cachedFromDay[slot] = from;
    cachedToDay[slot] = to;
    cached[slot] = found;
    return found;
  }

  private Resolved fallback(long instrumentId) {
    Resolved resolved = fallbacks.get(instrumentId);
    if (resolved == null) {
      if (fallbacks.size() >= MAX_CACHED_FALLBACKS) {
        fallbacks.clear(); // bounded memory whatever the number of unmapped instruments
      }
      resolved = new Resolved(new Symbol(Long.toString(instrumentId)), null);
      fallbacks.put(instrumentId, resolved);
    }
    return resolved;
  }

  /**
   * Databento's symbol in the SDK's {@link Symbol} alphabet: as is when valid, else whitespace
   * removed (OSI option symbols pad with spaces) and other refused characters replaced by {@code
   * _}; the instrument id when nothing usable remains.
   */
  public static Symbol toSymbol(@Nullable String text, long instrumentId) {
    if (text != null) {
      if (SYMBOL.matcher(text).matches()) {
        return new Symbol(text);
      }
      String cleaned = REPLACED.matcher(DROPPED.matcher(text).replaceAll("")).replaceAll("_");
      if (cleaned.length() > 48) {
        cleaned = cleaned.substring(0, 48);
      }
      if (SYMBOL.matcher(cleaned).matches()) {
        return new Symbol(cleaned);
      }
    }
    return new Symbol(Long.toString(instrumentId));
  }

  private static long epochDay(LocalDate date) {
    return date.toEpochDay();
  }
}
