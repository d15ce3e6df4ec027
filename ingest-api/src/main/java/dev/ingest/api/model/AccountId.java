package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import java.util.regex.Pattern;

/**
 * A broker account code: IB's {@code U1234567} or {@code DU123456}, an Alpaca account number or
 * UUID. Letters, digits, {@code . _ -}; at most 64 characters, so it is safe in a SQL name or a
 * Redis key.
 *
 * @since 0.1
 */
public record AccountId(String value) implements Comparable<AccountId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public AccountId {
    Check.matches(value, VALID, "AccountId.value", "letters, digits, '.', '_' or '-' (1-64)");
  }

  public static AccountId of(String value) {
    return new AccountId(value);
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
