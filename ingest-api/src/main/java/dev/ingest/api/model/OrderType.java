package dev.ingest.api.model;

/**
 * @since 0.1
 */
public enum OrderType {
  MARKET,
  LIMIT,
  STOP,
  STOP_LIMIT,
  TRAILING_STOP,
  MARKET_ON_CLOSE,
  LIMIT_ON_CLOSE,
  OTHER
}
