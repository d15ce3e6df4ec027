package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A tradable contract, normalized across brokers.
 *
 * <p>Options and futures carry their expiry, options their strike and right. {@code multiplier} is
 * 1 for cash instruments, 100 for a US equity option, 50 for ES. {@code conId} is present for IBKR
 * instruments only.
 *
 * @param exchange the primary or routing exchange as the broker names it, or null
 * @param underlying the underlying symbol of a derivative, or null
 * @since 0.1
 */
public record Instrument(
    Symbol symbol,
    AssetClass assetClass,
    String currency,
    @Nullable ConId conId,
    @Nullable String exchange,
    BigDecimal multiplier,
    @Nullable LocalDate expiry,
    @Nullable BigDecimal strike,
    @Nullable OptionRight right,
    @Nullable Symbol underlying) {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3,5}");

  public Instrument {
    Check.notNull(symbol, "Instrument.symbol");
    Check.notNull(assetClass, "Instrument.assetClass");
    Check.matches(currency, CURRENCY, "Instrument.currency", "an upper-case currency code");
    exchange = Check.optionalNotBlank(exchange, "Instrument.exchange");
    multiplier = Decimals.positive(multiplier, "Instrument.multiplier");
    strike = Decimals.optionalNonNegative(strike, "Instrument.strike");
    boolean option = assetClass == AssetClass.OPTION || assetClass == AssetClass.FUTURE_OPTION;
    if (option) {
      Check.notNull(expiry, "Instrument.expiry");
      Check.notNull(strike, "Instrument.strike");
      Check.notNull(right, "Instrument.right");
    } else {
      Check.that(right == null, "Instrument.right", "only options have a right, was " + right);
    }
  }

  /** A US-dollar stock with no exchange or contract id: what a symbol alone says. */
  public static Instrument stock(String symbol) {
    return stock(Symbol.of(symbol), "USD");
  }

  public static Instrument stock(Symbol symbol, String currency) {
    return new Instrument(
        symbol, AssetClass.STOCK, currency, null, null, BigDecimal.ONE, null, null, null, null);
  }

  /** A US equity option (multiplier 100) on {@code underlying}. */
  public static Instrument usOption(
      Symbol symbol, Symbol underlying, LocalDate expiry, BigDecimal strike, OptionRight right) {
    return new Instrument(
        symbol,
        AssetClass.OPTION,
        "USD",
        null,
        null,
        BigDecimal.valueOf(100),
        expiry,
        strike,
        right,
        underlying);
  }

  public Instrument withConId(@Nullable ConId conId) {
    return new Instrument(
        symbol,
        assetClass,
        currency,
        conId,
        exchange,
        multiplier,
        expiry,
        strike,
        right,
        underlying);
  }

  public Instrument withExchange(@Nullable String exchange) {
    return new Instrument(
        symbol,
        assetClass,
        currency,
        conId,
        exchange,
        multiplier,
        expiry,
        strike,
        right,
        underlying);
  }

  /**
   * The identity used in natural keys: {@code con:265598} when IB's contract id is known, otherwise
   * the symbol with what distinguishes derivatives, e.g. {@code OPTION:AAPL240119C00190000:USD}.
   * Two descriptions of one contract that differ only in exchange share a key.
   */
  public String key() {
    if (conId != null) {
      return "con:" + conId.value();
    }
    StringBuilder key =
        new StringBuilder(assetClass.name()).append(':').append(symbol.value()).append(':');
    key.append(currency);
    if (expiry != null) {
      key.append(':').append(expiry);
    }
    if (strike != null) {
      key.append(':').append(strike.toPlainString());
    }
    if (right != null) {
      key.append(':').append(right == OptionRight.CALL ? 'C' : 'P');
    }
    return key.toString();
  }
}
