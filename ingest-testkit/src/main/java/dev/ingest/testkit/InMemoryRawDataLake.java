package dev.ingest.testkit;

import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import dev.ingest.api.store.LakeSlug;
import dev.ingest.api.store.RawDataLake;
import dev.ingest.api.store.UpsertOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Seed 001's raw data lake in memory, with the JDBC store's rules: orders upserted by strictly
 * newer {@code updatedAt}, activities insert-or-ignore by id. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryRawDataLake implements RawDataLake {
  private final Map<LakeSlug, Map<String, RawOrder>> orders = new HashMap<>();
  private final Map<LakeSlug, Map<String, RawActivity>> activities = new HashMap<>();

  @Override
  public synchronized void ensureAccount(LakeSlug account) {
    orders.computeIfAbsent(account, a -> new TreeMap<>());
    activities.computeIfAbsent(account, a -> new TreeMap<>());
  }

  @Override
  public synchronized List<UpsertOutcome> upsertOrders(LakeSlug account, List<RawOrder> batch) {
    ensureAccount(account);
    Map<String, RawOrder> table = orders.get(account);
    List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
    for (RawOrder order : batch) {
      RawOrder stored = table.get(order.id());
      if (stored == null) {
        table.put(order.id(), order);
        outcomes.add(UpsertOutcome.CREATED);
      } else if (order.updatedAt().isAfter(stored.updatedAt())) {
        table.put(order.id(), order);
        outcomes.add(UpsertOutcome.UPDATED);
      } else {
        outcomes.add(UpsertOutcome.UNCHANGED);
      }
    }
    return outcomes;
  }

  @Override
  public synchronized List<UpsertOutcome> appendActivities(
      LakeSlug account, List<RawActivity> batch) {
    ensureAccount(account);
    Map<String, RawActivity> table = activities.get(account);
    List<UpsertOutcome> outcomes = new ArrayList<>(batch.size());
    for (RawActivity activity : batch) {
      outcomes.add(
          table.putIfAbsent(activity.id(), activity) == null
              ? UpsertOutcome.CREATED
              : UpsertOutcome.UNCHANGED);
    }
    return outcomes;
  }

  @Override
  public synchronized Optional<RawOrder> order(LakeSlug account, String orderId) {
    return Optional.ofNullable(orders.getOrDefault(account, Map.of()).get(orderId));
  }

  @Override
  public synchronized List<RawOrder> orders(LakeSlug account) {
    return List.copyOf(orders.getOrDefault(account, Map.of()).values());
  }

  @Override
  public synchronized List<RawActivity> activities(LakeSlug account) {
    return activities.getOrDefault(account, Map.of()).values().stream()
        .sorted(Comparator.comparing(RawActivity::occurredAt).thenComparing(RawActivity::id))
        .toList();
  }

  @Override
  public synchronized Optional<Instant> latestActivityTime(LakeSlug account) {
    return activities.getOrDefault(account, Map.of()).values().stream()
        .map(RawActivity::occurredAt)
        .max(Comparator.naturalOrder());
  }

  @Override
  public synchronized Optional<Instant> latestOrderUpdate(LakeSlug account) {
    return orders.getOrDefault(account, Map.of()).values().stream()
        .map(RawOrder::updatedAt)
        .max(Comparator.naturalOrder());
  }
}
