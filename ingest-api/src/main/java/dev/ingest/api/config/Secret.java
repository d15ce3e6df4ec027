package dev.ingest.api.config;

import dev.ingest.api.error.ConfigurationException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An API key or token. Prints as {@code Secret[****]} wherever it ends up (records holding it,
 * logs, exceptions) and hands its value over only through {@link #reveal()}, at the point of use.
 *
 * <p>Read it from the environment variable a config names, never from a config file:
 *
 * <pre>{@code Secret key = Secret.fromEnv("DATABENTO_API_KEY");}</pre>
 *
 * <p>Two secrets are equal when their values are; the hash does not depend on the value, so it
 * leaks nothing. Thread-safe.
 *
 * @since 0.1
 */
public final class Secret {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a value the caller already holds (from a vault, say). */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException("secret", "a secret must not be blank");
    }
    return new Secret(value);
  }

  /** Reads the named environment variable; fails naming the variable (never a value). */
  public static Secret fromEnv(String variable) {
    return fromEnv(variable, System::getenv);
  }

  /** Reads {@code variable} through {@code env}; tests pass a map's {@code get}. */
  public static Secret fromEnv(String variable, Function<String, String> env) {
    if (variable == null || !ENV_NAME.matcher(variable).matches()) {
      throw new ConfigurationException(
          String.valueOf(variable), "not a valid environment variable name: '" + variable + "'");
    }
    String value = env.apply(variable);
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(
          variable, "environment variable " + variable + " is not set or is blank");
    }
    return new Secret(value.strip());
  }

  /** As {@link #fromEnv(String, Function)} over a map of variables. */
  public static Secret fromEnv(String variable, Map<String, String> env) {
    return fromEnv(variable, env::get);
  }

  /** The secret itself. Call it where the value is sent, and nowhere else. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && java.security.MessageDigest.isEqual(
            value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return Secret.class.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
