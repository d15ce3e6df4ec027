package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One option contract in a chain with its quote and greeks (Alpha Vantage {@code REALTIME_OPTIONS}
 * / {@code HISTORICAL_OPTIONS}). Low-rate data, so prices are {@link BigDecimal}.
 *
 * @param contractId the provider's contract id (OCC symbol, e.g. {@code IBM240119C00100000})
 * @since 0.1
 */
public record OptionContract(
    Symbol contractId,
    Symbol underlying,
    LocalDate expiry,
    BigDecimal strike,
    OptionRight right,
    @Nullable BigDecimal bid,
    @Nullable BigDecimal ask,
    @Nullable BigDecimal last,
    @Nullable BigDecimal mark,
    @Nullable Long volume,
    @Nullable Long openInterest,
    @Nullable BigDecimal impliedVolatility,
    Greeks greeks) {

  public OptionContract {
    Check.notNull(contractId, "OptionContract.contractId");
    Check.notNull(underlying, "OptionContract.underlying");
    Check.notNull(expiry, "OptionContract.expiry");
    strike = Decimals.nonNegative(strike, "OptionContract.strike");
    Check.notNull(right, "OptionContract.right");
    bid = Decimals.optionalNonNegative(bid, "OptionContract.bid");
    ask = Decimals.optionalNonNegative(ask, "OptionContract.ask");
    last = Decimals.optionalNonNegative(last, "OptionContract.last");
    mark = Decimals.optionalNonNegative(mark, "OptionContract.mark");
    if (volume != null) {
      Check.nonNegative(volume, "OptionContract.volume");
    }
    if (openInterest != null) {
      Check.nonNegative(openInterest, "OptionContract.openInterest");
    }
    impliedVolatility =
        Decimals.optionalNonNegative(impliedVolatility, "OptionContract.impliedVolatility");
    greeks = greeks == null ? new Greeks(null, null, null, null, null) : greeks;
  }
}
