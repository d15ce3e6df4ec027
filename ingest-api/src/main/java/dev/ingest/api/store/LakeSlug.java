package dev.ingest.api.store;

import dev.ingest.api.internal.Check;
import java.util.regex.Pattern;

/**
 * The per-account suffix of the raw data lake's tables ({@code raw_orders_<slug>}, seed 001's
 * {@code DESTINATIONS} names such as {@code live} or {@code paper_1}). It becomes part of a SQL
 * identifier, so it is checked, never concatenated raw: lower-case letters, digits and {@code _},
 * starting with a letter, at most 40 characters. {@code "live; drop table x"} is refused.
 *
 * @since 0.1
 */
public record LakeSlug(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  public LakeSlug {
    Check.matches(
        value, VALID, "LakeSlug.value", "lower-case letters, digits or _ (1-40, letter first)");
  }

  public static LakeSlug of(String value) {
    return new LakeSlug(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
