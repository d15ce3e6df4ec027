package dev.ingest.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The provider understood the request and refused it (a 4xx answer, a TWS error code). Not retried:
 * the same request would be refused again.
 *
 * @since 0.1
 */
public class ProviderRejectedException extends IngestException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String code;
  private final String providerMessage;

  /**
   * @param status HTTP status, or 0 where the transport has none (TWS)
   * @param code the provider's own error code, if it sent one
   * @param context what was asked, as {@code key=value} pairs; never secrets
   * @param providerMessage the provider's own words, truncated
   */
  public ProviderRejectedException(
      String provider, int status, @Nullable String code, String context, String providerMessage) {
    super(
        provider,
        provider
            + " rejected request: status="
            + status
            + (code == null ? "" : " code=" + code)
            + (context == null || context.isBlank() ? "" : " " + context)
            + ": "
            + truncate(providerMessage),
        null);
    this.status = status;
    this.code = code;
    this.providerMessage = truncate(providerMessage);
  }

  /** HTTP status, or 0 where the transport has none. */
  public int status() {
    return status;
  }

  /** The provider's error code, or null when it sent none. */
  public @Nullable String code() {
    return code;
  }

  /** The provider's own message, truncated. */
  public String providerMessage() {
    return providerMessage;
  }
}
