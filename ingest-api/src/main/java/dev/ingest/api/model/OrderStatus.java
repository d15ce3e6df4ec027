package dev.ingest.api.model;

/**
 * Where an order is in its life. Statuses progress {@code PENDING_SUBMIT -> SUBMITTED ->
 * PARTIALLY_FILLED -> (PENDING_CANCEL) -> FILLED | CANCELLED | REJECTED | EXPIRED | REPLACED}; the
 * last five are terminal.
 *
 * @since 0.1
 */
public enum OrderStatus {
  PENDING_SUBMIT(0),
  SUBMITTED(1),
  PARTIALLY_FILLED(2),
  PENDING_CANCEL(3),
  FILLED(4),
  CANCELLED(4),
  REJECTED(4),
  EXPIRED(4),
  /** Replaced by a new order (Alpaca's replace); the old id is finished. */
  REPLACED(4);

  private final int progress;

  OrderStatus(int progress) {
    this.progress = progress;
  }

  /** No further status change is expected. */
  public boolean isTerminal() {
    return progress == 4;
  }

  /** How far along the life cycle this status is; used to order updates with equal timestamps. */
  public int progress() {
    return progress;
  }
}
