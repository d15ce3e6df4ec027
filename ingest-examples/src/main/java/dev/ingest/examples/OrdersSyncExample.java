package dev.ingest.examples;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.sync.OrdersSync;
import dev.ingest.api.sync.SyncSummary;
import dev.ingest.testkit.FakeBrokerApi;
import dev.ingest.testkit.InMemoryBrokerRecordStore;
import dev.ingest.testkit.TestRecords;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Seed 000 section 6 in Java: sync an account's orders and print the summary; then the market moves
 * (one order fills, a new one is placed) and the second sync shows the update.
 *
 * <pre>
 * first sync:  created=2, updated=0, unchanged=0, total=2
 * second sync: created=1, updated=1, unchanged=1, total=3
 * </pre>
 */
public final class OrdersSyncExample {
  private OrdersSyncExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs both syncs, printing to {@code out}; returns the two summaries. */
  static List<SyncSummary> run(PrintStream out) {
    AccountId account = AccountId.of("U1234567");
    Instant open = Instant.parse("2024-03-01T14:30:00Z");
    Order aapl =
        TestRecords.order(account, "1001", TestRecords.aapl(), OrderStatus.SUBMITTED, "0", open);
    Order msft =
        TestRecords.order(
            account, "1002", TestRecords.stock("MSFT", 272093), OrderStatus.SUBMITTED, "0", open);
    BrokerRecordStore store = new InMemoryBrokerRecordStore();

    try (FakeBrokerApi broker = FakeBrokerApi.forAccount(account).putOrder(aapl).putOrder(msft)) {
      SyncSummary first = OrdersSync.sync(broker, account, store);
      out.println("first sync:  " + first);

      broker.putOrder(
          aapl.withStatus(OrderStatus.FILLED, new BigDecimal("100"), open.plusSeconds(42)));
      broker.putOrder(
          TestRecords.order(
              account,
              "1003",
              TestRecords.aapl(),
              OrderStatus.SUBMITTED,
              "0",
              open.plusSeconds(50)));
      SyncSummary second = OrdersSync.sync(broker, account, store);
      out.println("second sync: " + second);
      out.println("order 1001 is now " + store.order(account, "1001").orElseThrow().status());
      return List.of(first, second);
    }
  }
}
