package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.internal.Check;
import dev.ingest.api.market.Bar;
import dev.ingest.api.market.MarketRecord;
import dev.ingest.api.model.Symbol;
import dev.ingest.databento.internal.Rtypes;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An OHLCV bar (schemas {@code ohlcv-1s}, {@code ohlcv-1m}, {@code ohlcv-1h}, {@code ohlcv-1d},
 * {@code ohlcv-eod}). Prices are fixed-point at 1e-9; {@code tsEvent} is the bar's inclusive start.
 * Values are kept exactly as sent, without plausibility checks: {@link #toBar()} applies the SDK's.
 *
 * @param symbol {@code mappedSymbol} in the SDK's {@link Symbol} alphabet, or the instrument id
 *     when unmapped (see {@link DatabentoTrade#symbol()})
 * @param mappedSymbol the symbol the stream maps {@code instrumentId} to on the record's date,
 *     exactly as Databento spells it (the requested symbol, e.g. {@code ESH1}); null when unmapped
 * @since 0.1
 */
@Beta
public record DatabentoBar(
    Symbol symbol,
    @Nullable String mappedSymbol,
    int rtype,
    int publisherId,
    long instrumentId,
    long tsEvent,
    long open,
    long high,
    long low,
    long close,
    long volume)
    implements DatabentoRecord, MarketRecord {

  public DatabentoBar {
    Check.notNull(symbol, "DatabentoBar.symbol");
    if (!Rtypes.isOhlcv(rtype)) { // no Check.that: its message would be built for every bar
      throw new DataValidationException(
          "DatabentoBar.rtype", "must be an OHLCV rtype, was " + rtype);
    }
  }

  @Override
  public Instant timestamp() {
    return eventTime();
  }

  /** The bar's length from its rtype; null for the legacy {@code 0x11} bar, which has none. */
  public @Nullable Duration interval() {
    return Rtypes.ohlcvInterval(rtype);
  }

  /**
   * The SDK's normalized bar.
   *
   * @throws DataValidationException when the bar has no interval or fails {@link Bar}'s checks
   *     (high below low, negative volume)
   */
  public Bar toBar() {
    Duration interval = interval();
    if (interval == null) {
      throw new DataValidationException(
          "DatabentoBar.rtype", "legacy OHLCV rtype 0x11 has no interval");
    }
    return new Bar(symbol, interval, eventTime(), open, high, low, close, volume);
  }
}
