package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import java.util.regex.Pattern;

/**
 * A ticker symbol as the venue or provider spells it: {@code AAPL}, {@code BRK.B}, {@code ES.c.0},
 * {@code BTC/USD}, {@code AAPL240119C00190000}. Letters, digits and {@code . _ - / ^ = +}, at most
 * 48 characters: no spaces, wildcards or {@code :}, because symbols become parts of Redis keys and
 * SQL values. Case is kept as given.
 *
 * @since 0.1
 */
public record Symbol(String value) implements Comparable<Symbol> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/^=+-]{0,47}");

  public Symbol {
    Check.matches(
        value, VALID, "Symbol.value", "letters, digits or . _ - / ^ = + (1-48, no spaces)");
  }

  public static Symbol of(String value) {
    return new Symbol(value);
  }

  @Override
  public int compareTo(Symbol other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
