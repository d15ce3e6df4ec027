package dev.ingest.testkit;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.BrokerCapability;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A broker whose state your test sets, and changes between syncs to play out market events (seed
 * 000 section 3): an order goes from Submitted to Filled, a fill arrives, an option expires.
 *
 * <pre>{@code
 * FakeBrokerApi broker = new FakeBrokerApi(account, snapshots, positions, orders, executions, events);
 * OrdersSync.sync(broker, account, store);          // created=1
 * broker.putOrder(order.withStatus(FILLED, qty, t1));
 * OrdersSync.sync(broker, account, store);          // updated=1
 * }</pre>
 *
 * <p>Passes {@code BrokerApiContract}. Thread-safe. Registered as broker provider {@code "fake"}.
 * Open instances are tracked so {@link BrokerLeakCheck} can fail a test that forgets to close one.
 *
 * @since 0.1
 */
public final class FakeBrokerApi implements BrokerApi {
  private static final Set<FakeBrokerApi> OPEN = ConcurrentHashMap.newKeySet();

  private final AccountId account;
  private final List<AccountSnapshot> snapshots;
  private final Map<String, Position> positions = new LinkedHashMap<>();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final List<OptionEvent> optionEvents;
  private final AtomicInteger fetches = new AtomicInteger();
  private @Nullable IngestException nextFailure;
  private volatile boolean closed;

  /** Seed 000's {@code FakeBrokerAPI(snapshots, positions, orders, executions, option_events)}. */
  public FakeBrokerApi(
      AccountId account,
      List<AccountSnapshot> snapshots,
      List<Position> positions,
      List<Order> orders,
      List<Execution> executions,
      List<OptionEvent> optionEvents) {
    this.account = account;
    this.snapshots = new ArrayList<>(snapshots);
    positions.forEach(this::putPosition);
    orders.forEach(this::putOrder);
    executions.forEach(this::addExecution);
    this.optionEvents = new ArrayList<>(optionEvents);
    OPEN.add(this);
  }

  /** A broker with an empty account. */
  public static FakeBrokerApi forAccount(AccountId account) {
    return new FakeBrokerApi(account, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * A broker loaded from a JSON fixture of normalized records (see {@link BrokerFixture} for the
   * format). The caller closes both.
   */
  public static FakeBrokerApi fromJson(InputStream json) {
    return BrokerFixture.read(json).toBroker();
  }

  @Override
  public AccountId account() {
    return account;
  }

  @Override
  public Set<BrokerCapability> capabilities() {
    return EnumSet.allOf(BrokerCapability.class);
  }

  @Override
  public synchronized List<AccountSnapshot> fetchAccountSnapshots() {
    beforeFetch();
    return List.copyOf(snapshots);
  }

  @Override
  public synchronized List<Position> fetchPositions() {
    beforeFetch();
    return List.copyOf(positions.values());
  }

  @Override
  public synchronized List<Order> fetchOpenOrders() {
    beforeFetch();
    return List.copyOf(orders.values());
  }

  @Override
  public synchronized List<Execution> fetchExecutions() {
    beforeFetch();
    return List.copyOf(executions.values());
  }

  @Override
  public synchronized List<OptionEvent> fetchOptionEvents() {
    beforeFetch();
    return List.copyOf(optionEvents);
  }

  /** Adds a snapshot (a new {@code asOf}) to what the broker reports. */
  public synchronized FakeBrokerApi addSnapshot(AccountSnapshot snapshot) {
    snapshots.add(snapshot);
    return this;
  }

  /** Adds or replaces the position in the same instrument. */
  public synchronized FakeBrokerApi putPosition(Position position) {
    positions.put(position.instrument().key(), position);
    return this;
  }

  /** The broker stops reporting the position: it was closed. */
  public synchronized FakeBrokerApi removePosition(String instrumentKey) {
    positions.remove(instrumentKey);
    return this;
  }

  /** Adds the order, or replaces the one with the same broker order id (a status change). */
  public synchronized FakeBrokerApi putOrder(Order order) {
    orders.put(order.brokerOrderId(), order);
    return this;
  }

  public synchronized FakeBrokerApi addExecution(Execution execution) {
    executions.put(execution.execId(), execution);
    return this;
  }

  public synchronized FakeBrokerApi addOptionEvent(OptionEvent event) {
    optionEvents.add(event);
    return this;
  }

  /** The next fetch throws {@code failure} instead of answering; the one after answers again. */
  public synchronized FakeBrokerApi failNextFetch(IngestException failure) {
    nextFailure = failure;
    return this;
  }

  /** How many fetches were answered or failed. */
  public int fetchCount() {
    return fetches.get();
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    OPEN.remove(this);
  }

  static Set<FakeBrokerApi> openInstances() {
    return Set.copyOf(OPEN);
  }

  private void beforeFetch() {
    fetches.incrementAndGet();
    if (closed) {
      throw new TransportException("fake", "broker connection is closed: account=" + account);
    }
    IngestException failure = nextFailure;
    if (failure != null) {
      nextFailure = null;
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "FakeBrokerApi[account=" + account + ", closed=" + closed + "]";
  }
}
