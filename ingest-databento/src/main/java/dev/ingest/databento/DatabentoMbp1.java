package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.internal.Check;
import dev.ingest.api.market.MarketRecord;
import dev.ingest.api.market.Quote;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import dev.ingest.databento.internal.Timestamps;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A top-of-book event with the book after it (schema {@code mbp-1}) or a trade with the book just
 * before it (schema {@code tbbo}): DBN {@code Mbp1Msg}, rtype {@code 0x01}. Prices fixed-point at
 * 1e-9; an empty book side has price {@link dev.ingest.api.market.Prices#UNDEFINED}.
 *
 * @param symbol see {@link DatabentoTrade#symbol()}
 * @param mappedSymbol see {@link DatabentoTrade#mappedSymbol()}
 * @param action {@code A}dd, {@code C}ancel, {@code M}odify, {@code T}rade, {@code F}ill, {@code R}
 *     clear book, {@code N} none
 * @param side {@code 'B'} bid, {@code 'A'} ask, {@code 'N'} none
 * @param bidCt number of orders at the bid (0 where the venue does not say)
 * @since 0.1
 */
@Beta
public record DatabentoMbp1(
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
    long sequence,
    long bidPx,
    long askPx,
    long bidSz,
    long askSz,
    long bidCt,
    long askCt)
    implements DatabentoRecord, MarketRecord {

  public DatabentoMbp1 {
    Check.notNull(symbol, "DatabentoMbp1.symbol");
  }

  @Override
  public int rtype() {
    return 0x01;
  }

  @Override
  public Instant timestamp() {
    return eventTime();
  }

  /** {@link #tsRecv()} as an instant. */
  public Instant receiveTime() {
    return Timestamps.toInstant(tsRecv);
  }

  /** Whether this event is a trade (always so in {@code tbbo}). */
  public boolean isTrade() {
    return action == 'T';
  }

  /** The top of book this record carries, timed at {@code tsEvent}. */
  public Quote toQuote() {
    return new Quote(symbol, eventTime(), bidPx, bidSz, askPx, askSz);
  }

  /**
   * The trade, for a trade event.
   *
   * @throws DataValidationException when the event is not a trade or its price is undefined
   */
  public Trade toTrade() {
    if (!isTrade()) {
      throw new DataValidationException(
          "DatabentoMbp1.action", "must be 'T' to make a trade, was '" + action + "'");
    }
    return new Trade(symbol, eventTime(), price, size, null, aggressor());
  }

  /** For a trade, the side that took liquidity; null when the venue does not say. */
  public @Nullable Side aggressor() {
    return Sides.aggressor(side);
  }
}
