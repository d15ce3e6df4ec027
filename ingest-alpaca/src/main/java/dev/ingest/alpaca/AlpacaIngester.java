package dev.ingest.alpaca;

import dev.ingest.alpaca.internal.AccountIngester;
import dev.ingest.alpaca.internal.HttpClients;
import dev.ingest.api.Beta;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.store.LakeSlug;
import dev.ingest.api.store.RawDataLake;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 001's Data Ingester: for each configured account (a <em>destination</em>, whose name is the
 * suffix of its tables in the raw data lake) a {@code trade_updates} stream consumer, a backfill at
 * start and a healer every {@code healing_interval_sec}, capturing every order change and account
 * activity into the {@link RawDataLake}. It runs beside the host's trading logic and needs nothing
 * from it.
 *
 * <pre>{@code
 * try (AlpacaIngester ingester = AlpacaIngester.builder(lake)
 *         .destination("live", AlpacaConfig.live(account, keyId, secretKey))
 *         .listener(metrics)
 *         .build()) {
 *   ingester.start();
 *   ...   // runs until closed
 * }
 * }</pre>
 *
 * <p>One account's failure (an expired key, a store that refuses it) never stops another's workers;
 * {@link #status()} shows each account's stream state and failure. Thread-safe. {@link #close()} is
 * idempotent: it stops every worker, waits a bounded time for running passes, and shuts down the
 * scheduler and HTTP client only if the ingester created them. The lake is the caller's to close.
 *
 * @since 0.1
 */
@Beta
public final class AlpacaIngester implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlpacaIngester.class);

  private final List<AccountIngester> accounts;
  private final @Nullable ScheduledExecutorService ownedScheduler;
  private final @Nullable OkHttpClient ownedClient;
  private boolean started;
  private boolean closed;

  private AlpacaIngester(
      List<AccountIngester> accounts,
      @Nullable ScheduledExecutorService ownedScheduler,
      @Nullable OkHttpClient ownedClient) {
    this.accounts = List.copyOf(accounts);
    this.ownedScheduler = ownedScheduler;
    this.ownedClient = ownedClient;
  }

  public static Builder builder(RawDataLake lake) {
    return new Builder(lake);
  }

  /**
   * Starts every account's workers: the backfill runs at once on the scheduler, the stream opens as
   * soon as the account's tables exist. Calling it again does nothing.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("ingester is closed");
    }
    if (started) {
      return;
    }
    started = true;
    for (AccountIngester account : accounts) {
      try {
        account.start();
      } catch (RuntimeException e) {
        log.error(
            "account not started provider=alpaca account={} destination={}",
            account.account(),
            account.destination(),
            e);
      }
    }
  }

  /** Each account's state, by destination, in configuration order. */
  public Map<LakeSlug, AlpacaAccountStatus> status() {
    Map<LakeSlug, AlpacaAccountStatus> status = new LinkedHashMap<>();
    accounts.forEach(a -> status.put(a.destination(), a.status()));
    return Collections.unmodifiableMap(status);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = accounts.size() - 1; i >= 0; i--) {
      try {
        accounts.get(i).close();
      } catch (RuntimeException e) {
        log.warn("account close failed provider=alpaca account={}", accounts.get(i).account(), e);
      }
    }
    if (ownedScheduler != null) {
      ownedScheduler.shutdown();
      try {
        if (!ownedScheduler.awaitTermination(10, TimeUnit.SECONDS)) {
          ownedScheduler.shutdownNow();
        }
      } catch (InterruptedException e) {
        ownedScheduler.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    if (ownedClient != null) {
      HttpClients.release(ownedClient);
    }
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    accounts.forEach(a -> names.add(a.destination() + "=" + a.account()));
    return "AlpacaIngester" + names;
  }

  /**
   * Configures an {@link AlpacaIngester}. Only the destinations are required. Not thread-safe.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final RawDataLake lake;
    private final Map<LakeSlug, AlpacaConfig> destinations = new LinkedHashMap<>();
    private AlpacaIngesterConfig config = AlpacaIngesterConfig.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable OkHttpClient http;
    private IngestListener listener = IngestListener.NOOP;

    private Builder(RawDataLake lake) {
      if (lake == null) {
        throw new ConfigurationException("alpaca", "lake", "a raw data lake is required");
      }
      this.lake = lake;
    }

    /**
     * Adds an account whose tables are {@code raw_orders_<name>} and {@code raw_activities_<name>}.
     *
     * @param name lower-case letters, digits and {@code _}, starting with a letter
     * @throws ConfigurationException for a bad or repeated name, or an account added twice (Alpaca
     *     allows one stream per account)
     */
    public Builder destination(String name, AlpacaConfig account) {
      LakeSlug slug;
      try {
        slug = LakeSlug.of(name);
      } catch (DataValidationException e) {
        throw new ConfigurationException("alpaca", "destinations", e.getMessage());
      }
      if (destinations.containsKey(slug)) {
        throw new ConfigurationException(
            "alpaca", "destinations", "destination '" + name + "' is configured twice");
      }
      for (AlpacaConfig other : destinations.values()) {
        if (other.account().equals(account.account())) {
          throw new ConfigurationException(
              "alpaca",
              "destinations",
              "account " + account.account() + " is configured twice; Alpaca allows one stream");
        }
      }
      destinations.put(slug, account);
      return this;
    }

    /**
     * Reads seed 001's configuration: {@code destinations} (comma-separated names), for each name a
     * section read by {@link AlpacaConfig#from} ({@code live.account}, {@code live.key_id_env_var},
     * ...), and the timing keys {@link AlpacaIngesterConfig#from} reads.
     */
    public Builder settings(Settings settings) {
      for (String name : settings.list("destinations")) {
        destination(name, AlpacaConfig.from(settings.section(name)));
      }
      config = AlpacaIngesterConfig.from(settings);
      return this;
    }

    public Builder config(AlpacaIngesterConfig timing) {
      this.config = timing;
      return this;
    }

    /** The clock behind every "now" (healing windows, lag). Default: the system's, in UTC. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Runs backfill, healing and reconnects on {@code scheduler}, which the host keeps and shuts
     * down. Default: a pool of our own, closed with the ingester.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** Derives our clients from {@code http} (never shut down by us). Default: our own. */
    public Builder httpClient(OkHttpClient http) {
      this.http = http;
      return this;
    }

    /** Receives metrics; an {@link AlpacaIngestListener} also gets the Alpaca-only ones. */
    public Builder listener(IngestListener listener) {
      this.listener = listener == null ? IngestListener.NOOP : listener;
      return this;
    }

    public AlpacaIngester build() {
      if (destinations.isEmpty()) {
        throw new ConfigurationException(
            "alpaca", "destinations", "at least one destination is required");
      }
      ScheduledExecutorService owned = null;
      ScheduledExecutorService runOn = scheduler;
      if (runOn == null) {
        owned = ownScheduler(Math.min(8, Math.max(2, destinations.size())));
        runOn = owned;
      }
      OkHttpClient base = http == null ? new OkHttpClient() : http;
      OkHttpClient ownedClient = http == null ? base : null;
      List<AccountIngester> accounts = new ArrayList<>();
      for (Map.Entry<LakeSlug, AlpacaConfig> d : destinations.entrySet()) {
        AlpacaConfig account = d.getValue();
        OkHttpClient calls = HttpClients.forCalls(base, account.timeout());
        accounts.add(
            new AccountIngester(
                d.getKey(),
                account,
                lake,
                calls,
                HttpClients.forStream(calls),
                runOn,
                clock,
                config,
                listener,
                () -> ThreadLocalRandom.current().nextDouble()));
      }
      return new AlpacaIngester(accounts, owned, ownedClient);
    }

    private static ScheduledExecutorService ownScheduler(int threads) {
      AtomicInteger n = new AtomicInteger();
      ScheduledThreadPoolExecutor pool =
          new ScheduledThreadPoolExecutor(
              threads,
              r -> {
                Thread t = new Thread(r, "ingest-alpaca-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      pool.setRemoveOnCancelPolicy(true);
      return pool;
    }
  }
}
