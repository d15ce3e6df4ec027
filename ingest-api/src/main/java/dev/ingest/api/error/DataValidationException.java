package dev.ingest.api.error;

import org.jspecify.annotations.Nullable;

/**
 * A record failed validation: a field is missing, malformed or out of range. The record is reported
 * with its context and skipped; the rest of the batch goes on.
 *
 * <p>The message reads {@code invalid Execution.quantity: must be > 0, was -3
 * (execId=0001f4e8...)}.
 *
 * @since 0.1
 */
public final class DataValidationException extends IngestException {
  private static final long serialVersionUID = 1L;

  private final String recordType;
  private final String field;
  private final @Nullable String naturalKey;

  /**
   * @param qualifiedField {@code Record.field}, e.g. {@code "Execution.quantity"}
   * @param problem what is wrong, with the (truncated) bad value
   */
  public DataValidationException(String qualifiedField, String problem) {
    this("ingest", qualifiedField, problem, null, null);
  }

  private DataValidationException(
      String provider,
      String qualifiedField,
      String problem,
      @Nullable String naturalKey,
      @Nullable Throwable cause) {
    super(
        provider,
        "invalid "
            + qualifiedField
            + ": "
            + truncate(problem)
            + (naturalKey == null ? "" : " (" + truncate(naturalKey) + ")"),
        cause);
    int dot = qualifiedField.indexOf('.');
    this.recordType = dot < 0 ? qualifiedField : qualifiedField.substring(0, dot);
    this.field = dot < 0 ? "" : qualifiedField.substring(dot + 1);
    this.naturalKey = naturalKey;
  }

  /**
   * The same failure with the provider and the record's natural key (e.g. {@code
   * "execId=0001f4e8.65f7e3c1.01.01"}) added, which the record itself could not know when its
   * constructor failed.
   */
  public DataValidationException withContext(String provider, @Nullable String naturalKey) {
    String problem = getMessage();
    int colon = problem.indexOf(": ");
    String bare = colon < 0 ? problem : problem.substring(colon + 2);
    if (this.naturalKey != null && bare.endsWith(")")) {
      bare = bare.substring(0, bare.lastIndexOf(" ("));
    }
    return new DataValidationException(
        provider, recordType + (field.isEmpty() ? "" : "." + field), bare, naturalKey, this);
  }

  /** The record type, e.g. {@code "Execution"}. */
  public String recordType() {
    return recordType;
  }

  /** The field, e.g. {@code "quantity"}; empty when the record as a whole is wrong. */
  public String field() {
    return field;
  }

  /** The record's natural key when known, else null. */
  public @Nullable String naturalKey() {
    return naturalKey;
  }
}
