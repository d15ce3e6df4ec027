package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.internal.Check;
import dev.ingest.api.market.MarketRecord;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import dev.ingest.databento.internal.Timestamps;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A trade (schema {@code trades}, DBN {@code TradeMsg}, rtype {@code 0x00}). Price fixed-point at
 * 1e-9; sizes and the sequence number are unsigned 32-bit values held in a {@code long}.
 *
 * @param symbol {@code mappedSymbol} in the SDK's {@link Symbol} alphabet: kept as is when valid,
 *     otherwise with whitespace removed and other characters {@link Symbol} refuses replaced by
 *     {@code _} ({@code "AAPL 250221C00250000"} becomes {@code AAPL250221C00250000}); the decimal
 *     instrument id when unmapped
 * @param mappedSymbol the symbol the stream maps {@code instrumentId} to on the record's date,
 *     exactly as Databento spells it; null when unmapped
 * @param tsRecv when Databento's capture server received the message (ns); the index timestamp
 * @param action always {@code 'T'} for trades
 * @param side the aggressor: {@code 'B'} buyer, {@code 'A'} seller, {@code 'N'} none
 * @param flags DBN flag bits ({@code 0x80} last, {@code 0x40} top of book, ...), raw
 * @param tsInDelta {@code ts_recv} minus the venue's send time, ns
 * @since 0.1
 */
@Beta
public record DatabentoTrade(
    Symbol symbol,
    @Nullable String mappedSymbol,
    int publisherId,
    long instrumentId,
    long tsEvent,
    long tsRecv,
    long price,
    long size,
    char action,
    char side,
    int flags,
    int depth,
    int tsInDelta,
    long sequence)
    implements DatabentoRecord, MarketRecord {

  public DatabentoTrade {
    Check.notNull(symbol, "DatabentoTrade.symbol");
  }

  @Override
  public int rtype() {
    return 0x00;
  }

  @Override
  public Instant timestamp() {
    return eventTime();
  }

  /** {@link #tsRecv()} as an instant. */
  public Instant receiveTime() {
    return Timestamps.toInstant(tsRecv);
  }

  /** The side that took liquidity, or null when the venue does not say ({@code 'N'}). */
  public @Nullable Side aggressor() {
    return Sides.aggressor(side);
  }

  /**
   * The SDK's normalized trade, timed at {@code tsEvent}.
   *
   * @throws dev.ingest.api.error.DataValidationException when the price is undefined
   */
  public Trade toTrade() {
    return new Trade(symbol, eventTime(), price, size, null, aggressor());
  }
}
