package dev.ingest.benchmarks.jdbc;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AssetClass;
import dev.ingest.api.model.ConId;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.OrderType;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.UpsertOutcome;
import dev.ingest.store.jdbc.JdbcStore;
import dev.ingest.store.jdbc.JdbcStoreConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * Loading 100,000 executions, then 100,000 order status updates, into PostgreSQL through {@link
 * JdbcStore}, beside two baselines measured in the same run:
 *
 * <ul>
 *   <li>{@code *Copy}: the raw limit, the same rows loaded with {@code COPY ... FROM STDIN}:
 *       executions into the store's own (emptied) table, order updates into an empty table of the
 *       same shape, indexes and foreign key (COPY cannot update rows). Rows are encoded to COPY
 *       text inside the measurement, as a hand-written loader would;
 *   <li>{@code *Naive}: what an ORM loop does, one statement per row in auto-commit, each waiting
 *       for its own commit to reach the disk. It runs on {@value #NAIVE_ROWS} rows, since its cost
 *       per row does not depend on how many there are.
 * </ul>
 *
 * Every score is the time per row (lower is better): {@link OperationsPerInvocation} divides each
 * load by its row count. Rows per second = 1 / score.
 *
 * <pre>
 * mvn -B -ntp -pl ingest-benchmarks -am package -DskipTests
 * flock /tmp/jmh.lock java -jar ingest-benchmarks/target/benchmarks.jar PostgresUpsertBenchmark -f 1 -wi 2 -i 3
 * </pre>
 *
 * The database is {@code -Dingest.bench.postgres=jdbc:postgresql://...} (default: the development
 * server, database {@code test}); the benchmark works in a schema of its own, dropped at the end.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class PostgresUpsertBenchmark {
  static final int ROWS = 100_000;
  static final int NAIVE_ROWS = 5_000;
  static final String SCHEMA = "bench_jdbc";
  static final AccountId ACCOUNT = AccountId.of("U1234567");
  static final Instant T0 = Instant.parse("2024-03-01T14:30:00.123456Z");

  /** The store, the rows and the baseline tables, set up once. */
  @State(Scope.Benchmark)
  public static class Database {
    final String url =
        System.getProperty(
            "ingest.bench.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    JdbcStore store;
    Connection direct;
    List<Instrument> instruments = new ArrayList<>();
    long[] instrumentIds;
    List<Execution> executions = new ArrayList<>();
    List<Order> submitted = new ArrayList<>();
    List<Order> filled = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      direct = DriverManager.getConnection(url);
      execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      store =
          JdbcStore.open(url, JdbcStoreConfig.defaults().withSchema(SCHEMA).withLakeSchema(SCHEMA));
      // COPY loads executions into the store's own table; order updates cannot be COPYed onto
      // existing rows, so they go into an empty table of the same shape, indexes and foreign key
      execute("CREATE TABLE " + SCHEMA + ".copy_orders (LIKE " + SCHEMA + ".orders INCLUDING ALL)");
      execute(
          "ALTER TABLE "
              + SCHEMA
              + ".copy_orders ADD FOREIGN KEY (instrument_id) REFERENCES "
              + SCHEMA
              + ".instruments (id)");

      for (int i = 0; i < 50; i++) {
        Instrument stock =
            new Instrument(
                Symbol.of("SYM" + i),
                AssetClass.STOCK,
                "USD",
                ConId.of(1_000_000L + i),
                "SMART",
                BigDecimal.ONE,
                null,
                null,
                null,
                null);
        instruments.add(store.records().instruments().getOrCreate(stock));
      }
      instrumentIds = new long[instruments.size()];
      for (int i = 0; i < instruments.size(); i++) {
        try (var rs =
            direct
                .createStatement()
                .executeQuery(
                    "SELECT id FROM "
                        + SCHEMA
                        + ".instruments WHERE instrument_key = '"
                        + instruments.get(i).key()
                        + "'")) {
          rs.next();
          instrumentIds[i] = rs.getLong(1);
        }
      }
      for (int n = 0; n < ROWS; n++) {
        Instrument instrument = instruments.get(n % instruments.size());
        Instant at = T0.plusMillis(n);
        BigDecimal price = new BigDecimal("170.25").add(BigDecimal.valueOf(n % 1000, 2));
        executions.add(
            new Execution(
                ACCOUNT,
                String.format("0000e0d5.6576e1f2.%06d.01", n),
                "ord-" + n,
                instrument,
                n % 2 == 0 ? Side.BUY : Side.SELL,
                BigDecimal.valueOf(100),
                price,
                at,
                new BigDecimal("1.00"),
                "USD",
                "NASDAQ"));
        Order order =
            new Order(
                ACCOUNT,
                "ord-" + n,
                "client-" + n,
                instrument,
                Side.BUY,
                OrderType.LIMIT,
                BigDecimal.valueOf(100),
                BigDecimal.ZERO,
                price,
                null,
                null,
                OrderStatus.SUBMITTED,
                "DAY",
                at,
                at);
        submitted.add(order);
        filled.add(
            order.withStatus(OrderStatus.FILLED, BigDecimal.valueOf(100), at.plusSeconds(5)));
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      store.close();
      execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      direct.close();
    }

    void execute(String sql) throws SQLException {
      try (Statement s = direct.createStatement()) {
        s.execute(sql);
      }
    }

    long instrumentId(Instrument instrument) {
      return instrumentIds[instruments.indexOf(instrument)];
    }
  }

  /** Empty executions tables before each load. */
  @State(Scope.Benchmark)
  public static class EmptyExecutions {
    @Setup(Level.Iteration)
    public void empty(Database db) throws SQLException {
      db.execute("TRUNCATE " + SCHEMA + ".executions");
      db.execute("VACUUM ANALYZE " + SCHEMA + ".executions");
    }
  }

  /** 100,000 submitted orders stored before each load of their status updates. */
  @State(Scope.Benchmark)
  public static class SubmittedOrders {
    @Setup(Level.Iteration)
    public void storeSubmitted(Database db) throws SQLException {
      db.execute("TRUNCATE " + SCHEMA + ".orders, " + SCHEMA + ".copy_orders");
      db.store.records().upsertOrders(db.submitted);
      db.execute("VACUUM ANALYZE " + SCHEMA + ".orders");
    }
  }

  // --- executions ------------------------------------------------------------------------------

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public List<UpsertOutcome> executionsThroughStore(Database db, EmptyExecutions empty) {
    List<UpsertOutcome> outcomes = db.store.records().insertExecutions(db.executions);
    check(outcomes, UpsertOutcome.CREATED);
    return outcomes;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long executionsCopy(Database db, EmptyExecutions empty) throws Exception {
    StringBuilder text = new StringBuilder(ROWS * 160);
    for (Execution e : db.executions) {
      text.append(e.execId())
          .append('\t')
          .append(e.account().value())
          .append('\t')
          .append(e.brokerOrderId())
          .append('\t')
          .append(db.instrumentId(e.instrument()))
          .append('\t')
          .append(e.side().name())
          .append('\t')
          .append(e.quantity().toPlainString())
          .append('\t')
          .append(e.price().toPlainString())
          .append('\t')
          .append(e.executedAt())
          .append("\t0\t")
          .append(e.commission().toPlainString())
          .append('\t')
          .append(e.commissionCurrency())
          .append('\t')
          .append(e.exchange())
          .append('\n');
    }
    return copy(
        db,
        "COPY "
            + SCHEMA
            + ".executions (exec_id, account, broker_order_id, instrument_id, side, quantity,"
            + " price, executed_at, executed_at_ns, commission, commission_currency, exchange)"
            + " FROM STDIN",
        text);
  }

  @Benchmark
  @OperationsPerInvocation(NAIVE_ROWS)
  public int executionsNaive(Database db, EmptyExecutions empty) throws SQLException {
    int written = 0;
    try (PreparedStatement insert =
        db.direct.prepareStatement(
            "INSERT INTO "
                + SCHEMA
                + ".executions (exec_id, account, broker_order_id, instrument_id, side, quantity,"
                + " price, executed_at, executed_at_ns, commission, commission_currency, exchange)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (exec_id) DO NOTHING")) {
      for (Execution e : db.executions.subList(0, NAIVE_ROWS)) {
        insert.setString(1, e.execId());
        insert.setString(2, e.account().value());
        insert.setString(3, e.brokerOrderId());
        insert.setLong(4, db.instrumentId(e.instrument()));
        insert.setString(5, e.side().name());
        insert.setBigDecimal(6, e.quantity());
        insert.setBigDecimal(7, e.price());
        insert.setObject(8, OffsetDateTime.ofInstant(e.executedAt(), ZoneOffset.UTC));
        insert.setBigDecimal(9, e.commission());
        insert.setString(10, e.commissionCurrency());
        insert.setString(11, e.exchange());
        written += insert.executeUpdate(); // auto-commit: one transaction, one flush per row
      }
    }
    return written;
  }

  // --- order status updates --------------------------------------------------------------------

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public List<UpsertOutcome> orderUpdatesThroughStore(Database db, SubmittedOrders orders) {
    List<UpsertOutcome> outcomes = db.store.records().upsertOrders(db.filled);
    check(outcomes, UpsertOutcome.UPDATED);
    return outcomes;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long orderUpdatesCopy(Database db, SubmittedOrders orders) throws Exception {
    StringBuilder text = new StringBuilder(ROWS * 200);
    for (Order o : db.filled) {
      text.append(o.account().value())
          .append('\t')
          .append(o.brokerOrderId())
          .append('\t')
          .append(o.clientOrderId())
          .append('\t')
          .append(db.instrumentId(o.instrument()))
          .append('\t')
          .append(o.side().name())
          .append('\t')
          .append(o.type().name())
          .append('\t')
          .append(o.quantity().toPlainString())
          .append('\t')
          .append(o.filledQuantity().toPlainString())
          .append('\t')
          .append(o.limitPrice().toPlainString())
          .append("\t\\N\t\\N\t")
          .append(o.status().name())
          .append('\t')
          .append(o.status().progress())
          .append('\t')
          .append(o.timeInForce())
          .append('\t')
          .append(o.submittedAt())
          .append("\t0\t")
          .append(o.updatedAt())
          .append("\t0\n");
    }
    return copy(
        db,
        "COPY "
            + SCHEMA
            + ".copy_orders (account, broker_order_id, client_order_id, instrument_id, side,"
            + " order_type, quantity, filled_quantity, limit_price, stop_price,"
            + " average_fill_price, status, status_progress, time_in_force, submitted_at,"
            + " submitted_at_ns, updated_at, updated_at_ns) FROM STDIN",
        text);
  }

  @Benchmark
  @OperationsPerInvocation(NAIVE_ROWS)
  public int orderUpdatesNaive(Database db, SubmittedOrders orders) throws SQLException {
    int written = 0;
    try (PreparedStatement upsert =
        db.direct.prepareStatement(
            "INSERT INTO "
                + SCHEMA
                + ".orders AS o (account, broker_order_id, client_order_id, instrument_id, side,"
                + " order_type, quantity, filled_quantity, limit_price, status, status_progress,"
                + " time_in_force, submitted_at, submitted_at_ns, updated_at, updated_at_ns)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0)"
                + " ON CONFLICT (account, broker_order_id) DO UPDATE SET"
                + " status = excluded.status, status_progress = excluded.status_progress,"
                + " filled_quantity = excluded.filled_quantity, updated_at = excluded.updated_at,"
                + " revision = o.revision + 1 WHERE excluded.updated_at > o.updated_at")) {
      for (Order o : db.filled.subList(0, NAIVE_ROWS)) {
        upsert.setString(1, o.account().value());
        upsert.setString(2, o.brokerOrderId());
        upsert.setString(3, o.clientOrderId());
        upsert.setLong(4, db.instrumentId(o.instrument()));
        upsert.setString(5, o.side().name());
        upsert.setString(6, o.type().name());
        upsert.setBigDecimal(7, o.quantity());
        upsert.setBigDecimal(8, o.filledQuantity());
        upsert.setBigDecimal(9, o.limitPrice());
        upsert.setString(10, o.status().name());
        upsert.setInt(11, o.status().progress());
        upsert.setString(12, o.timeInForce());
        upsert.setObject(13, OffsetDateTime.ofInstant(o.submittedAt(), ZoneOffset.UTC));
        upsert.setObject(14, OffsetDateTime.ofInstant(o.updatedAt(), ZoneOffset.UTC));
        written += upsert.executeUpdate();
      }
    }
    return written;
  }

  // ---------------------------------------------------------------------------------------------

  private static long copy(Database db, String sql, StringBuilder text)
      throws SQLException, IOException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    long rows =
        db.direct
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(sql, new ByteArrayInputStream(bytes));
    if (rows != ROWS) {
      throw new IllegalStateException("COPY loaded " + rows + " rows, expected " + ROWS);
    }
    return rows;
  }

  private static void check(List<UpsertOutcome> outcomes, UpsertOutcome expected) {
    long matching = outcomes.stream().filter(o -> o == expected).count();
    if (matching != ROWS) {
      throw new IllegalStateException(matching + " of " + ROWS + " rows were " + expected);
    }
  }
}
