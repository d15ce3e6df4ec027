package dev.ingest.examples.demo;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.OptionEventType;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.Position;
import dev.ingest.api.model.Side;
import dev.ingest.api.sync.AccountSync;
import dev.ingest.api.sync.SyncSummary;
import dev.ingest.store.jdbc.JdbcStore;
import dev.ingest.testkit.BrokerFixture;
import dev.ingest.testkit.FakeBrokerApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Seed 000's pipeline end to end, on recorded data, into an embedded SQLite file:
 *
 * <ol>
 *   <li>a fake broker starts from an Alpaca paper account as recorded at the close of 2020-06-02
 *       ({@code alpaca-paper-account.json}, provenance beside it);
 *   <li>the five sync functions write it into {@code ingest-demo.db}, printing one summary per
 *       record type;
 *   <li>the market moves: the open TSLA sell order fills (the recorded fill of 2020-06-03), and the
 *       short TSLA call expires on 2020-06-05;
 *   <li>the syncs run again and print what changed;
 *   <li>a few rows are read back from the file with plain SQL.
 * </ol>
 *
 * Run it from the repository root with the command in the README ("Run the demo"); an optional
 * argument names the database file.
 */
public final class SyncDemo {
  static final String FIXTURE = "dev/ingest/examples/demo/alpaca-paper-account.json";
  static final Path DEFAULT_FILE = Path.of("ingest-demo.db");

  private static final String SELL_TSLA = "c47ff82f-fa83-4083-9121-3623f4b3cb8d";
  private static final String TSLA_CALL = "TSLA200605C01000000";

  private SyncDemo() {}

  public static void main(String[] args) {
    // the demo's output is its summaries; the library's INFO lines would bury them
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    run(args.length > 0 ? Path.of(args[0]) : DEFAULT_FILE, System.out);
  }

  /** Both rounds of syncs into {@code file} (recreated), printing to {@code out}. */
  static List<AccountSync.Result> run(Path file, PrintStream out) {
    deleteDatabase(file);
    BrokerFixture account = readFixture();
    AccountId id = account.account();
    try (JdbcStore store = JdbcStore.sqlite(file);
        FakeBrokerApi broker = account.toBroker()) {
      out.println("Syncing Alpaca paper account " + id + " into " + file.toAbsolutePath());
      out.println();
      out.println("First sync, the account at the close of 2020-06-02:");
      AccountSync.Result first = AccountSync.sync(broker, id, store.records());
      print(first, out);

      marketMoves(broker, account);

      out.println();
      out.println("Second sync, after the TSLA sell filled and the TSLA call expired:");
      AccountSync.Result second = AccountSync.sync(broker, id, store.records());
      print(second, out);

      out.println();
      showRows(file, out);
      return List.of(first, second);
    }
  }

  /** What happened in the account between the two syncs. */
  private static void marketMoves(FakeBrokerApi broker, BrokerFixture account) {
    AccountId id = account.account();
    Order sell =
        account.orders().stream()
            .filter(o -> o.brokerOrderId().equals(SELL_TSLA))
            .findFirst()
            .orElseThrow();
    Instant filledAt = Instant.parse("2020-06-03T13:30:14.199812Z");
    BigDecimal price = new BigDecimal("886.55");

    // 2020-06-03 09:30 New York: the sell order fills (Submitted -> Filled) ...
    broker.putOrder(
        new Order(
            id,
            sell.brokerOrderId(),
            sell.clientOrderId(),
            sell.instrument(),
            sell.side(),
            sell.type(),
            sell.quantity(),
            sell.quantity(),
            sell.limitPrice(),
            sell.stopPrice(),
            price,
            OrderStatus.FILLED,
            sell.timeInForce(),
            sell.submittedAt(),
            filledAt));
    // ... with one new execution (recorded activity 20200603093014199::486a1a31-...)
    broker.addExecution(
        new Execution(
            id,
            "486a1a31-4d0c-494b-aaca-afa36477ddb8",
            SELL_TSLA,
            sell.instrument(),
            Side.SELL,
            new BigDecimal("5"),
            price,
            filledAt,
            null,
            null,
            null));
    // ... and the TSLA position is gone
    broker.removePosition(sell.instrument().key());

    // 2020-06-05 close: the short TSLA 1000 call expires worthless (illustrative, see README)
    Instrument call =
        account.positions().stream()
            .map(Position::instrument)
            .filter(i -> i.symbol().value().equals(TSLA_CALL))
            .findFirst()
            .orElseThrow();
    Instant expiry = Instant.parse("2020-06-05T20:00:00Z");
    broker.addOptionEvent(
        new OptionEvent(id, call, OptionEventType.EXPIRATION, expiry, BigDecimal.ONE));
    broker.removePosition(call.key());

    // the broker reports the remaining holdings at that close: same holdings, a newer report time
    for (Position held : account.positions()) {
      if (!held.instrument().key().equals(call.key())
          && !held.instrument().key().equals(sell.instrument().key())) {
        broker.putPosition(
            new Position(
                id,
                held.instrument(),
                held.quantity(),
                held.averageCost(),
                held.marketPrice(),
                held.marketValue(),
                expiry));
      }
    }
    // the account at that close: the sale's cash in, marks unchanged
    broker.addSnapshot(
        new AccountSnapshot(
            id,
            expiry,
            "USD",
            new BigDecimal("99975.26"),
            new BigDecimal("92171.36"),
            null,
            Map.of("long_market_value", new BigDecimal("7803.9"))));
  }

  private static void print(AccountSync.Result result, PrintStream out) {
    out.println(line("snapshots", result.snapshots()));
    out.println(line("positions", result.positions()));
    out.println(line("orders", result.orders()));
    out.println(line("executions", result.executions()));
    out.println(line("option_events", result.optionEvents()));
  }

  /** {@code orders: created=1 updated=0 unchanged=0 total=1}. */
  static String line(String recordType, SyncSummary s) {
    return recordType
        + ": created="
        + s.created()
        + " updated="
        + s.updated()
        + " unchanged="
        + s.unchanged()
        + " total="
        + s.total();
  }

  /** Reads the file back with plain JDBC, to show the rows are really there. */
  private static void showRows(Path file, PrintStream out) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement()) {
      out.println("A few rows of " + file + " (open it yourself: sqlite3 " + file + "):");
      out.println();
      table(
          s,
          out,
          "SELECT o.broker_order_id, i.symbol, o.side, o.status, o.filled_quantity,"
              + " o.average_fill_price, o.updated_at, o.revision"
              + " FROM orders o JOIN instruments i ON i.id = o.instrument_id"
              + " ORDER BY o.updated_at, o.updated_at_ns");
      out.println();
      table(
          s,
          out,
          "SELECT i.symbol, p.quantity, p.average_cost, p.market_value, p.as_of"
              + " FROM positions p JOIN instruments i ON i.id = p.instrument_id"
              + " ORDER BY i.symbol");
      out.println();
      table(
          s,
          out,
          "SELECT e.exec_id, i.symbol, e.side, e.quantity, e.price, e.executed_at"
              + " FROM executions e JOIN instruments i ON i.id = e.instrument_id"
              + " ORDER BY e.executed_at DESC LIMIT 3");
      out.println();
      table(
          s,
          out,
          "SELECT i.symbol, e.event_type, e.event_at, e.quantity"
              + " FROM option_events e JOIN instruments i ON i.id = e.instrument_id");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Prints a query's result as an aligned text table. */
  private static void table(Statement s, PrintStream out, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      List<String[]> rows = new java.util.ArrayList<>();
      String[] header = new String[columns];
      for (int c = 0; c < columns; c++) {
        header[c] = rs.getMetaData().getColumnLabel(c + 1);
      }
      rows.add(header);
      while (rs.next()) {
        String[] row = new String[columns];
        for (int c = 0; c < columns; c++) {
          String value = rs.getString(c + 1);
          row[c] = value == null ? "" : value;
        }
        rows.add(row);
      }
      int[] widths = new int[columns];
      for (String[] row : rows) {
        for (int c = 0; c < columns; c++) {
          widths[c] = Math.max(widths[c], row[c].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < columns; c++) {
          line.append(String.format("%-" + widths[c] + "s", row[c]));
          if (c < columns - 1) {
            line.append("  ");
          }
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }

  private static BrokerFixture readFixture() {
    try (InputStream in = SyncDemo.class.getClassLoader().getResourceAsStream(FIXTURE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + FIXTURE);
      }
      return BrokerFixture.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FIXTURE, e);
    }
  }

  /** The demo starts from an empty file each time, so its output is always the same. */
  private static void deleteDatabase(Path file) {
    try {
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the previous " + file, e);
    }
  }
}
