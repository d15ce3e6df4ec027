package dev.ingest.store.jdbc;

import static dev.ingest.testkit.TestRecords.ACCOUNT;
import static dev.ingest.testkit.TestRecords.aapl;
import static dev.ingest.testkit.TestRecords.dec;
import static dev.ingest.testkit.TestRecords.execution;
import static dev.ingest.testkit.TestRecords.order;
import static dev.ingest.testkit.TestRecords.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.OrderType;
import dev.ingest.api.model.Side;
import dev.ingest.api.store.UpsertOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values come back exactly as they went in, on both databases: instants to the nanosecond
 * (PostgreSQL's timestamps stop at the microsecond), decimals to the last digit (SQLite's NUMERIC
 * would round them to a double), and comparisons the upsert guard makes are numeric, not textual.
 * What a database cannot hold is refused before anything is written, naming field and record.
 */
class ExactValuesTest {
  @RegisterExtension static final PostgresSchema pg = new PostgresSchema();

  static final Instant NANOS = Instant.parse("2024-03-01T14:30:00.123456789Z");

  abstract static class Cases {
    JdbcStore store;

    abstract JdbcStore open();

    @BeforeEach
    void openStore() {
      store = open();
    }

    @AfterEach
    void closeStore() {
      store.close();
    }

    @Test
    void instantsComeBackToTheNanosecond() {
      Order order =
          order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", NANOS)
              .withStatus(OrderStatus.SUBMITTED, dec("0"), NANOS.plusNanos(1));
      Execution fill = execution(ACCOUNT, "e1", "1001", aapl(), "1", "170.25", NANOS);

      store.records().upsertOrders(List.of(order));
      store.records().insertExecutions(List.of(fill));
      store.records().upsertSnapshots(List.of(snapshot(ACCOUNT, NANOS, "1.5")));

      assertThat(store.records().order(ACCOUNT, "1001")).contains(order);
      assertThat(store.records().executions(ACCOUNT)).containsExactly(fill);
      assertThat(store.records().snapshots(ACCOUNT).get(0).asOf()).isEqualTo(NANOS);
      assertThat(store.records().upsertOrders(List.of(order)))
          .containsExactly(UpsertOutcome.UNCHANGED);
    }

    @Test
    void updatesWithinOneMicrosecondAreOrderedByTheirNanoseconds() {
      Order stored = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", NANOS);
      store.records().upsertOrders(List.of(stored));

      Order older = stored.withStatus(OrderStatus.PARTIALLY_FILLED, dec("1"), NANOS.minusNanos(9));
      Order newer = stored.withStatus(OrderStatus.PARTIALLY_FILLED, dec("1"), NANOS.plusNanos(1));

      assertThat(store.records().upsertOrders(List.of(older)))
          .containsExactly(UpsertOutcome.UNCHANGED);
      assertThat(store.records().upsertOrders(List.of(newer)))
          .containsExactly(UpsertOutcome.UPDATED);
      assertThat(store.records().order(ACCOUNT, "1001")).contains(newer);
    }

    @Test
    void decimalsKeepEveryDigit() {
      Order huge =
          new Order(
              ACCOUNT,
              "2001",
              null,
              aapl(),
              Side.BUY,
              OrderType.LIMIT,
              dec("123456789012345678901234567890.000000000000000000000000000001"),
              dec("0.00000000000000000001"),
              dec("-0.5"),
              null,
              null,
              OrderStatus.SUBMITTED,
              null,
              null,
              NANOS);

      store.records().upsertOrders(List.of(huge));

      Order back = store.records().order(ACCOUNT, "2001").orElseThrow();
      assertThat(back).isEqualTo(huge);
      assertThat(back.quantity().toPlainString())
          .isEqualTo("123456789012345678901234567890.000000000000000000000000000001");
    }

    @Test
    void theLargerFillWinsByValueNotByText() {
      // "10" sorts before "9" as text; at equal time and status the larger fill must still win
      Order nine = order(ACCOUNT, "1001", aapl(), OrderStatus.PARTIALLY_FILLED, "9", NANOS);
      store.records().upsertOrders(List.of(nine));

      Order ten = nine.withStatus(OrderStatus.PARTIALLY_FILLED, dec("10"), NANOS);
      Order nineAndHalf = nine.withStatus(OrderStatus.PARTIALLY_FILLED, dec("9.5"), NANOS);

      assertThat(store.records().upsertOrders(List.of(ten))).containsExactly(UpsertOutcome.UPDATED);
      assertThat(store.records().upsertOrders(List.of(nineAndHalf)))
          .containsExactly(UpsertOutcome.UNCHANGED);
      assertThat(store.records().order(ACCOUNT, "1001").orElseThrow().filledQuantity())
          .isEqualTo(dec("10"));
    }

    @Test
    void anInstantNoColumnCanHoldIsRefusedNamingFieldAndRecordAndNothingIsWritten() {
      Order fine = order(ACCOUNT, "1001", aapl(), OrderStatus.SUBMITTED, "0", NANOS);
      Order tooLate =
          order(
              ACCOUNT,
              "1002",
              aapl(),
              OrderStatus.SUBMITTED,
              "0",
              Instant.parse("+10000-01-01T00:00:00Z"));

      assertThatThrownBy(() -> store.records().upsertOrders(List.of(fine, tooLate)))
          .isInstanceOfSatisfying(
              DataValidationException.class,
              e -> {
                assertThat(e.recordType()).isEqualTo("Order");
                assertThat(e.field()).isEqualTo("updatedAt");
                assertThat(e.naturalKey()).contains("brokerOrderId=1002");
              });
      assertThat(store.records().orders(ACCOUNT)).isEmpty();
    }

    @Test
    void textWithANulCharacterIsRefusedBeforeTheDatabaseSeesIt() {
      Execution nul = execution(ACCOUNT, "e\u0000vil", "1001", aapl(), "1", "1", NANOS);

      assertThatThrownBy(() -> store.records().insertExecutions(List.of(nul)))
          .isInstanceOfSatisfying(
              DataValidationException.class, e -> assertThat(e.field()).isEqualTo("execId"));
      assertThat(store.records().executions(ACCOUNT)).isEmpty();
    }
  }

  @Nested
  class OnSqlite extends Cases {
    @TempDir Path dir;

    @Override
    JdbcStore open() {
      return JdbcStore.sqlite(dir.resolve("ingest.db"));
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    JdbcStore open() {
      pg.truncateAll();
      return pg.open();
    }

    @Test
    void columnsAreNumericAndTimestamptz() {
      try (var h = pg.adminHandle()) {
        List<String> types =
            h.createQuery(
                    "SELECT column_name || ':' || data_type FROM information_schema.columns"
                        + " WHERE table_schema = :s AND table_name = 'orders'"
                        + " AND column_name IN ('quantity', 'updated_at', 'updated_at_ns')"
                        + " ORDER BY column_name")
                .bind("s", pg.schema())
                .mapTo(String.class)
                .list();
        assertThat(types)
            .containsExactly(
                "quantity:numeric", "updated_at:timestamp with time zone", "updated_at_ns:integer");
      }
    }
  }

  @Nested
  class OnPostgresThroughCopy extends Cases {
    @Override
    JdbcStore open() {
      pg.truncateAll();
      return pg.open(pg.config().withCopyThreshold(1));
    }
  }
}
