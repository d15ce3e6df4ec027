package dev.ingest.api.model;

/**
 * What kind of instrument it is.
 *
 * @since 0.1
 */
public enum AssetClass {
  STOCK,
  ETF,
  OPTION,
  FUTURE,
  /** A future on an index (ES, NQ); IB reports these as FUT on an index underlying. */
  INDEX_FUTURE,
  FUTURE_OPTION,
  INDEX,
  FOREX,
  CRYPTO,
  BOND,
  OTHER
}
