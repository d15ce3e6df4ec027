package dev.ingest.api.config;

import dev.ingest.api.error.ConfigurationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Untyped configuration as it arrives from a map, a properties file or YAML parsed by the host: the
 * input to every {@code XConfig.from(Settings)}. Nested maps (seed 004's {@code {"api":
 * {"key_env_var": ...}}}) and dotted keys ({@code api.key_env_var}) are the same thing.
 *
 * <p>Every accessor that fails throws a {@link ConfigurationException} naming the full key. Secrets
 * are never stored here: a config names the environment variable ({@link #secretFromEnv}). {@link
 * #toString()} lists keys only. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Settings {
  private final String prefix;
  private final Map<String, Object> values;
  private final Function<String, String> env;

  private Settings(String prefix, Map<String, Object> values, Function<String, String> env) {
    this.prefix = prefix;
    this.values = values;
    this.env = env;
  }

  /** No settings: every accessor falls back to its default. */
  public static Settings empty() {
    return of(Map.of());
  }

  /** Settings from a (possibly nested) map; reads secrets from the process environment. */
  public static Settings of(Map<String, ?> values) {
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten("", values, flat);
    return new Settings("", Map.copyOf(flat), System::getenv);
  }

  public static Settings fromProperties(Properties properties) {
    Map<String, Object> map = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
    return of(map);
  }

  /** The same settings reading environment variables through {@code env} (for tests). */
  public Settings withEnv(Function<String, String> env) {
    return new Settings(prefix, values, env);
  }

  /** The same settings plus {@code key = value} (a dotted key, relative to this section). */
  public Settings with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    flatten(prefix + key, value instanceof Map<?, ?> m ? m : Map.of("", value), copy);
    return new Settings(prefix, Map.copyOf(copy), env);
  }

  /** The section under {@code name}: {@code section("retry_policy").get("max_retries")}. */
  public Settings section(String name) {
    return new Settings(prefix + name + ".", values, env);
  }

  /** The full dotted name of {@code key} in this section, for error messages. */
  public String keyOf(String key) {
    return prefix + key;
  }

  public boolean has(String key) {
    return values.containsKey(prefix + key);
  }

  public Optional<String> optional(String key) {
    Object v = values.get(prefix + key);
    if (v == null) {
      return Optional.empty();
    }
    String text = v.toString().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  public String require(String key) {
    return optional(key)
        .orElseThrow(() -> new ConfigurationException(prefix + key, "missing " + prefix + key));
  }

  public String get(String key, String defaultValue) {
    return optional(key).orElse(defaultValue);
  }

  /** A list given as a list or as comma-separated text. */
  public List<String> list(String key) {
    Object v = values.get(prefix + key);
    if (v == null) {
      throw new ConfigurationException(prefix + key, "missing " + prefix + key);
    }
    if (v instanceof List<?> list) {
      return list.stream().map(o -> String.valueOf(o).strip()).toList();
    }
    return Arrays.stream(v.toString().split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  public int intValue(String key, int defaultValue) {
    return optional(key)
        .map(v -> parse(key, v, Integer::parseInt, "an integer"))
        .orElse(defaultValue);
  }

  public long positiveLong(String key) {
    long value = parse(key, require(key), Long::parseLong, "an integer");
    if (value <= 0) {
      throw new ConfigurationException(prefix + key, prefix + key + " must be > 0, was " + value);
    }
    return value;
  }

  public double doubleValue(String key, double defaultValue) {
    return optional(key)
        .map(v -> parse(key, v, Double::parseDouble, "a number"))
        .filter(
            d -> {
              if (!Double.isFinite(d)) {
                throw new ConfigurationException(prefix + key, prefix + key + " must be finite");
              }
              return true;
            })
        .orElse(defaultValue);
  }

  public boolean booleanValue(String key, boolean defaultValue) {
    return optional(key)
        .map(
            v -> {
              if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
              }
              throw new ConfigurationException(
                  prefix + key, prefix + key + " must be true or false, was '" + v + "'");
            })
        .orElse(defaultValue);
  }

  /** A duration given as seconds ({@code 1.5}, seed 004's style) or ISO-8601 ({@code PT1.5S}). */
  public Duration duration(String key, Duration defaultValue) {
    return optional(key).map(v -> parseDuration(key, v)).orElse(defaultValue);
  }

  /** An ISO-8601 instant ({@code 2024-01-01T00:00:00Z}) or date ({@code 2024-01-01}, UTC). */
  public Instant instant(String key) {
    String v = require(key);
    try {
      return v.length() == 10 ? Instant.parse(v + "T00:00:00Z") : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new ConfigurationException(
          prefix + key, prefix + key + " must be an ISO-8601 instant, was '" + v + "'");
    }
  }

  /**
   * Reads the secret from the environment variable whose name is under {@code key} (seed 004's
   * {@code key_env_var}). Fails naming the key or the variable, never showing a value.
   */
  public Secret secretFromEnv(String key) {
    return Secret.fromEnv(require(key), env);
  }

  @Override
  public String toString() {
    TreeSet<String> keys = new TreeSet<>();
    values.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
    return "Settings" + keys;
  }

  private Duration parseDuration(String key, String v) {
    try {
      if (v.startsWith("P") || v.startsWith("p")) {
        return Duration.parse(v);
      }
      BigDecimal seconds = new BigDecimal(v);
      return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          prefix + key, prefix + key + " must be seconds or ISO-8601, was '" + v + "'");
    }
  }

  private <T> T parse(String key, String v, Function<String, T> parser, String what) {
    try {
      return parser.apply(v);
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          prefix + key, prefix + key + " must be " + what + ", was '" + v + "'");
    }
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
    map.forEach(
        (k, v) -> {
          String key = String.valueOf(k);
          String full =
              key.isEmpty() ? stripDot(prefix) : prefix.isEmpty() ? key : prefix + "." + key;
          if (v instanceof Map<?, ?> nested) {
            flatten(full, nested, out);
          } else if (v != null) {
            out.put(full, v);
          }
        });
  }

  private static String stripDot(String prefix) {
    return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }
}
