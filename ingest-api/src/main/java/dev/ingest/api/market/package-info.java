/**
 * Normalized market-data records. High-rate records ({@link dev.ingest.api.market.Bar}, {@link
 * dev.ingest.api.market.Trade}, {@link dev.ingest.api.market.Quote}, {@link
 * dev.ingest.api.market.OrderBook}, {@link dev.ingest.api.market.Nbbo}, {@link
 * dev.ingest.api.market.Ticker}) carry fixed-point {@code long} prices at 1e-9 (see {@link
 * dev.ingest.api.market.Prices}); low-rate analytics (options, sentiment, indicators) carry {@link
 * java.math.BigDecimal}. Neither can hold NaN or an infinity. Stable.
 */
@NullMarked
package dev.ingest.api.market;

import org.jspecify.annotations.NullMarked;
