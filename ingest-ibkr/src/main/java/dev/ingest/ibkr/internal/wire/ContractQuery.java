package dev.ingest.ibkr.internal.wire;

/**
 * What REQ_CONTRACT_DATA asks for: any field left empty (or {@code conId} 0, {@code strike} unset)
 * matches anything. An option with no strike or expiry lists a whole chain.
 *
 * @param strike {@link Double#MAX_VALUE} for "any"
 */
public record ContractQuery(
    int conId,
    String symbol,
    String secType,
    String lastTradeDateOrContractMonth,
    double strike,
    String right,
    String multiplier,
    String exchange,
    String primaryExch,
    String currency,
    String localSymbol,
    String tradingClass,
    boolean includeExpired) {

  /** Everything empty; fill in with the withers. */
  public static ContractQuery of(String secType) {
    return new ContractQuery(
        0, "", secType, "", Double.MAX_VALUE, "", "", "", "", "", "", "", false);
  }

  public static ContractQuery byConId(int conId) {
    return new ContractQuery(
        conId, "", "", "", Double.MAX_VALUE, "", "", "", "", "", "", "", false);
  }

  public ContractQuery withSymbol(String value) {
    return new ContractQuery(
        conId,
        value,
        secType,
        lastTradeDateOrContractMonth,
        strike,
        right,
        multiplier,
        exchange,
        primaryExch,
        currency,
        localSymbol,
        tradingClass,
        includeExpired);
  }

  public ContractQuery withExpiry(String value) {
    return new ContractQuery(
        conId,
        symbol,
        secType,
        value,
        strike,
        right,
        multiplier,
        exchange,
        primaryExch,
        currency,
        localSymbol,
        tradingClass,
        includeExpired);
  }

  public ContractQuery withStrike(double value, String optionRight) {
    return new ContractQuery(
        conId,
        symbol,
        secType,
        lastTradeDateOrContractMonth,
        value,
        optionRight,
        multiplier,
        exchange,
        primaryExch,
        currency,
        localSymbol,
        tradingClass,
        includeExpired);
  }

  public ContractQuery withExchange(String value, String primary) {
    return new ContractQuery(
        conId,
        symbol,
        secType,
        lastTradeDateOrContractMonth,
        strike,
        right,
        multiplier,
        value,
        primary,
        currency,
        localSymbol,
        tradingClass,
        includeExpired);
  }

  public ContractQuery withCurrency(String value) {
    return new ContractQuery(
        conId,
        symbol,
        secType,
        lastTradeDateOrContractMonth,
        strike,
        right,
        multiplier,
        exchange,
        primaryExch,
        value,
        localSymbol,
        tradingClass,
        includeExpired);
  }

  public ContractQuery withLocalSymbol(String value) {
    return new ContractQuery(
        conId,
        symbol,
        secType,
        lastTradeDateOrContractMonth,
        strike,
        right,
        multiplier,
        exchange,
        primaryExch,
        currency,
        value,
        tradingClass,
        includeExpired);
  }

  /** A short description for logs and errors: the non-empty fields. */
  public String describe() {
    StringBuilder out = new StringBuilder("secType=").append(secType);
    if (conId != 0) {
      out.append(" conId=").append(conId);
    }
    append(out, "symbol", symbol);
    append(out, "expiry", lastTradeDateOrContractMonth);
    if (strike != Double.MAX_VALUE) {
      out.append(" strike=").append(strike);
    }
    append(out, "right", right);
    append(out, "exchange", exchange);
    append(out, "primaryExch", primaryExch);
    append(out, "currency", currency);
    append(out, "localSymbol", localSymbol);
    return out.toString();
  }

  private static void append(StringBuilder out, String key, String value) {
    if (!value.isEmpty()) {
      out.append(' ').append(key).append('=').append(value);
    }
  }
}
