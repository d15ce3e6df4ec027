package dev.ingest.store.jdbc.internal;

import dev.ingest.api.error.ConfigurationException;
import java.util.regex.Pattern;

/**
 * The last check before a name reaches SQL text. Names come from our own constants, from {@link
 * dev.ingest.api.store.LakeSlug} (already checked) and from configuration (schema names); all must
 * be lower-case SQL identifiers that need no quoting, so they can never carry SQL of their own.
 */
public final class Identifiers {
  private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Identifiers() {}

  /**
   * Returns {@code name} if it is a safe identifier: lower-case letters, digits and {@code _},
   * starting with a letter or {@code _}, at most 63 characters (PostgreSQL's limit).
   */
  public static String check(String name, String what) {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new ConfigurationException(
          "jdbc",
          what,
          what
              + " must be lower-case letters, digits or _ (1-63, not starting with a digit), was '"
              + (name == null ? "null" : abbreviate(name))
              + "'");
    }
    return name;
  }

  private static String abbreviate(String name) {
    return name.length() <= 80 ? name : name.substring(0, 80) + "…";
  }
}
