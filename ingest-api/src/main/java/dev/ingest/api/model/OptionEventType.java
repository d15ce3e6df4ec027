package dev.ingest.api.model;

/** What happened to an option position outside a trade. @since 0.1 */
public enum OptionEventType {
  EXERCISE,
  ASSIGNMENT,
  EXPIRATION
}
