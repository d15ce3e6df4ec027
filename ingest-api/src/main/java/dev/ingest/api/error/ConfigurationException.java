package dev.ingest.api.error;

/**
 * Invalid or missing configuration, raised before any work starts. Names the key; never echoes a
 * secret's value.
 *
 * @since 0.1
 */
public final class ConfigurationException extends IngestException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public ConfigurationException(String key, String message) {
    this("ingest", key, message);
  }

  public ConfigurationException(String provider, String key, String message) {
    super(provider, message, null);
    this.key = key;
  }

  /** The configuration key (or environment variable name) that is wrong. */
  public String key() {
    return key;
  }
}
