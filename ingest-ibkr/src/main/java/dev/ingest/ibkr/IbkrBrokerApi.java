package dev.ingest.ibkr;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.ingest.api.Beta;
import dev.ingest.api.BrokerApi;
import dev.ingest.api.BrokerCapability;
import dev.ingest.api.IngestListener;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.internal.Resilience;
import dev.ingest.api.internal.SafeListener;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import dev.ingest.ibkr.internal.IbkrRecords;
import dev.ingest.ibkr.internal.IbkrTimes;
import dev.ingest.ibkr.internal.TwsSession;
import dev.ingest.ibkr.internal.wire.AccountSummaryMessage;
import dev.ingest.ibkr.internal.wire.CommissionReportMessage;
import dev.ingest.ibkr.internal.wire.ContractDetailsMessage;
import dev.ingest.ibkr.internal.wire.ExecutionFilter;
import dev.ingest.ibkr.internal.wire.ExecutionMessage;
import dev.ingest.ibkr.internal.wire.OpenOrderMessage;
import dev.ingest.ibkr.internal.wire.OrderStatusMessage;
import dev.ingest.ibkr.internal.wire.PositionMessage;
import dev.ingest.ibkr.internal.wire.WireContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Interactive Brokers account as a {@link BrokerApi}, over TWS's socket API (no IB jar):
 *
 * <ul>
 *   <li>{@link #fetchAccountSnapshots()}: one snapshot from REQ_ACCOUNT_SUMMARY (NetLiquidation,
 *       TotalCashValue, BuyingPower, and every other numeric tag in {@code values}), at the clock's
 *       now.
 *   <li>{@link #fetchPositions()}: REQ_POSITIONS, the account's non-zero holdings; avgCost is per
 *       contract, multiplier included, as IB reports it.
 *   <li>{@link #fetchOpenOrders()}: REQ_ALL_OPEN_ORDERS with each order's latest ORDER_STATUS;
 *       broker order id = IB's permId. {@code updatedAt} is when this object first saw the order in
 *       its current state, so an unchanged order syncs as unchanged.
 *   <li>{@link #fetchExecutions()}: REQ_EXECUTIONS filtered to the account (TWS keeps the current
 *       day, or up to 7 days with its trade-log setting), each joined to its COMMISSION_REPORT by
 *       execId (waiting {@link IbkrConfig#commissionGrace()} for late ones). Execution id = IB's
 *       execId; a correction ({@code …01.02} after {@code …01.01}) replaces its original within a
 *       fetch.
 *   <li>{@link #fetchOptionEvents()}: <b>always empty</b>. The socket API has no message for an
 *       exercise, assignment or expiry; at most their effects show (a position gone, a stock fill),
 *       with no field in EXECUTION_DATA that reliably marks a fill as one, so this class infers
 *       none rather than guess. IB reports them in the Flex Web Service's OptionEAE section, which
 *       a separate client reads; {@link #capabilities()} leaves out {@link
 *       BrokerCapability#OPTION_EVENTS} accordingly.
 * </ul>
 *
 * <p>Each fetch completes on its END message or fails after {@link IbkrConfig#requestTimeout()}
 * with a {@link dev.ingest.api.error.TransportException} naming the request, retried by {@link
 * IbkrConfig#retry()} (a lost session is reopened first). A TWS error for the request throws {@link
 * dev.ingest.api.error.ProviderRejectedException} with its code. A record TWS sent that does not
 * map is reported to the listener and left out.
 *
 * <p>Thread-safe. {@link #connect} opens a connection this object owns and closes; {@link #over}
 * borrows one and leaves it open.
 *
 * @since 0.1
 */
@Beta
public final class IbkrBrokerApi implements BrokerApi {
  private static final Logger log = LoggerFactory.getLogger(IbkrBrokerApi.class);
  private static final String PROVIDER = "ibkr";

  /** Every account-summary tag of reference §4.8. */
  static final String SUMMARY_TAGS =
      String.join(
          ",",
          "AccountType",
          "NetLiquidation",
          "TotalCashValue",
          "SettledCash",
          "AccruedCash",
          "BuyingPower",
          "EquityWithLoanValue",
          "PreviousDayEquityWithLoanValue",
          "GrossPositionValue",
          "RegTEquity",
          "RegTMargin",
          "SMA",
          "InitMarginReq",
          "MaintMarginReq",
          "AvailableFunds",
          "ExcessLiquidity",
          "Cushion",
          "FullInitMarginReq",
          "FullMaintMarginReq",
          "FullAvailableFunds",
          "FullExcessLiquidity",
          "LookAheadNextChange",
          "LookAheadInitMarginReq",
          "LookAheadMaintMarginReq",
          "LookAheadAvailableFunds",
          "LookAheadExcessLiquidity",
          "HighestSeverity",
          "DayTradesRemaining",
          "Leverage");

  private static final Set<BrokerCapability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              BrokerCapability.ACCOUNT_SNAPSHOTS,
              BrokerCapability.POSITIONS,
              BrokerCapability.OPEN_ORDERS,
              BrokerCapability.EXECUTIONS,
              BrokerCapability.EXECUTIONS_SINCE));

  private final IbkrConnection connection;
  private final boolean ownsConnection;
  private final AccountId account;
  private final Clock clock;
  private final IngestListener listener;
  private final RetryPolicy<Object> retry;
  private final Map<String, SeenState> orderStates = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** When an order was first seen in a state: the state's {@code updatedAt}. */
  private record SeenState(String signature, Instant since) {}

  private IbkrBrokerApi(
      IbkrConnection connection,
      boolean ownsConnection,
      AccountId account,
      Clock clock,
      IngestListener listener) {
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.account = account;
    this.clock = clock;
    this.listener = SafeListener.wrap(listener);
    this.retry =
        Resilience.retryPolicy(connection.config().retry(), PROVIDER, "fetch", this.listener);
  }

  /** Connects with the system clock and no listener. */
  public static IbkrBrokerApi connect(IbkrConfig config) {
    return connect(config, Clock.systemUTC(), IngestListener.NOOP);
  }

  /**
   * Opens a connection this object owns. The account is {@link IbkrConfig#account()}, or the only
   * account TWS manages.
   *
   * @throws ConfigurationException the account is not managed by this TWS session, or none was
   *     given and TWS manages several
   */
  public static IbkrBrokerApi connect(IbkrConfig config, Clock clock, IngestListener listener) {
    IbkrConnection connection = IbkrConnection.open(config);
    try {
      AccountId account = chooseAccount(connection, config.account());
      return new IbkrBrokerApi(connection, true, account, clock, listener);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Serves {@code account} over a connection the caller keeps and closes. */
  public static IbkrBrokerApi over(IbkrConnection connection, AccountId account) {
    return over(connection, account, Clock.systemUTC(), IngestListener.NOOP);
  }

  public static IbkrBrokerApi over(
      IbkrConnection connection, AccountId account, Clock clock, IngestListener listener) {
    return new IbkrBrokerApi(
        connection, false, chooseAccount(connection, account), clock, listener);
  }

  private static AccountId chooseAccount(IbkrConnection connection, @Nullable AccountId wanted) {
    List<AccountId> managed = connection.managedAccounts();
    if (wanted == null) {
      if (managed.size() == 1) {
        return managed.get(0);
      }
      throw new ConfigurationException(
          PROVIDER,
          "account",
          "TWS manages " + managed.size() + " accounts " + managed + "; set the account to serve");
    }
    if (!managed.isEmpty() && !managed.contains(wanted)) {
      throw new ConfigurationException(
          PROVIDER,
          "account",
          "account " + wanted + " is not managed by this TWS session; managed: " + managed);
    }
    return wanted;
  }

  @Override
  public AccountId account() {
    return account;
  }

  @Override
  public String toString() {
    return "IbkrBrokerApi[account="
        + account
        + " tws="
        + connection.config().host()
        + ":"
        + connection.config().port()
        + " clientId="
        + connection.config().clientId()
        + "]";
  }

  @Override
  public Set<BrokerCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<AccountSnapshot> fetchAccountSnapshots() {
    return fetch(
        "accountSummary",
        "AccountSnapshot",
        () -> {
          List<AccountSummaryMessage> rows =
              session()
                  .accountSummary(
                      connection.config().accountSummaryGroup(),
                      SUMMARY_TAGS,
                      connection.config().requestTimeout());
          List<AccountSnapshot> out = new ArrayList<>(1);
          mapped("AccountSnapshot", "account=" + account, out, () -> snapshot(rows));
          return out;
        });
  }

  private @Nullable AccountSnapshot snapshot(List<AccountSummaryMessage> rows) {
    Optional<AccountSnapshot> snapshot = IbkrRecords.snapshot(account, rows, clock.instant());
    return snapshot.orElse(null);
  }

  @Override
  public List<Position> fetchPositions() {
    return fetch(
        "positions",
        "Position",
        () -> {
          List<PositionMessage> messages =
              session().positions(connection.config().requestTimeout());
          Instant asOf = clock.instant();
          List<Position> out = new ArrayList<>();
          for (PositionMessage m : messages) {
            if (!m.account().equals(account.value())
                || (m.position() != null && m.position().signum() == 0)) {
              continue;
            }
            mapped(
                "Position",
                "account=" + account + " conId=" + m.contract().conId(),
                out,
                () -> IbkrRecords.position(account, m, details(m.contract()), asOf));
          }
          return out;
        });
  }

  @Override
  public List<Order> fetchOpenOrders() {
    return fetch(
        "openOrders",
        "Order",
        () -> {
          var result = session().allOpenOrders(connection.config().requestTimeout());
          List<Order> out = new ArrayList<>();
          Set<String> listed = new java.util.HashSet<>();
          for (OpenOrderMessage o : result.orders()) {
            if (!o.account().equals(account.value())) {
              continue;
            }
            listed.add(IbkrRecords.brokerOrderId(o.permId(), o.clientId(), o.orderId()));
            OrderStatusMessage status = result.statusOf(o);
            mapped(
                "Order",
                "account=" + account + " permId=" + o.permId() + " orderId=" + o.orderId(),
                out,
                () -> order(o, status));
          }
          // orders TWS no longer lists are done with; forgetting them keeps this map bounded
          orderStates.keySet().retainAll(listed);
          return out;
        });
  }

  private Order order(OpenOrderMessage o, @Nullable OrderStatusMessage status) {
    String id = IbkrRecords.brokerOrderId(o.permId(), o.clientId(), o.orderId());
    String signature =
        status == null
            ? o.status()
            : status.status() + "|" + status.filled() + "|" + status.avgFillPrice();
    Instant now = clock.instant();
    SeenState seen =
        orderStates.compute(
            id,
            (key, previous) ->
                previous != null && previous.signature.equals(signature)
                    ? previous
                    : new SeenState(signature, now));
    return IbkrRecords.order(account, o, status, details(o.contract()), seen.since);
  }

  @Override
  public List<Execution> fetchExecutions() {
    return fetchExecutions(ExecutionFilter.account(account.value()), null);
  }

  /**
   * Asks TWS only for executions from about {@code since} on. TWS's filter is whole seconds and its
   * edge is not documented, so it is asked from a second earlier and the rest is cut here.
   */
  @Override
  public List<Execution> fetchExecutions(Instant since) {
    String from = IbkrTimes.filterTime(since.minusSeconds(1));
    return fetchExecutions(ExecutionFilter.account(account.value()).since(from), since);
  }

  private List<Execution> fetchExecutions(ExecutionFilter filter, @Nullable Instant since) {
    return fetch(
        "executions",
        "Execution",
        () -> {
          TwsSession session = session();
          List<ExecutionMessage> messages =
              session.executions(filter, connection.config().requestTimeout());
          // a correction shares everything before the last dot with its original and replaces it
          Map<String, ExecutionMessage> latest = new LinkedHashMap<>();
          for (ExecutionMessage m : messages) {
            if (m.acctNumber().equals(account.value())) {
              latest.merge(
                  IbkrRecords.correctionGroup(m.execId()),
                  m,
                  (a, b) -> a.execId().compareTo(b.execId()) >= 0 ? a : b);
            }
          }
          Map<String, CommissionReportMessage> commissions =
              session.commissions(
                  latest.values().stream().map(ExecutionMessage::execId).toList(),
                  connection.config().commissionGrace());
          List<Execution> out = new ArrayList<>();
          for (ExecutionMessage m : latest.values()) {
            mapped(
                "Execution",
                "execId=" + m.execId(),
                out,
                () ->
                    IbkrRecords.execution(
                        account,
                        m,
                        commissions.get(m.execId()),
                        details(m.contract()),
                        connection.config().twsTimeZone()));
          }
          if (since != null) {
            out.removeIf(e -> e.executedAt().isBefore(since));
          }
          return out;
        });
  }

  /**
   * Always empty: the socket API has no message for exercises, assignments or expiries and this
   * class infers none from fills; see the class comment. Flex's OptionEAE section has them.
   */
  @Override
  public List<OptionEvent> fetchOptionEvents() {
    return List.of();
  }

  /** Closes the connection when this object opened it; later fetches fail. Idempotent. */
  @Override
  public void close() {
    closed = true;
    if (ownsConnection) {
      connection.close();
    }
  }

  // ------------------------------------------------------------------ plumbing

  private TwsSession session() {
    return connection.session();
  }

  /** Futures need their details to tell an index future from others (underSecType IND). */
  private @Nullable ContractDetailsMessage details(WireContract contract) {
    return switch (contract.secType()) {
      case "FUT", "CONTFUT" -> connection.detailsOf(contract.conId());
      default -> null;
    };
  }

  private <T> List<T> fetch(String operation, String recordType, Supplier<List<T>> body) {
    if (closed) {
      throw new TransportException(
          PROVIDER, "the IBKR broker for account " + account + " was closed");
    }
    long start = System.nanoTime();
    boolean success = false;
    try {
      List<T> records = Failsafe.with(retry).get(body::get);
      success = true;
      listener.recordsFetched(PROVIDER, recordType, records.size());
      log.debug(
          "fetched provider=ibkr account={} operation={} records={}",
          account,
          operation,
          records.size());
      return List.copyOf(records);
    } finally {
      listener.apiCall(PROVIDER, operation, Duration.ofNanos(System.nanoTime() - start), success);
    }
  }

  /** Maps one record; a record that does not map is reported and left out. */
  private <T> void mapped(String recordType, String key, List<T> out, Supplier<T> mapping) {
    try {
      T record = mapping.get();
      if (record != null) {
        out.add(record);
      }
    } catch (DataValidationException e) {
      listener.validationError(PROVIDER, e.withContext(PROVIDER, key));
      log.debug(
          "skipped record provider=ibkr type={} {} reason={}", recordType, key, e.getMessage());
    }
  }
}
