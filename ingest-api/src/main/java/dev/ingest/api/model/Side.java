package dev.ingest.api.model;

/** Buy or sell; short sells are sells. @since 0.1 */
public enum Side {
  BUY,
  SELL
}
