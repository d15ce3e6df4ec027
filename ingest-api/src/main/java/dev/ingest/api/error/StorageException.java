package dev.ingest.api.error;

import org.jspecify.annotations.Nullable;

/**
 * A store failed to read or write. The batch it was writing was rolled back as a whole.
 *
 * @since 0.1
 */
public class StorageException extends IngestException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final boolean transientFailure;

  public StorageException(
      String store, String operation, String message, @Nullable Throwable cause) {
    this(store, operation, message, cause, false);
  }

  /**
   * @param transientFailure true when the same call may succeed if repeated (lost connection,
   *     serialization failure); retry policies use it
   */
  public StorageException(
      String store,
      String operation,
      String message,
      @Nullable Throwable cause,
      boolean transientFailure) {
    super(store, store + " " + operation + " failed: " + message, cause);
    this.operation = operation;
    this.transientFailure = transientFailure;
  }

  /** The store, e.g. {@code "jdbc"} or {@code "redis"}. Same as {@link #provider()}. */
  public String store() {
    return provider();
  }

  /** The operation that failed, e.g. {@code "upsertOrders"}. */
  public String operation() {
    return operation;
  }

  /** Whether repeating the same call may succeed. */
  public boolean isTransient() {
    return transientFailure;
  }
}
