package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the adapter reaches Databento (seed 004's config): the environment variable holding the API
 * key (never the key itself), the gateway, timeouts, the retry policy and how many symbols go into
 * one request.
 *
 * <pre>{@code
 * api:
 *   key_env_var: DATABENTO_API_KEY      # default
 *   base_url: https://hist.databento.com
 *   connect_timeout: 10                 # seconds
 *   read_timeout: 100
 *   max_symbols_per_request: 2000       # Databento's limit; more symbols are split
 * retry_policy:
 *   max_retries: 3
 *   base_delay: 1.0
 *   max_delay: 60.0
 *   backoff_multiplier: 2.0
 * }</pre>
 *
 * @since 0.1
 */
@Beta
public record DatabentoConfig(
    String keyEnvVar,
    URI baseUrl,
    RetrySettings retryPolicy,
    Duration connectTimeout,
    Duration readTimeout,
    int maxSymbolsPerRequest) {

  /** Databento's historical gateway. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://hist.databento.com");

  /** The most symbols Databento takes in one request. */
  public static final int MAX_SYMBOLS_PER_REQUEST = 2000;

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  public DatabentoConfig {
    if (keyEnvVar == null || !ENV_NAME.matcher(keyEnvVar).matches()) {
      throw new ConfigurationException(
          "databento",
          "api.key_env_var",
          "api.key_env_var must name an environment variable, was '" + keyEnvVar + "'");
    }
    if (baseUrl == null
        || baseUrl.getHost() == null
        || baseUrl.getScheme() == null
        || !baseUrl.getScheme().toLowerCase(Locale.ROOT).matches("https?")
        || baseUrl.getRawQuery() != null
        || baseUrl.getRawUserInfo() != null) {
      throw new ConfigurationException(
          "databento",
          "api.base_url",
          "api.base_url must be an http(s) URL without query or credentials, was " + baseUrl);
    }
    if (retryPolicy == null) {
      throw new ConfigurationException("databento", "retry_policy", "retry_policy is required");
    }
    positive(connectTimeout, "api.connect_timeout");
    positive(readTimeout, "api.read_timeout");
    if (maxSymbolsPerRequest < 1 || maxSymbolsPerRequest > MAX_SYMBOLS_PER_REQUEST) {
      throw new ConfigurationException(
          "databento",
          "api.max_symbols_per_request",
          "api.max_symbols_per_request must be 1.."
              + MAX_SYMBOLS_PER_REQUEST
              + ", was "
              + maxSymbolsPerRequest);
    }
  }

  private static void positive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConfigurationException("databento", key, key + " must be > 0, was " + value);
    }
  }

  /** The defaults: key from {@code DATABENTO_API_KEY}, seed 004's retry policy. */
  public static DatabentoConfig defaults() {
    return from(Settings.empty());
  }

  /**
   * Reads the keys shown above; absent keys keep their defaults. A bad value fails with a {@link
   * ConfigurationException} naming its key.
   */
  public static DatabentoConfig from(Settings settings) {
    Settings api = settings.section("api");
    String url = api.get("base_url", DEFAULT_BASE_URL.toString());
    URI baseUrl;
    try {
      baseUrl = new URI(url);
    } catch (Exception e) {
      throw new ConfigurationException(
          "databento", "api.base_url", "api.base_url is not a URL: '" + url + "'");
    }
    return new DatabentoConfig(
        api.get("key_env_var", "DATABENTO_API_KEY"),
        baseUrl,
        RetrySettings.from(settings.section("retry_policy")),
        api.duration("connect_timeout", Duration.ofSeconds(10)),
        api.duration("read_timeout", Duration.ofSeconds(100)),
        api.intValue("max_symbols_per_request", MAX_SYMBOLS_PER_REQUEST));
  }
}
