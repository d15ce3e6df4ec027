package dev.ingest.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The one exception type to catch from this SDK. Unchecked, like every exception the SDK throws.
 *
 * <p>Subclasses say what kind of failure it was; the transient ones ({@link TransportException} and
 * {@link RateLimitedException}) are retried by policy, the rest are not. Messages never contain a
 * secret, a header value or a keyed URL.
 *
 * @since 0.1
 */
public abstract class IngestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Messages and echoed payloads are cut to this many characters. */
  static final int MAX_ECHO = 1024;

  private final String provider;

  protected IngestException(String provider, String message, @Nullable Throwable cause) {
    super(truncate(message), cause);
    this.provider = provider == null || provider.isBlank() ? "ingest" : provider;
  }

  /**
   * The provider or store that failed ({@code "alpaca"}, {@code "jdbc"}, ...), or {@code "ingest"}.
   */
  public String provider() {
    return provider;
  }

  /** Cuts a text that echoes outside data so a hostile payload cannot flood logs. */
  public static String truncate(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    return text.length() <= MAX_ECHO
        ? text
        : text.substring(0, MAX_ECHO) + "…(" + text.length() + " chars)";
  }
}
