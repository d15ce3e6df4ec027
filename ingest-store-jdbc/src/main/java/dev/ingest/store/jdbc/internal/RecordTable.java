package dev.ingest.store.jdbc.internal;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.Instrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How one record type maps onto its table: the columns in order, the natural key, the upsert rule
 * and how to read a record's values. The insert, the guarded update and the COPY staging are all
 * generated from this one column list (by {@link TableWriter}), so they cannot disagree.
 *
 * @param <T> the record type
 */
final class RecordTable<T> {

  /** A record's column values, given the id of its stored instrument (null if it has none). */
  @FunctionalInterface
  interface Values<T> {
    @Nullable Object[] of(T record, @Nullable Long instrumentId);
  }

  final String table;
  final String recordType;
  final List<Column> columns;
  final List<String> keyColumns;
  final @Nullable String guard;
  final Function<T, String> naturalKey;
  final @Nullable Function<T, Instrument> instrument;
  final Values<T> values;
  private final int[] keyIndexes;

  /**
   * @param keyColumns the natural key, by logical column name
   * @param guard the SQL file holding the condition under which a stored row is replaced, or null
   *     for an insert-only table
   */
  RecordTable(
      String table,
      String recordType,
      List<Column> columns,
      List<String> keyColumns,
      @Nullable String guard,
      Function<T, String> naturalKey,
      @Nullable Function<T, Instrument> instrument,
      Values<T> values) {
    this.table = table;
    this.recordType = recordType;
    this.columns = List.copyOf(columns);
    this.keyColumns = List.copyOf(keyColumns);
    this.guard = guard;
    this.naturalKey = naturalKey;
    this.instrument = instrument;
    this.values = values;
    this.keyIndexes = new int[keyColumns.size()];
    for (int k = 0; k < keyColumns.size(); k++) {
      keyIndexes[k] = this.columns.indexOf(column(keyColumns.get(k)));
    }
  }

  boolean isInsertOnly() {
    return guard == null;
  }

  Column column(String name) {
    return columns.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no column " + name + " in " + table));
  }

  /** The physical column names of {@code columns}, an instant adding its {@code _ns} column. */
  static List<String> physical(List<Column> columns) {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name());
      if (c.type() == ColumnType.INSTANT) {
        names.add(c.nanosName());
      }
    }
    return names;
  }

  List<String> physicalKey() {
    return physical(keyColumns.stream().map(this::column).toList());
  }

  List<Column> nonKeyColumns() {
    return columns.stream().filter(c -> !keyColumns.contains(c.name())).toList();
  }

  /**
   * The record's values, checked against what the database can hold: text without NUL characters
   * (PostgreSQL refuses them) and instants within years 1 to 9999. A failure names the field and
   * the record's natural key.
   */
  @Nullable Object[] valuesOf(T record, @Nullable Long instrumentId) {
    @Nullable Object[] row = values.of(record, instrumentId);
    if (row.length != columns.size()) {
      throw new IllegalStateException(
          table + ": " + row.length + " values for " + columns.size() + " columns");
    }
    try {
      for (int i = 0; i < row.length; i++) {
        Object value = row[i];
        Column column = columns.get(i);
        if (value instanceof String text && text.indexOf('\0') >= 0) {
          throw new DataValidationException(column.field(), "must not contain a NUL character");
        }
        if (value instanceof Instant instant) {
          Instants.check(instant, column.field());
        }
      }
    } catch (DataValidationException e) {
      throw e.withContext("jdbc", naturalKey.apply(record));
    }
    return row;
  }

  /** The natural key's values joined, for ordering a batch and spotting repeats in it. */
  String sortKey(@Nullable Object[] row) {
    if (keyIndexes.length == 1 && row[keyIndexes[0]] instanceof String single) {
      return single;
    }
    StringBuilder key = new StringBuilder();
    for (int index : keyIndexes) {
      key.append(row[index]).append('\u0000');
    }
    return key.toString();
  }
}
