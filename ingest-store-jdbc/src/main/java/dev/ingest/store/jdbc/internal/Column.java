package dev.ingest.store.jdbc.internal;

/**
 * One logical column of a {@link RecordTable}.
 *
 * @param name the SQL column name (an {@link ColumnType#INSTANT} adds {@code name_ns})
 * @param field the record field it holds, as {@code Record.field}, for validation messages
 */
record Column(String name, ColumnType type, String field) {

  static Column text(String name, String field) {
    return new Column(name, ColumnType.TEXT, field);
  }

  static Column decimal(String name, String field) {
    return new Column(name, ColumnType.DECIMAL, field);
  }

  static Column instant(String name, String field) {
    return new Column(name, ColumnType.INSTANT, field);
  }

  static Column date(String name, String field) {
    return new Column(name, ColumnType.DATE, field);
  }

  static Column integer(String name, String field) {
    return new Column(name, ColumnType.INTEGER, field);
  }

  static Column bigint(String name, String field) {
    return new Column(name, ColumnType.BIGINT, field);
  }

  /** The name of the nanosecond column of an instant. */
  String nanosName() {
    return name + "_ns";
  }
}
