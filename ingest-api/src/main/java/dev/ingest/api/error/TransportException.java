package dev.ingest.api.error;

import org.jspecify.annotations.Nullable;

/**
 * I/O failure, timeout, 5xx answer or dropped socket: transient, and retried by the configured
 * policy.
 *
 * @since 0.1
 */
public class TransportException extends IngestException {
  private static final long serialVersionUID = 1L;

  public TransportException(String provider, String message, @Nullable Throwable cause) {
    super(provider, message, cause);
  }

  public TransportException(String provider, String message) {
    this(provider, message, null);
  }
}
