package dev.ingest.alpaca.internal;

import dev.ingest.alpaca.AlpacaAccountStatus;
import dev.ingest.alpaca.AlpacaConfig;
import dev.ingest.alpaca.AlpacaIngesterConfig;
import dev.ingest.alpaca.StreamState;
import dev.ingest.alpaca.SyntheticActivityId;
import dev.ingest.api.IngestListener;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import dev.ingest.api.store.LakeSlug;
import dev.ingest.api.store.RawDataLake;
import dev.ingest.api.store.UpsertOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 001's three workers for one account, writing to the raw data lake:
 *
 * <ol>
 *   <li><b>stream</b>: every {@code trade_updates} event upserts its order; fills are appended
 *       under their synthetic id at once;
 *   <li><b>backfill</b>, the first pass: REST from the latest stored time minus a margin
 *       (everything when the lake is empty);
 *   <li><b>healing</b>, every {@code healingInterval}: REST over the last {@code healingLookback}
 *       (longer when a pass failed, so no window is ever skipped): orders submitted in the window,
 *       every open order (the orders endpoint filters on submission time, so an old GTC order that
 *       fills now is found only this way), each order held as open that Alpaca no longer lists as
 *       open, the orders of fills the lake does not know, and all activities.
 * </ol>
 *
 * Orders upsert to their newest {@code updated_at}; activities are insert-or-ignore by id, and a
 * {@link FillLedger} keeps a stream fill and its REST twin to one row should their ids disagree.
 *
 * <p>Failures stay inside the account: a transient one skips the rest of a pass (the next pass
 * widens its window to cover it); refused credentials or keys of another account stop the account
 * with one error and no retry. Thread-safe; lake writes of the stream and the passes are serialized
 * per account.
 */
public final class AccountIngester implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AccountIngester.class);
  private static final int BATCH = 500;

  /**
   * Every non-trade type the trading API documents. Such rows carry a date, not a time, and can be
   * posted hours after it, so a ten-minute window by time never sees them: each pass asks for these
   * over the last {@link #NON_TRADE_DAYS} days instead.
   */
  static final String NON_TRADE_TYPES =
      "TRANS,MISC,ACATC,ACATS,CFEE,CSD,CSW,DIV,DIVCGL,DIVCGS,DIVFEE,DIVFT,DIVNRA,DIVROC,DIVTW,"
          + "DIVTXEX,FEE,INT,INTNRA,INTTW,JNL,JNLC,JNLS,MA,NC,OPASN,OPEXP,OPXRC,PTC,PTR,REORG,SC,"
          + "SSO,SSP";

  static final int NON_TRADE_DAYS = 3;

  /**
   * How many order versions and activity ids written are remembered, so a healing pass, which sees
   * the same ten minutes again, writes only what changed and asks the lake nothing.
   */
  private static final int REMEMBERED = 100_000;

  private final LakeSlug destination;
  private final AlpacaConfig config;
  private final RawDataLake lake;
  private final AlpacaRestClient rest;
  private final TradeUpdatesStream stream;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final AlpacaIngesterConfig timing;
  private final GuardedListener listener;

  private final Object writeLock = new Object();
  private final FillLedger ledger = new FillLedger(); // guarded by writeLock
  private final Set<String> openOrders = new HashSet<>(); // guarded by writeLock
  // what this process wrote, so passes write only what changed (guarded by writeLock)
  private final Map<String, Instant> orderVersions = recent(REMEMBERED);
  private final Map<String, Instant> storedActivities = recent(REMEMBERED);
  private final ReentrantLock passLock = new ReentrantLock();
  private final AtomicLong reconnects = new AtomicLong();

  private volatile boolean prepared;
  private volatile boolean verified;
  private volatile boolean closed;
  private volatile boolean nonTradeTypesRefused;
  private volatile @Nullable Instant coveredUpTo;
  private volatile @Nullable Instant lastPassAt;
  private volatile @Nullable IngestException failure;
  private volatile @Nullable ScheduledFuture<?> healing;

  public AccountIngester(
      LakeSlug destination,
      AlpacaConfig config,
      RawDataLake lake,
      OkHttpClient calls,
      OkHttpClient streamClient,
      ScheduledExecutorService scheduler,
      Clock clock,
      AlpacaIngesterConfig timing,
      IngestListener listener,
      DoubleSupplier jitter) {
    this.destination = destination;
    this.config = config;
    this.lake = lake;
    this.scheduler = scheduler;
    this.clock = clock;
    this.timing = timing;
    this.listener = new GuardedListener(listener);
    this.rest = new AlpacaRestClient(calls, config, clock, listener);
    this.stream =
        new TradeUpdatesStream(
            streamClient,
            config,
            scheduler,
            new ReconnectBackoff(timing.reconnectBaseDelay(), timing.reconnectMaxDelay(), jitter),
            timing.authTimeout(),
            clock,
            new StreamHandler());
  }

  public AccountId account() {
    return config.account();
  }

  public LakeSlug destination() {
    return destination;
  }

  /** Runs the backfill now and schedules healing; the first pass also opens the stream. */
  public void start() {
    scheduler.execute(this::pass);
    long every = timing.healingInterval().toMillis();
    healing = scheduler.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
    log.info(
        "ingester started provider=alpaca account={} destination={} healingEverySec={}"
            + " lookbackSec={}",
        config.account(),
        destination,
        timing.healingInterval().toSeconds(),
        timing.healingLookback().toSeconds());
  }

  public AlpacaAccountStatus status() {
    return new AlpacaAccountStatus(
        destination, config.account(), stream.state(), reconnects.get(), coveredUpTo, failure);
  }

  // ---- passes: backfill and healing -------------------------------------------------------

  /** One backfill or healing pass. Never throws; skipped while the previous one still runs. */
  void pass() {
    if (closed || failure != null) {
      return;
    }
    if (!passLock.tryLock()) {
      log.debug(
          "pass skipped, previous still running provider=alpaca account={}", config.account());
      return;
    }
    try {
      if (closed || failure != null) {
        return;
      }
      lastPassAt = clock.instant();
      if (!prepared) {
        prepare();
        prepared = true;
        stream.start();
      }
      if (!verified) {
        AlpacaAccountReader.checkAccountNumber(rest.account(), config);
        verified = true;
      }
      catchUp();
    } catch (ProviderRejectedException e) {
      if (e.status() == 401 || e.status() == 403) {
        fail(e);
      } else {
        log.warn(
            "pass refused provider=alpaca account={} destination={}; next pass retries: {}",
            config.account(),
            destination,
            e.getMessage());
      }
    } catch (ConfigurationException e) {
      fail(e);
    } catch (IngestException e) {
      log.warn(
          "pass failed provider=alpaca account={} destination={}; next pass covers the gap: {}",
          config.account(),
          destination,
          e.getMessage());
    } catch (Throwable t) {
      log.error(
          "pass failed unexpectedly provider=alpaca account={} destination={}",
          config.account(),
          destination,
          t);
    } finally {
      passLock.unlock();
    }
  }

  /** Creates the tables and rebuilds what the workers keep in memory from the lake. */
  private void prepare() {
    lake.ensureAccount(destination);
    Instant since = lake.latestActivityTime(destination).map(this::backfillStart).orElse(null);
    synchronized (writeLock) {
      for (RawOrder order : lake.orders(destination)) {
        if (WireOrder.isOpenStatus(order.status())) {
          openOrders.add(order.id());
        }
      }
      if (since != null) {
        for (RawActivity activity : lake.activities(destination)) {
          if (WireActivity.isFill(activity.activityType())
              && !activity.occurredAt().isBefore(since)) {
            restoreFill(activity);
          }
        }
      }
    }
  }

  private void restoreFill(RawActivity activity) {
    try {
      var payload = Json.value(activity.rawJson()).node();
      FillLedger.Source source =
          payload.has("event") ? FillLedger.Source.STREAM : FillLedger.Source.REST;
      ledger.restore(FillKey.ofStored(payload), activity.id(), source, activity.occurredAt());
    } catch (Json.MalformedJsonException e) {
      log.debug("stored fill payload unreadable id={}", activity.id());
    }
  }

  private Instant backfillStart(Instant latest) {
    return latest.minus(timing.backfillMargin());
  }

  private void catchUp() {
    Instant now = clock.instant();
    Instant covered = coveredUpTo;
    boolean backfill = covered == null;
    Instant activitiesFrom;
    Instant ordersFrom;
    if (backfill) {
      activitiesFrom = lake.latestActivityTime(destination).map(this::backfillStart).orElse(null);
      ordersFrom = lake.latestOrderUpdate(destination).map(this::backfillStart).orElse(null);
    } else {
      // normally now - lookback; after failed passes, far enough back to overlap the last success
      Duration overlap = timing.healingLookback().minus(timing.healingInterval());
      Instant window = now.minus(timing.healingLookback());
      Instant sinceCovered = covered.minus(overlap);
      activitiesFrom = window.isBefore(sinceCovered) ? window : sinceCovered;
      ordersFrom = activitiesFrom;
    }
    String kind = backfill ? "backfill" : "healing";
    log.debug(
        "{} pass provider=alpaca account={} destination={} from={}",
        kind,
        config.account(),
        destination,
        activitiesFrom);

    Map<String, WireOrder> orders = new LinkedHashMap<>();
    rest.orders("all", ordersFrom).forEach(o -> orders.put(o.id(), o));
    Set<String> remoteOpen = new HashSet<>();
    for (WireOrder o : rest.orders("open", null)) {
      remoteOpen.add(o.id());
      orders.merge(o.id(), o, (a, b) -> b.updatedAt().isAfter(a.updatedAt()) ? b : a);
    }
    long changedOrders = storeOrders(orders.values());
    changedOrders += refreshStaleOpenOrders(remoteOpen);

    List<WireActivity> activities = rest.activities(null, null, activitiesFrom);
    long newFills = storeActivities(activities);
    changedOrders += fetchOrdersOfUnknownFills(activities);
    List<WireActivity> nonTrade = nonTradeActivities(now);
    storeActivities(nonTrade);

    if (activitiesFrom != null) {
      List<FillLedger.Unmatched> unmatched;
      synchronized (writeLock) {
        unmatched = ledger.expire(activitiesFrom, activitiesFrom.minus(timing.healingLookback()));
      }
      for (FillLedger.Unmatched u : unmatched) {
        log.warn(
            "stream fill never found its REST twin provider=alpaca account={} id={} {}"
                + " occurredAt={}",
            config.account(),
            u.activityId(),
            u.key(),
            u.occurredAt());
        listener.unmatchedStreamFill(config.account(), u.activityId());
      }
    }
    coveredUpTo = now;
    String prefix = backfill ? "backfill:" : "";
    if (newFills > 0) {
      listener.gapHealed(config.account(), prefix + "FILL", newFills);
    }
    if (changedOrders > 0) {
      listener.gapHealed(config.account(), prefix + "order", changedOrders);
    }
    log.info(
        "{} done provider=alpaca account={} destination={} orders={} activities={}"
            + " ordersChanged={} fillsAdded={} nonTradeSeen={}",
        kind,
        config.account(),
        destination,
        orders.size(),
        activities.size(),
        changedOrders,
        newFills,
        nonTrade.size());
  }

  /**
   * Non-trade activities dated in the last few days. Should Alpaca refuse one of the listed types,
   * every type is asked for instead (fills included, so heavier, but nothing is missed).
   */
  private List<WireActivity> nonTradeActivities(Instant now) {
    Instant since =
        LocalDate.ofInstant(now, SyntheticActivityId.NEW_YORK)
            .minusDays(NON_TRADE_DAYS)
            .atStartOfDay(SyntheticActivityId.NEW_YORK)
            .toInstant();
    if (!nonTradeTypesRefused) {
      try {
        return rest.activities(null, NON_TRADE_TYPES, since);
      } catch (ProviderRejectedException e) {
        if (e.status() != 422) {
          throw e;
        }
        nonTradeTypesRefused = true;
        log.warn(
            "alpaca refused the non-trade activity types; asking for all types from now on"
                + " provider=alpaca account={}: {}",
            config.account(),
            e.getMessage());
      }
    }
    return rest.activities(null, null, since);
  }

  /** Orders we hold as open that Alpaca no longer lists as open: fetch each one's final state. */
  private long refreshStaleOpenOrders(Set<String> remoteOpen) {
    List<String> stale;
    synchronized (writeLock) {
      stale = openOrders.stream().filter(id -> !remoteOpen.contains(id)).sorted().toList();
    }
    long changed = 0;
    for (String id : stale) {
      var order = rest.order(id);
      if (order.isPresent()) {
        changed += storeOrders(List.of(order.get()));
      } else {
        log.warn(
            "order held as open is unknown to alpaca provider=alpaca account={} order={}",
            config.account(),
            id);
        synchronized (writeLock) {
          openOrders.remove(id);
        }
      }
    }
    return changed;
  }

  private long fetchOrdersOfUnknownFills(List<WireActivity> activities) {
    Set<String> ids = new LinkedHashSet<>();
    for (WireActivity a : activities) {
      String orderId = a.isFill() ? Json.text(a.node(), "order_id") : null;
      if (orderId != null && !isStored(orderId)) {
        ids.add(orderId);
      }
    }
    long changed = 0;
    for (String id : ids) {
      var order = rest.order(id);
      if (order.isPresent()) {
        changed += storeOrders(List.of(order.get()));
      }
    }
    return changed;
  }

  private boolean isStored(String orderId) {
    synchronized (writeLock) {
      if (orderVersions.containsKey(orderId)) {
        return true;
      }
    }
    var stored = lake.order(destination, orderId);
    stored.ifPresent(
        o -> {
          synchronized (writeLock) {
            orderVersions.merge(o.id(), o.updatedAt(), AccountIngester::later);
          }
        });
    return stored.isPresent();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** A map that forgets its least recently used keys beyond {@code capacity}. */
  private static Map<String, Instant> recent(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
        return size() > capacity;
      }
    };
  }

  // ---- writes -----------------------------------------------------------------------------

  /**
   * Upserts orders in batches, leaving out those not newer than what this process already wrote
   * (the lake would keep its copy anyway); returns how many were created or updated.
   */
  private long storeOrders(Collection<WireOrder> orders) {
    long changed = 0;
    synchronized (writeLock) {
      List<WireOrder> fresh = new ArrayList<>();
      for (WireOrder order : orders) {
        Instant written = orderVersions.get(order.id());
        if (written == null || order.updatedAt().isAfter(written)) {
          fresh.add(order);
        } else if (!order.isOpen()) {
          openOrders.remove(order.id());
        }
      }
      for (int from = 0; from < fresh.size(); from += BATCH) {
        List<WireOrder> batch = fresh.subList(from, Math.min(fresh.size(), from + BATCH));
        List<UpsertOutcome> outcomes =
            lake.upsertOrders(destination, batch.stream().map(AlpacaRecords::rawOrder).toList());
        for (int i = 0; i < batch.size(); i++) {
          WireOrder order = batch.get(i);
          // written or not, the lake now holds this version or a newer one
          orderVersions.merge(order.id(), order.updatedAt(), AccountIngester::later);
          boolean written = outcomes.get(i) != UpsertOutcome.UNCHANGED;
          if (written) {
            changed++;
          }
          // a final status is final whoever wrote it; an open one counts only if it won
          if (!order.isOpen()) {
            openOrders.remove(order.id());
          } else if (written) {
            openOrders.add(order.id());
          }
        }
      }
    }
    return changed;
  }

  /**
   * Appends REST activities (fills through the ledger), leaving out those this process already
   * wrote; returns how many fills were new.
   */
  private long storeActivities(List<WireActivity> activities) {
    long newFills = 0;
    synchronized (writeLock) {
      List<RawActivity> rows = new ArrayList<>();
      List<FillKey> keys = new ArrayList<>();
      for (WireActivity activity : activities) {
        FillKey key = activity.isFill() ? FillKey.ofRest(activity.node()) : null;
        if (activity.isFill()
            && ledger.onRest(key, activity.id()) instanceof FillLedger.TwinElsewhere twin) {
          if (twin.firstSeen()) {
            mismatch(twin.storedId(), activity.id(), key);
          }
          continue;
        }
        if (storedActivities.containsKey(activity.id())) {
          if (activity.isFill()) {
            ledger.recordRest(key, activity.id(), activity.occurredAt());
          }
          continue;
        }
        try {
          rows.add(AlpacaRecords.rawActivity(activity));
          keys.add(key);
        } catch (DataValidationException e) {
          listener.generic().validationError("alpaca", e);
          log.warn(
              "activity skipped provider=alpaca account={}: {}", config.account(), e.getMessage());
        }
      }
      for (int from = 0; from < rows.size(); from += BATCH) {
        int to = Math.min(rows.size(), from + BATCH);
        List<UpsertOutcome> outcomes = lake.appendActivities(destination, rows.subList(from, to));
        for (int i = from; i < to; i++) {
          RawActivity row = rows.get(i);
          storedActivities.put(row.id(), row.occurredAt());
          if (WireActivity.isFill(row.activityType())) {
            ledger.recordRest(keys.get(i), row.id(), row.occurredAt());
            if (outcomes.get(i - from) == UpsertOutcome.CREATED) {
              newFills++;
            }
          }
        }
      }
    }
    return newFills;
  }

  private void mismatch(String streamId, String restId, @Nullable FillKey key) {
    log.warn(
        "stream fill and REST fill are one execution under different ids; stored once"
            + " provider=alpaca account={} streamId={} restId={} {}",
        config.account(),
        streamId,
        restId,
        key);
    listener.fillIdMismatch(config.account(), streamId, restId);
  }

  private void onUpdate(TradeUpdate update) {
    Instant now = clock.instant();
    Duration lag = Duration.between(update.eventTime(), now);
    listener.tradeUpdate(config.account(), update.event(), lag.isNegative() ? Duration.ZERO : lag);
    try {
      synchronized (writeLock) {
        storeOrders(List.of(update.order()));
        if (update.isFill()) {
          storeStreamFill(update);
        }
      }
    } catch (IngestException e) {
      log.warn(
          "stream event not stored; the healer will fetch it provider=alpaca account={}"
              + " event={} order={}: {}",
          config.account(),
          update.event(),
          update.order().id(),
          e.getMessage());
    }
  }

  private void storeStreamFill(TradeUpdate update) {
    RawActivity fill = AlpacaRecords.streamFill(update);
    FillKey key = FillKey.ofStream(update);
    FillLedger.Verdict verdict = ledger.onStream(key, fill.id());
    if (verdict instanceof FillLedger.TwinElsewhere twin) {
      if (twin.firstSeen()) {
        mismatch(fill.id(), twin.storedId(), key);
      }
      return;
    }
    Instant healedBefore = healedBefore();
    if (healedBefore != null && fill.occurredAt().isBefore(healedBefore)) {
      // REST has already been read over this time and stored the fill, under its own id; should
      // that id differ from ours, writing this late copy would store the execution twice
      log.debug(
          "late stream fill left to REST provider=alpaca account={} id={} occurredAt={}",
          config.account(),
          fill.id(),
          fill.occurredAt());
      return;
    }
    lake.appendActivities(destination, List.of(fill));
    storedActivities.put(fill.id(), fill.occurredAt());
    ledger.recordStream(key, fill.id(), fill.occurredAt(), true);
  }

  /** Times before this were covered by a pass that succeeded; null before the first. */
  private @Nullable Instant healedBefore() {
    Instant covered = coveredUpTo;
    return covered == null
        ? null
        : covered.minus(timing.healingLookback().minus(timing.healingInterval()));
  }

  private void fail(IngestException error) {
    synchronized (this) {
      if (failure != null) {
        return;
      }
      failure = error;
    }
    ScheduledFuture<?> h = healing;
    if (h != null) {
      h.cancel(false);
    }
    stream.halt(error);
    log.error(
        "account stopped provider=alpaca account={} destination={}: {}",
        config.account(),
        destination,
        error.getMessage());
    listener.accountFailed(config.account(), error);
  }

  /** Stops the workers; waits a bounded time for a running pass. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ScheduledFuture<?> h = healing;
    if (h != null) {
      h.cancel(false);
    }
    stream.close();
    try {
      long waitMs = Math.min(30_000, config.timeout().toMillis() * 2);
      if (passLock.tryLock(waitMs, TimeUnit.MILLISECONDS)) {
        passLock.unlock();
      } else {
        log.warn(
            "close did not wait for a running pass provider=alpaca account={}", config.account());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info(
        "ingester stopped provider=alpaca account={} destination={}",
        config.account(),
        destination);
  }

  private void catchUpSoon() {
    Instant last = lastPassAt;
    Duration spacing = timing.healingInterval().dividedBy(10);
    if (last != null && Duration.between(last, clock.instant()).compareTo(spacing) < 0) {
      return;
    }
    try {
      scheduler.execute(this::pass);
    } catch (RejectedExecutionException e) {
      log.debug("scheduler refused catch-up pass provider=alpaca account={}", config.account());
    }
  }

  private final class StreamHandler implements TradeUpdatesStream.Handler {
    @Override
    public void onUpdate(TradeUpdate update) {
      AccountIngester.this.onUpdate(update);
    }

    @Override
    public void onStateChange(StreamState state) {
      listener.streamStateChanged(config.account(), state);
    }

    @Override
    public void onReconnected(int failedAttempts) {
      reconnects.incrementAndGet();
      listener.streamReconnected(config.account(), failedAttempts);
      // events of the outage are gone from the stream; fetch them now rather than at the next pass
      catchUpSoon();
    }

    @Override
    public void onFatal(IngestException error) {
      fail(error);
    }

    @Override
    public void onMalformed(DataValidationException error) {
      listener.generic().validationError("alpaca", error);
    }
  }
}
