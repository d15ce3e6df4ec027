package dev.ingest.ibkr.internal;

import dev.ingest.api.error.IngestException;
import dev.ingest.ibkr.internal.wire.AccountSummaryMessage;
import dev.ingest.ibkr.internal.wire.ContractDetailsMessage;
import dev.ingest.ibkr.internal.wire.ExecutionMessage;
import dev.ingest.ibkr.internal.wire.OpenOrderMessage;
import dev.ingest.ibkr.internal.wire.OrderStatusMessage;
import dev.ingest.ibkr.internal.wire.PositionMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The requests in flight on a session. Each collects its answers on the reader thread and completes
 * on its END message (or fails on an error for its id, or when the session ends).
 */
final class TwsCalls {
  private TwsCalls() {}

  /** One request awaiting its answer. */
  abstract static class Call<T> {
    final String description;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Call(String description) {
      this.description = description;
    }

    void fail(IngestException error) {
      result.completeExceptionally(error);
    }

    abstract void end();
  }

  static final class AccountSummaryCall extends Call<List<AccountSummaryMessage>> {
    private final List<AccountSummaryMessage> rows = new ArrayList<>();

    AccountSummaryCall(String description) {
      super(description);
    }

    void add(AccountSummaryMessage row) {
      rows.add(row);
    }

    @Override
    void end() {
      result.complete(List.copyOf(rows));
    }
  }

  static final class PositionsCall extends Call<List<PositionMessage>> {
    private final List<PositionMessage> rows = new ArrayList<>();

    PositionsCall(String description) {
      super(description);
    }

    void add(PositionMessage row) {
      rows.add(row);
    }

    @Override
    void end() {
      result.complete(List.copyOf(rows));
    }
  }

  static final class OpenOrdersCall extends Call<OpenOrders> {
    private final Map<String, OpenOrderMessage> orders = new LinkedHashMap<>();
    private final Map<String, OrderStatusMessage> statuses = new LinkedHashMap<>();

    OpenOrdersCall(String description) {
      super(description);
    }

    /** A repeated OPEN_ORDER for one order replaces the earlier one. */
    void add(OpenOrderMessage order) {
      orders.put(OpenOrders.key(order.permId(), order.orderId()), order);
    }

    /** Duplicate ORDER_STATUS messages are normal; the last one wins. */
    void add(OrderStatusMessage status) {
      statuses.put(OpenOrders.key(status.permId(), status.orderId()), status);
    }

    @Override
    void end() {
      result.complete(new OpenOrders(List.copyOf(orders.values()), Map.copyOf(statuses)));
    }
  }

  static final class ExecutionsCall extends Call<List<ExecutionMessage>> {
    private final List<ExecutionMessage> rows = new ArrayList<>();

    ExecutionsCall(String description) {
      super(description);
    }

    void add(ExecutionMessage row) {
      rows.add(row);
    }

    @Override
    void end() {
      result.complete(List.copyOf(rows));
    }
  }

  static final class ContractDetailsCall extends Call<List<ContractDetailsMessage>> {
    private final List<ContractDetailsMessage> rows = new ArrayList<>();

    ContractDetailsCall(String description) {
      super(description);
    }

    void add(ContractDetailsMessage row) {
      rows.add(row);
    }

    @Override
    void end() {
      result.complete(List.copyOf(rows));
    }
  }
}
