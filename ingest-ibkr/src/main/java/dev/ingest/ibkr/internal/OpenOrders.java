package dev.ingest.ibkr.internal;

import dev.ingest.ibkr.internal.wire.OpenOrderMessage;
import dev.ingest.ibkr.internal.wire.OrderStatusMessage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What REQ_ALL_OPEN_ORDERS returned: the orders and the latest status seen for each. */
public record OpenOrders(List<OpenOrderMessage> orders, Map<String, OrderStatusMessage> statuses) {

  public OpenOrders {
    orders = List.copyOf(orders);
    statuses = Map.copyOf(statuses);
  }

  /** ORDER_STATUS is keyed by permId; manual TWS orders without one fall back to orderId. */
  static String key(long permId, int orderId) {
    return permId != 0 ? "perm:" + permId : "order:" + orderId;
  }

  public @Nullable OrderStatusMessage statusOf(OpenOrderMessage order) {
    return statuses.get(key(order.permId(), order.orderId()));
  }
}
