package dev.ingest.alpaca;

import dev.ingest.api.Beta;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.config.Secret;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.model.AccountId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * How to reach one Alpaca account: its account number, the REST and {@code trade_updates} hosts
 * (live, paper, or a local stub in tests), the API key pair, the retry policy and the per-call
 * timeout.
 *
 * <p>Build it in code ({@link #paper}, {@link #live}, then {@code withX}) or from {@link Settings}
 * ({@link #from}). Keys come from environment variables the settings name, never from the settings
 * themselves; {@link #toString()} shows {@code Secret[****]} for both. Immutable and thread-safe.
 *
 * @param account the account number ({@code PA2XNN7L2QU0}); data from keys of another account is
 *     refused
 * @param restUrl base of the trading API, e.g. {@code https://paper-api.alpaca.markets}
 * @param streamUrl the {@code trade_updates} WebSocket, e.g. {@code
 *     wss://paper-api.alpaca.markets/stream}
 * @param timeout the longest one HTTP call may take
 * @since 0.1
 */
@Beta
public record AlpacaConfig(
    AccountId account,
    URI restUrl,
    URI streamUrl,
    Secret keyId,
    Secret secretKey,
    RetrySettings retry,
    Duration timeout) {

  public static final URI LIVE_REST = URI.create("https://api.alpaca.markets");
  public static final URI LIVE_STREAM = URI.create("wss://api.alpaca.markets/stream");
  public static final URI PAPER_REST = URI.create("https://paper-api.alpaca.markets");
  public static final URI PAPER_STREAM = URI.create("wss://paper-api.alpaca.markets/stream");

  /** The environment variables Alpaca's own SDKs read when the settings name none. */
  public static final String DEFAULT_KEY_ID_ENV = "APCA_API_KEY_ID";

  public static final String DEFAULT_SECRET_KEY_ENV = "APCA_API_SECRET_KEY";

  public AlpacaConfig {
    if (account == null) {
      throw new ConfigurationException("alpaca", "account", "account is required");
    }
    restUrl = checkUrl(restUrl, "rest_url", "http", "https");
    streamUrl = checkUrl(streamUrl, "stream_url", "ws", "wss", "http", "https");
    if (keyId == null || secretKey == null) {
      throw new ConfigurationException("alpaca", "key_id_env_var", "both API keys are required");
    }
    if (retry == null) {
      throw new ConfigurationException("alpaca", "retry_policy", "retry policy is required");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new ConfigurationException("alpaca", "timeout", "timeout must be > 0, was " + timeout);
    }
  }

  /** A paper-trading account with the default retry policy and a 30 s timeout. */
  public static AlpacaConfig paper(AccountId account, Secret keyId, Secret secretKey) {
    return new AlpacaConfig(
        account,
        PAPER_REST,
        PAPER_STREAM,
        keyId,
        secretKey,
        RetrySettings.DEFAULT,
        Duration.ofSeconds(30));
  }

  /** A live account with the default retry policy and a 30 s timeout. */
  public static AlpacaConfig live(AccountId account, Secret keyId, Secret secretKey) {
    return new AlpacaConfig(
        account,
        LIVE_REST,
        LIVE_STREAM,
        keyId,
        secretKey,
        RetrySettings.DEFAULT,
        Duration.ofSeconds(30));
  }

  /**
   * Reads {@code account} (required), {@code environment} ({@code paper}, the default, or {@code
   * live}), {@code rest_url} and {@code stream_url} (override the environment's hosts; a stream URL
   * left out follows the REST URL, {@code <rest_url>/stream}), {@code key_id_env_var} and {@code
   * secret_key_env_var} (default {@value #DEFAULT_KEY_ID_ENV} and {@value
   * #DEFAULT_SECRET_KEY_ENV}), {@code retry_policy.*} and {@code timeout} (seconds).
   *
   * @throws ConfigurationException naming the key that is missing or wrong
   */
  public static AlpacaConfig from(Settings settings) {
    AccountId account;
    try {
      account = AccountId.of(settings.require("account"));
    } catch (dev.ingest.api.error.DataValidationException e) {
      throw new ConfigurationException(
          "alpaca", settings.keyOf("account"), settings.keyOf("account") + ": " + e.getMessage());
    }
    String environment = settings.get("environment", "paper").toLowerCase(Locale.ROOT);
    URI rest;
    URI stream;
    switch (environment) {
      case "paper" -> {
        rest = PAPER_REST;
        stream = PAPER_STREAM;
      }
      case "live" -> {
        rest = LIVE_REST;
        stream = LIVE_STREAM;
      }
      default ->
          throw new ConfigurationException(
              "alpaca",
              settings.keyOf("environment"),
              settings.keyOf("environment") + " must be paper or live, was '" + environment + "'");
    }
    if (settings.has("rest_url")) {
      rest = uri(settings, "rest_url");
      stream = streamBesides(rest);
    }
    if (settings.has("stream_url")) {
      stream = uri(settings, "stream_url");
    }
    Secret keyId = secret(settings, "key_id_env_var", DEFAULT_KEY_ID_ENV);
    Secret secret = secret(settings, "secret_key_env_var", DEFAULT_SECRET_KEY_ENV);
    return new AlpacaConfig(
        account,
        rest,
        stream,
        keyId,
        secret,
        RetrySettings.from(settings.section("retry_policy")),
        settings.duration("timeout", Duration.ofSeconds(30)));
  }

  public AlpacaConfig withRestUrl(URI url) {
    return new AlpacaConfig(account, url, streamUrl, keyId, secretKey, retry, timeout);
  }

  public AlpacaConfig withStreamUrl(URI url) {
    return new AlpacaConfig(account, restUrl, url, keyId, secretKey, retry, timeout);
  }

  public AlpacaConfig withRetry(RetrySettings settings) {
    return new AlpacaConfig(account, restUrl, streamUrl, keyId, secretKey, settings, timeout);
  }

  public AlpacaConfig withTimeout(Duration callTimeout) {
    return new AlpacaConfig(account, restUrl, streamUrl, keyId, secretKey, retry, callTimeout);
  }

  /** {@code https://host/base} becomes {@code wss://host/base/stream}. */
  static URI streamBesides(URI rest) {
    String scheme = "https".equals(rest.getScheme()) ? "wss" : "ws";
    String path = rest.getPath() == null ? "" : rest.getPath().replaceAll("/+$", "");
    try {
      return new URI(scheme, rest.getAuthority(), path + "/stream", null, null);
    } catch (URISyntaxException e) {
      throw new ConfigurationException("alpaca", "stream_url", "cannot derive a stream URL");
    }
  }

  /** The secret in the environment variable named under {@code key}, or in the default one. */
  private static Secret secret(Settings settings, String key, String defaultVariable) {
    Settings named = settings.has(key) ? settings : settings.with(key, defaultVariable);
    return named.secretFromEnv(key);
  }

  private static URI uri(Settings settings, String key) {
    String text = settings.require(key);
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigurationException(
          "alpaca", settings.keyOf(key), settings.keyOf(key) + " is not a URL: '" + text + "'");
    }
  }

  private static URI checkUrl(URI url, String key, String... schemes) {
    if (url == null || url.getScheme() == null || url.getHost() == null) {
      throw new ConfigurationException("alpaca", key, key + " must be an absolute URL, was " + url);
    }
    for (String scheme : schemes) {
      if (scheme.equalsIgnoreCase(url.getScheme())) {
        return url;
      }
    }
    throw new ConfigurationException(
        "alpaca", key, key + " must use " + String.join(" or ", schemes) + ", was " + url);
  }
}
