package dev.ingest.api.model;

/** Call or put. @since 0.1 */
public enum OptionRight {
  CALL,
  PUT
}
