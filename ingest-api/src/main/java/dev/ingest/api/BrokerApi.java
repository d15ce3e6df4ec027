package dev.ingest.api;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One broker account's connection: the five fetches of seed 000, each returning normalized records.
 * Implemented by {@code ingest-ibkr}, {@code ingest-alpaca} and the testkit's {@code
 * FakeBrokerApi}; the sync functions in {@link dev.ingest.api.sync} are its only consumers in this
 * SDK.
 *
 * <p>Every fetch blocks until the broker has answered or its timeout passed, and throws an {@link
 * dev.ingest.api.error.IngestException} subtype on failure. A record the broker sent that fails
 * validation is reported to the listener and left out; the rest are returned. Lists are never null
 * and are unmodifiable.
 *
 * <p>Implementations are thread-safe unless they say otherwise. Whoever opens one closes it; {@link
 * #close()} is idempotent.
 *
 * @since 0.1
 */
public interface BrokerApi extends AutoCloseable {

  /** The account this connection serves. */
  AccountId account();

  /** What this broker can fetch; a fetch it lacks returns an empty list. */
  Set<BrokerCapability> capabilities();

  /** The account's balances now (one snapshot, or one per currency where the broker splits). */
  List<AccountSnapshot> fetchAccountSnapshots();

  /** Every open position now. A position missing from the list is flat. */
  List<Position> fetchPositions();

  /** Open orders with their latest status, plus orders finished during the current session. */
  List<Order> fetchOpenOrders();

  /** Executions the broker still reports (IB: the current session; Alpaca: all FILL activities). */
  List<Execution> fetchExecutions();

  /**
   * Executions at or after {@code since}. The default filters {@link #fetchExecutions()}; brokers
   * with {@link BrokerCapability#EXECUTIONS_SINCE} ask the broker for less.
   */
  default List<Execution> fetchExecutions(Instant since) {
    return fetchExecutions().stream().filter(e -> !e.executedAt().isBefore(since)).toList();
  }

  /** Exercises, assignments and expiries the broker reports. */
  List<OptionEvent> fetchOptionEvents();

  /** Releases the connection. Idempotent; callable from any thread. */
  @Override
  void close();
}
