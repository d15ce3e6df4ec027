package dev.ingest.testkit;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.InstrumentStore;
import dev.ingest.api.store.UpsertOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@link BrokerRecordStore} in memory, applying exactly the upsert rules the JDBC store applies; it
 * passes the same {@code BrokerRecordStoreContract}. Use it in unit tests of code that syncs.
 * Thread-safe: every batch is applied atomically under one lock.
 *
 * @since 0.1
 */
public final class InMemoryBrokerRecordStore implements BrokerRecordStore {
  private final InstrumentStore instruments;
  private final Map<String, AccountSnapshot> snapshots = new LinkedHashMap<>();
  private final Map<String, Position> positions = new HashMap<>();
  private final Map<String, Order> orders = new HashMap<>();
  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final Map<String, OptionEvent> optionEvents = new LinkedHashMap<>();

  public InMemoryBrokerRecordStore() {
    this(new InMemoryInstrumentStore());
  }

  public InMemoryBrokerRecordStore(InstrumentStore instruments) {
    this.instruments = instruments;
  }

  @Override
  public synchronized List<UpsertOutcome> upsertSnapshots(List<AccountSnapshot> batch) {
    return insertIfAbsent(batch, snapshots, AccountSnapshot::naturalKey);
  }

  @Override
  public synchronized List<UpsertOutcome> upsertPositions(List<Position> batch) {
    List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
    for (Position p : batch) {
      Position stored = positions.get(p.naturalKey());
      if (stored == null) {
        positions.put(p.naturalKey(), p);
        outcomes.add(UpsertOutcome.CREATED);
      } else if (stored.sameHolding(p)) {
        outcomes.add(UpsertOutcome.UNCHANGED);
      } else {
        positions.put(p.naturalKey(), p);
        outcomes.add(UpsertOutcome.UPDATED);
      }
    }
    return outcomes;
  }

  @Override
  public synchronized List<UpsertOutcome> upsertOrders(List<Order> batch) {
    List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
    for (Order o : batch) {
      Order stored = orders.get(o.naturalKey());
      if (stored == null) {
        orders.put(o.naturalKey(), o);
        outcomes.add(UpsertOutcome.CREATED);
      } else if (o.supersedes(stored)) {
        orders.put(o.naturalKey(), o);
        outcomes.add(UpsertOutcome.UPDATED);
      } else {
        outcomes.add(UpsertOutcome.UNCHANGED);
      }
    }
    return outcomes;
  }

  @Override
  public synchronized List<UpsertOutcome> insertExecutions(List<Execution> batch) {
    return insertIfAbsent(batch, executions, Execution::naturalKey);
  }

  @Override
  public synchronized List<UpsertOutcome> appendOptionEvents(List<OptionEvent> batch) {
    return insertIfAbsent(batch, optionEvents, OptionEvent::naturalKey);
  }

  private static <T> List<UpsertOutcome> insertIfAbsent(
      List<T> batch, Map<String, T> table, Function<T, String> key) {
    List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
    for (T record : batch) {
      outcomes.add(
          table.putIfAbsent(key.apply(record), record) == null
              ? UpsertOutcome.CREATED
              : UpsertOutcome.UNCHANGED);
    }
    return outcomes;
  }

  @Override
  public synchronized List<AccountSnapshot> snapshots(AccountId account) {
    return select(
        snapshots, s -> s.account().equals(account), Comparator.comparing(AccountSnapshot::asOf));
  }

  @Override
  public synchronized List<Position> positions(AccountId account) {
    return select(
        positions,
        p -> p.account().equals(account),
        Comparator.comparing(p -> p.instrument().key()));
  }

  @Override
  public synchronized List<Order> orders(AccountId account) {
    return select(
        orders, o -> o.account().equals(account), Comparator.comparing(Order::brokerOrderId));
  }

  @Override
  public synchronized Optional<Order> order(AccountId account, String brokerOrderId) {
    return orders(account).stream()
        .filter(o -> o.brokerOrderId().equals(brokerOrderId))
        .findFirst();
  }

  @Override
  public synchronized List<Execution> executions(AccountId account) {
    return select(
        executions,
        e -> e.account().equals(account),
        Comparator.comparing(Execution::executedAt).thenComparing(Execution::execId));
  }

  @Override
  public synchronized List<OptionEvent> optionEvents(AccountId account) {
    return select(
        optionEvents, e -> e.account().equals(account), Comparator.comparing(OptionEvent::eventAt));
  }

  @Override
  public InstrumentStore instruments() {
    return instruments;
  }

  private static <T> List<T> select(Map<String, T> table, Predicate<T> where, Comparator<T> order) {
    return table.values().stream().filter(where).sorted(order).toList();
  }
}
