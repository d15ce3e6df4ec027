package dev.ingest.store.jdbc.internal;

import dev.ingest.api.error.StorageException;
import dev.ingest.api.store.UpsertOutcome;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of one {@link RecordTable} inside the caller's transaction and says what happened
 * to each record. Two paths with one outcome:
 *
 * <ul>
 *   <li><b>Row path</b> (both databases, small batches): a JDBC batch of {@code INSERT ... ON
 *       CONFLICT DO NOTHING}, whose update counts say which rows were created; then, for an
 *       updatable table, a JDBC batch of guarded {@code UPDATE}s for the others, whose counts say
 *       which were updated. The guard runs in the database against the locked row, so concurrent
 *       writers in other processes are safe.
 *   <li><b>Staging path</b> (PostgreSQL, batches of {@code copyThreshold} rows or more): the rows
 *       are {@code COPY}ed into a temporary table and merged with one {@code INSERT ... SELECT ...
 *       ON CONFLICT DO UPDATE ... WHERE guard RETURNING}. A row's {@code revision} tells the
 *       outcome: 1 is a new row, more is an update, no row returned is unchanged.
 * </ul>
 *
 * A natural key repeated inside one batch is applied in batch order (a record that repeats one
 * before it counts as unchanged). Rows are written in natural-key order, so two writers lock rows
 * in the same order and cannot deadlock each other. Immutable; thread-safe.
 */
final class TableWriter<T> {
  private static final Logger log = LoggerFactory.getLogger(TableWriter.class);

  private final RecordTable<T> table;
  private final Dialect dialect;
  private final String qualified;
  private final String insertSql;
  private final @Nullable String updateSql;
  private final String stageTable;
  private final String stageDdl;
  private final String stageMergeSql;

  TableWriter(RecordTable<T> table, Dialect dialect, String qualifiedTable, SqlTemplates sql) {
    this.table = table;
    this.dialect = dialect;
    this.qualified = qualifiedTable;
    List<String> all = RecordTable.physical(table.columns);
    List<String> key = table.physicalKey();
    String columnList = String.join(", ", all);
    String keyList = String.join(", ", key);

    this.insertSql =
        "INSERT INTO "
            + qualified
            + " ("
            + columnList
            + ") VALUES ("
            + all.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
            + ") ON CONFLICT ("
            + keyList
            + ") DO NOTHING";

    List<String> nonKey = RecordTable.physical(table.nonKeyColumns());
    if (table.guard == null) {
      this.updateSql = null;
    } else {
      String guard = guard(sql, "s", "o");
      this.updateSql =
          "UPDATE "
              + qualified
              + " AS o SET "
              + nonKey.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
              + ", revision = o.revision + 1 FROM (SELECT "
              + physicalColumns(table.columns).stream()
                  .map(c -> "CAST(:" + c.name + " AS " + c.sqlType + ") AS " + c.name)
                  .collect(Collectors.joining(", "))
              + ") AS s WHERE "
              + key.stream().map(c -> "o." + c + " = s." + c).collect(Collectors.joining(" AND "))
              + " AND ("
              + guard
              + ")";
    }

    this.stageTable = "ingest_stage_" + table.table.replace('.', '_');
    this.stageDdl =
        "CREATE TEMPORARY TABLE "
            + stageTable
            + " (round_no INTEGER NOT NULL, seq INTEGER NOT NULL, "
            + physicalColumns(table.columns).stream()
                .map(c -> c.name + " " + c.sqlType)
                .collect(Collectors.joining(", "))
            + ") ON COMMIT DROP";
    String conflict =
        table.guard == null
            ? "DO NOTHING RETURNING " + keyList + ", 1 AS revision"
            : "DO UPDATE SET "
                + nonKey.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
                + ", revision = o.revision + 1 WHERE "
                + guard(sql, "excluded", "o")
                + " RETURNING "
                + keyList
                + ", revision";
    // One statement per round. It returns a tally row (seq -1: how many rows were written and how
    // many of those created) and, only when the round's outcomes are mixed, one row per written
    // record; a uniform round (all new, all updated, nothing changed) skips the join entirely.
    this.stageMergeSql =
        "WITH written AS (INSERT INTO "
            + qualified
            + " AS o ("
            + columnList
            + ") SELECT "
            + columnList
            + " FROM "
            + stageTable
            + " WHERE round_no = :round ORDER BY "
            + lockOrder(table)
            + " ON CONFLICT ("
            + keyList
            + ") "
            + conflict
            + "), tally AS (SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE revision = 1) AS created"
            + " FROM written)"
            + " SELECT -1, n, created FROM tally"
            + " UNION ALL SELECT s.seq, w.revision, 0 FROM written w JOIN "
            + stageTable
            + " s ON "
            + key.stream().map(c -> "s." + c + " = w." + c).collect(Collectors.joining(" AND "))
            + " WHERE s.round_no = :round AND NOT ((SELECT n FROM tally) = 0"
            + " OR ((SELECT n FROM tally) = :size AND (SELECT created FROM tally) IN (0, :size)))";
  }

  /**
   * The order rows are written in, so that concurrent writers take row locks in one order and
   * cannot deadlock: the natural key, text compared bytewise ({@code COLLATE "C"}, also the
   * cheapest collation to sort by). Rows are sent already in this order, which PostgreSQL's sort
   * recognizes at once.
   */
  private String lockOrder(RecordTable<T> table) {
    List<String> order = new ArrayList<>();
    for (String name : table.keyColumns) {
      Column column = table.column(name);
      if (column.type() == ColumnType.TEXT) {
        order.add(name + " COLLATE \"C\"");
      } else {
        order.add(name);
        if (column.type() == ColumnType.INSTANT) {
          order.add(column.nanosName());
        }
      }
    }
    return String.join(", ", order);
  }

  private String guard(SqlTemplates sql, String newAlias, String oldAlias) {
    return sql.with("new", newAlias)
        .with("old", oldAlias)
        .with(
            "filled_at_least",
            dialect.decimalAtLeast(newAlias + ".filled_quantity", oldAlias + ".filled_quantity"))
        .statements("sql/" + table.guard)
        .get(0);
  }

  /** One record ready to write: its place in the batch and its column values. */
  record Row(int index, @Nullable Object[] values, String key) {}

  /** Writes {@code rows} (in batch order) and returns one outcome per row, in batch order. */
  UpsertOutcome[] write(Handle handle, List<Row> rows, int copyThreshold) {
    if (rows.isEmpty()) {
      return new UpsertOutcome[0];
    }
    if (dialect == Dialect.POSTGRESQL && rows.size() >= copyThreshold) {
      return writeStaged(handle, rows);
    }
    return writeRows(handle, rows);
  }

  private UpsertOutcome[] writeRows(Handle handle, List<Row> rows) {
    UpsertOutcome[] outcomes = new UpsertOutcome[rows.size()];
    Arrays.fill(outcomes, UpsertOutcome.UNCHANGED);
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::key)); // stable: repeats keep their batch order

    int[] inserted = execute(handle, insertSql, sorted);
    List<Row> existing = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (inserted[i] == 1) {
        outcomes[sorted.get(i).index()] = UpsertOutcome.CREATED;
      } else {
        existing.add(sorted.get(i));
      }
    }
    if (updateSql != null && !existing.isEmpty()) {
      int[] updated = execute(handle, updateSql, existing);
      for (int i = 0; i < existing.size(); i++) {
        if (updated[i] == 1) {
          outcomes[existing.get(i).index()] = UpsertOutcome.UPDATED;
        }
      }
    }
    return outcomes;
  }

  private int[] execute(Handle handle, String sql, List<Row> rows) {
    PreparedBatch batch = handle.prepareBatch(sql);
    for (Row row : rows) {
      for (int c = 0; c < table.columns.size(); c++) {
        dialect.bind(batch, table.columns.get(c), row.values()[c]);
      }
      batch.add();
    }
    int[] counts = batch.execute();
    for (int count : counts) {
      if (count == Statement.SUCCESS_NO_INFO || count < 0) {
        // pgjdbc's reWriteBatchedInserts=true merges the batch and loses per-row counts
        throw new StorageException(
            "jdbc",
            "write " + table.table,
            "the driver returned no per-row update counts (is reWriteBatchedInserts=true set on"
                + " the DataSource? the store needs it off)",
            null);
      }
    }
    return counts;
  }

  private UpsertOutcome[] writeStaged(Handle handle, List<Row> rows) {
    UpsertOutcome[] outcomes = new UpsertOutcome[rows.size()];
    Arrays.fill(outcomes, UpsertOutcome.UNCHANGED);
    int[] rounds = rounds(rows);
    int lastRound = Arrays.stream(rounds).max().orElse(1);
    int[] roundSizes = new int[lastRound + 1];
    for (int round : rounds) {
      roundSizes[round]++;
    }
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::key));

    long start = System.nanoTime();
    // sort and join in memory: a batch this size would otherwise spill to temporary files
    handle.createQuery("SELECT set_config('work_mem', '64MB', true)").mapTo(String.class).one();
    handle.execute(stageDdl);
    List<Column> columns = table.columns;
    PostgresCopy.copy(
        handle.getConnection(),
        "COPY "
            + stageTable
            + " (round_no, seq, "
            + String.join(", ", RecordTable.physical(columns))
            + ") FROM STDIN",
        sorted.size(),
        (i, out) -> {
          Row row = sorted.get(i);
          out.integer(rounds[row.index()]).integer(row.index());
          for (int c = 0; c < columns.size(); c++) {
            out.value(columns.get(c).type(), row.values()[c]);
          }
        });
    long copied = System.nanoTime();
    for (int round = 1; round <= lastRound; round++) {
      int size = roundSizes[round];
      int current = round;
      List<int[]> result =
          handle
              .createQuery(stageMergeSql)
              .bind("round", round)
              .bind("size", size)
              .map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)})
              .list();
      int written = 0;
      int created = 0;
      for (int[] row : result) {
        if (row[0] < 0) {
          written = row[1];
          created = row[2];
        } else {
          outcomes[row[0]] = row[1] == 1 ? UpsertOutcome.CREATED : UpsertOutcome.UPDATED;
        }
      }
      if (written == size && (created == 0 || created == size)) {
        UpsertOutcome all = created == size ? UpsertOutcome.CREATED : UpsertOutcome.UPDATED;
        for (int i = 0; i < rows.size(); i++) {
          if (rounds[i] == current) {
            outcomes[i] = all;
          }
        }
      }
    }
    if (log.isDebugEnabled()) {
      log.debug(
          "staged write table={} rows={} rounds={} copyMs={} mergeMs={}",
          qualified,
          rows.size(),
          lastRound,
          (copied - start) / 1_000_000,
          (System.nanoTime() - copied) / 1_000_000);
    }
    return outcomes;
  }

  /** 1 for a key's first appearance in the batch, 2 for its second, ... */
  private static int[] rounds(List<Row> rows) {
    int[] rounds = new int[rows.size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      rounds[i] = seen.merge(rows.get(i).key(), 1, Integer::sum);
    }
    return rounds;
  }

  private record PhysicalColumn(String name, String sqlType) {}

  private List<PhysicalColumn> physicalColumns(List<Column> columns) {
    List<PhysicalColumn> physical = new ArrayList<>();
    for (Column c : columns) {
      physical.add(new PhysicalColumn(c.name(), dialect.sqlType(c.type())));
      if (c.type() == ColumnType.INSTANT) {
        physical.add(new PhysicalColumn(c.nanosName(), dialect.sqlType(ColumnType.INTEGER)));
      }
    }
    return physical;
  }

  @Override
  public String toString() {
    return "TableWriter[" + qualified + "]";
  }
}
