package dev.ingest.alpaca;

import dev.ingest.api.Beta;

/**
 * Where an account's {@code trade_updates} WebSocket is. The host can read it at any time from
 * {@link AlpacaIngester#status()} and is told of each change through {@link
 * AlpacaIngestListener#streamStateChanged}.
 *
 * @since 0.1
 */
@Beta
public enum StreamState {
  /** Not started yet. */
  IDLE,
  /** Opening the socket. */
  CONNECTING,
  /** Socket open, credentials sent, waiting for {@code authorized}. */
  AUTHENTICATING,
  /** Subscribed to {@code trade_updates}: events are flowing. */
  LISTENING,
  /** The socket dropped; a reconnect is scheduled after a backoff with jitter. */
  WAITING_TO_RECONNECT,
  /** Alpaca refused the credentials; nothing is retried until the host fixes the key. */
  FAILED,
  /** Closed by the host. */
  CLOSED
}
