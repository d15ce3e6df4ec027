package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.internal.Check;
import dev.ingest.api.market.MarketRecord;
import dev.ingest.api.market.Prices;
import dev.ingest.api.model.Symbol;
import dev.ingest.databento.internal.Timestamps;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A venue statistic (schema {@code statistics}, DBN {@code StatMsg}, rtype {@code 0x18}):
 * settlement price, open interest, session high, and so on, told apart by {@link #statType()}.
 *
 * <p>DBN v1 and v2 carry a 32-bit quantity, v3 a 64-bit one; v1/v2 records are widened the way
 * Databento's own decoders do it, so an unset quantity is always {@link #UNDEF_QUANTITY}.
 *
 * @param symbol see {@link DatabentoTrade#symbol()}
 * @param mappedSymbol see {@link DatabentoTrade#mappedSymbol()}
 * @param tsRef reference time of the value (e.g. the trading date of a settlement), or {@link
 *     #UNDEF_TIMESTAMP}
 * @param price fixed-point at 1e-9, or {@link Prices#UNDEFINED}
 * @param quantity or {@link #UNDEF_QUANTITY}
 * @param statType 1 opening price, 2 indicative opening price, 3 settlement price, 4 session low, 5
 *     session high, 6 cleared volume, 7 lowest offer, 8 highest bid, 9 open interest, 10 fixing
 *     price, 11 close price, ... (unknown values are kept)
 * @param updateAction 1 new, 2 delete
 * @since 0.1
 */
@Beta
public record DatabentoStatistic(
    Symbol symbol,
    @Nullable String mappedSymbol,
    int publisherId,
    long instrumentId,
    long tsEvent,
    long tsRecv,
    long tsRef,
    long price,
    long quantity,
    long sequence,
    int tsInDelta,
    int statType,
    int channelId,
    int updateAction,
    int statFlags)
    implements DatabentoRecord, MarketRecord {

  /** An unset quantity (the v3 sentinel; v1/v2's {@code INT32_MAX} is widened to it). */
  public static final long UNDEF_QUANTITY = Long.MAX_VALUE;

  /** An unset timestamp ({@code UINT64_MAX}, which reads as -1 in a Java {@code long}). */
  public static final long UNDEF_TIMESTAMP = -1L;

  public DatabentoStatistic {
    Check.notNull(symbol, "DatabentoStatistic.symbol");
  }

  @Override
  public int rtype() {
    return 0x18;
  }

  @Override
  public Instant timestamp() {
    return eventTime();
  }

  /** {@link #tsRecv()} as an instant. */
  public Instant receiveTime() {
    return Timestamps.toInstant(tsRecv);
  }

  /** {@link #tsRef()} as an instant, or null when unset. */
  public @Nullable Instant referenceTime() {
    return tsRef == UNDEF_TIMESTAMP ? null : Timestamps.toInstant(tsRef);
  }

  public boolean hasPrice() {
    return Prices.isDefined(price);
  }

  public boolean hasQuantity() {
    return quantity != UNDEF_QUANTITY;
  }
}
