package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.databento.internal.Timestamps;
import java.time.Instant;

/**
 * One DBN record as Databento sends it, with every field kept: the raw {@code instrument_id},
 * publisher, fixed-point prices (1e-9 units, see {@link dev.ingest.api.market.Prices}) and
 * nanosecond timestamps. Timestamps are raw {@code long} nanoseconds since the UNIX epoch (UTC) so
 * that decoding does not allocate; {@link #eventTime()} and friends convert.
 *
 * <p>The market records ({@link DatabentoBar}, {@link DatabentoTrade}, {@link DatabentoMbp1},
 * {@link DatabentoStatistic}) are also {@link dev.ingest.api.market.MarketRecord}s and convert to
 * the SDK's normalized records ({@code toBar()}, {@code toTrade()}, {@code toQuote()}). Symbol
 * mappings, errors and system messages only occur in mixed (live-style) streams.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
@Beta
public sealed interface DatabentoRecord
    permits DatabentoBar,
        DatabentoTrade,
        DatabentoMbp1,
        DatabentoStatistic,
        DatabentoSymbolMapping,
        DatabentoErrorMessage,
        DatabentoSystemMessage {

  /** DBN record type ({@code 0x00} trade, {@code 0x01} MBP-1, {@code 0x21} OHLCV-1m, ...). */
  int rtype();

  /** Databento's publisher id: dataset and venue. */
  int publisherId();

  /** Databento's numeric instrument id (an unsigned 32-bit value). */
  long instrumentId();

  /** Matching-engine time in nanoseconds since the UNIX epoch; for bars, the bar's open. */
  long tsEvent();

  /** {@link #tsEvent()} as an instant. */
  default Instant eventTime() {
    return Timestamps.toInstant(tsEvent());
  }
}
