package dev.ingest.api.sync;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.IngestListener;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.Order;
import dev.ingest.api.store.BrokerRecordStore;

/**
 * Seed 000's {@code orders_sync}: the broker's open orders into the store. Natural key {@code
 * (account, brokerOrderId)}; an order is created once and updated through its life (Submitted ->
 * Filled -> Cancelled); a late, older update never regresses a newer state ({@link
 * Order#supersedes}). Instruments are resolved through the store's instrument port first.
 *
 * <pre>{@code
 * SyncSummary summary = OrdersSync.sync(broker, AccountId.of("U1234567"), store);
 * System.out.println(summary); // created=1, updated=2, unchanged=0, total=3
 * }</pre>
 *
 * Pure: no state of its own; safe to run concurrently with itself.
 *
 * @since 0.1
 */
public final class OrdersSync {
  private static final SyncRun<Order> RUN =
      new SyncRun<>(
          "Order", Order::account, Order::instrument, Order::withInstrument, Order::naturalKey);

  private OrdersSync() {}

  public static SyncSummary sync(BrokerApi broker, AccountId account, BrokerRecordStore store) {
    return sync(broker, account, store, IngestListener.NOOP);
  }

  public static SyncSummary sync(
      BrokerApi broker, AccountId account, BrokerRecordStore store, IngestListener listener) {
    return RUN.run(
        broker, account, store, listener, BrokerApi::fetchOpenOrders, store::upsertOrders);
  }
}
