package dev.ingest.store.redis.internal;

import dev.ingest.api.internal.Check;
import java.util.regex.Pattern;

/**
 * The rules for every piece of user data that becomes part of a Redis key or channel. Symbols are
 * already checked by {@link dev.ingest.api.model.Symbol}; these cover the plain strings. None of
 * them admits a space, a glob wildcard ({@code * ? [ ]}), the {@code :} separator or a brace (which
 * would move a key's cluster hash tag). Each check throws {@link
 * dev.ingest.api.error.DataValidationException} naming the field.
 */
public final class Names {
  /** A venue code as IB and the SIPs spell it: {@code ARCA}, {@code ISLAND}, {@code NYSE.NAT}. */
  public static final Pattern EXCHANGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

  /** An ingester's name: {@code ibkr}, {@code alpha_vantage}, {@code ibkr_ingestion}. */
  public static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  /** A technical indicator: {@code RSI}, {@code MACD}, {@code BBANDS}. */
  public static final Pattern INDICATOR = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

  /** A key prefix: {@code prod:}, {@code md.v2:}; empty for none. */
  public static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]{0,64}");

  private Names() {}

  public static String exchange(String exchange, String field) {
    return Check.matches(exchange, EXCHANGE, field, "letters, digits, . _ - (1-32)");
  }

  public static String component(String component, String field) {
    return Check.matches(component, COMPONENT, field, "lower-case letters, digits, _ (1-48)");
  }

  public static String indicator(String indicator, String field) {
    return Check.matches(indicator, INDICATOR, field, "upper-case letters, digits, _ (1-32)");
  }
}
