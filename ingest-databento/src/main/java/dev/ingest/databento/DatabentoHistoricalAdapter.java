package dev.ingest.databento;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.ingest.api.BaseAdapter;
import dev.ingest.api.Beta;
import dev.ingest.api.HistoricalJob;
import dev.ingest.api.IngestListener;
import dev.ingest.api.TimeRange;
import dev.ingest.api.config.Secret;
import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.internal.Resilience;
import dev.ingest.api.internal.SafeListener;
import dev.ingest.api.market.MarketRecord;
import dev.ingest.databento.internal.ChunkedFetch;
import dev.ingest.databento.internal.DatabentoHttp;
import dev.ingest.databento.internal.STypes;
import dev.ingest.databento.internal.Schemas;
import dev.ingest.databento.internal.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Databento's historical API as a {@link BaseAdapter} (seed 004): {@code timeseries.get_range} over
 * HTTP, DBN decoded natively as it streams in, in constant memory.
 *
 * <pre>{@code
 * Settings settings = Settings.of(Map.of("api", Map.of("key_env_var", "DATABENTO_API_KEY")));
 * HistoricalJob job = HistoricalJob.builder("GLBX.MDP3", "ohlcv-1d")
 *     .symbols("ES.c.0").stypeIn("continuous")
 *     .range(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"))
 *     .build();
 * try (DatabentoHistoricalAdapter adapter = new DatabentoHistoricalAdapter(settings, listener);
 *     Stream<MarketRecord> records = adapter.fetchHistoricalData(job)) {
 *   records.forEach(r -> sink.accept((DatabentoBar) r));
 * }
 * }</pre>
 *
 * <p>The range is fetched in chunks ({@link HistoricalJob#dateChunkInterval()}, else per schema:
 * ohlcv-1d 30 days, ohlcv-1m 7, trades and tbbo 1, ...), chunk after chunk as the stream is
 * consumed; more symbols than one request takes are split across requests and merged back in time
 * order. 429 (after its Retry-After), 408, 5xx and I/O failures are retried by the configured
 * policy, and a body that fails part way is fetched again and resumed after the last record
 * emitted, so none is lost or repeated. 401, 403, 422 and the other 4xx fail at once with a {@link
 * DatabentoRejectedException} naming the parameter Databento refused.
 *
 * <p>Records are {@link DatabentoBar}, {@link DatabentoTrade} ({@code trades}), {@link
 * DatabentoMbp1} ({@code tbbo}, {@code mbp-1}) and {@link DatabentoStatistic}, in full detail;
 * {@code toBar()}, {@code toTrade()} and {@code toQuote()} give the SDK's normalized records.
 *
 * <p>Not thread-safe: confine to one thread, except {@link #disconnect()}, which may be called from
 * any thread and closes the open streams. An {@link OkHttpClient} passed in is shared, never shut
 * down; one the adapter builds itself is released by {@link #disconnect()}.
 *
 * @since 0.1
 */
@Beta
public final class DatabentoHistoricalAdapter implements BaseAdapter {
  /** The provider name. */
  public static final String NAME = "databento";

  private static final Logger log = LoggerFactory.getLogger(DatabentoHistoricalAdapter.class);

  private final Settings settings;
  private final IngestListener listener;
  private final @Nullable OkHttpClient sharedClient;
  private final Clock clock;
  private final Set<ChunkedFetch> open = ConcurrentHashMap.newKeySet();

  private @Nullable DatabentoConfig config;
  private @Nullable Secret key;
  private @Nullable DatabentoHttp http;
  private @Nullable OkHttpClient ownClient;
  private @Nullable RetryPolicy<Object> retryPolicy;

  /** An adapter configured by seed 004's settings; reads the key from the environment. */
  public DatabentoHistoricalAdapter(Settings settings, IngestListener listener) {
    this(settings, listener, null, Clock.systemUTC());
  }

  /** As above, making its requests with (a derivation of) a client the caller owns. */
  public DatabentoHistoricalAdapter(
      Settings settings, IngestListener listener, OkHttpClient client) {
    this(settings, listener, client, Clock.systemUTC());
  }

  DatabentoHistoricalAdapter(
      Settings settings, IngestListener listener, @Nullable OkHttpClient client, Clock clock) {
    this.settings = settings;
    this.listener = SafeListener.wrap(listener);
    this.sharedClient = client;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Checks the configuration and that the key's environment variable is set, without touching the
   * network.
   *
   * @throws ConfigurationException naming the bad key (or environment variable)
   */
  @Override
  public void validateConfig() {
    DatabentoConfig parsed = DatabentoConfig.from(settings);
    Secret secret =
        settings.with("api.key_env_var", parsed.keyEnvVar()).secretFromEnv("api.key_env_var");
    if (!secret.reveal().chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw new ConfigurationException(
          NAME,
          parsed.keyEnvVar(),
          "environment variable " + parsed.keyEnvVar() + " holds characters an API key cannot");
    }
    config = parsed;
    key = secret;
  }

  /**
   * Validates the configuration and checks the key with Databento ({@code metadata.list_datasets}),
   * downloading no data.
   *
   * @throws DatabentoRejectedException when Databento refuses the key (parameter {@code key})
   */
  @Override
  public void connect() {
    validateConfig();
    DatabentoConfig c = config;
    OkHttpClient client = client(c);
    HttpUrl baseUrl = HttpUrl.get(c.baseUrl());
    DatabentoHttp connected = new DatabentoHttp(client, baseUrl, key, listener, clock);
    run(
        Resilience.retryPolicy(c.retryPolicy(), NAME, "metadata.list_datasets", listener),
        connected::checkKey);
    http = connected;
    retryPolicy = Resilience.retryPolicy(c.retryPolicy(), NAME, "timeseries.get_range", listener);
    log.info("connected provider=databento base_url={}", baseUrl);
  }

  private OkHttpClient client(DatabentoConfig c) {
    OkHttpClient base = sharedClient;
    if (base == null) {
      if (ownClient == null) {
        ownClient = new OkHttpClient();
      }
      base = ownClient;
    }
    return base.newBuilder()
        .connectTimeout(c.connectTimeout())
        .readTimeout(c.readTimeout())
        .build();
  }

  /**
   * Streams the job's records lazily, chunk by chunk, in time order. Connects first when {@link
   * #connect()} was not called. Close the stream to stop early.
   *
   * @throws ConfigurationException when the job names a schema or symbology the adapter does not
   *     fetch, or a time outside 1677..2262
   */
  @Override
  public Stream<MarketRecord> fetchHistoricalData(HistoricalJob job) {
    checkJob(job);
    if (http == null) {
      connect();
    }
    DatabentoConfig c = config;
    List<TimeRange> chunks = job.chunks(Schemas.defaultChunk(job.schema()));
    log.info(
        "fetching provider=databento job={} dataset={} schema={} start={} end={} chunks={}",
        job.name(),
        job.dataset(),
        job.schema(),
        job.range().start(),
        job.range().end(),
        chunks.size());
    ChunkedFetch[] self = new ChunkedFetch[1];
    ChunkedFetch fetch =
        new ChunkedFetch(
            http,
            retryPolicy,
            job,
            chunks,
            c.maxSymbolsPerRequest(),
            listener,
            () -> open.remove(self[0]));
    self[0] = fetch;
    open.add(fetch);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(fetch, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(fetch::close);
  }

  private static void checkJob(HistoricalJob job) {
    if (!Schemas.isFetchable(job.schema())) {
      throw new ConfigurationException(
          NAME,
          "schema",
          "schema '"
              + job.schema()
              + "' is not fetched by this adapter; use one of "
              + Schemas.fetchable());
    }
    if (!STypes.isKnown(job.stypeIn())) {
      throw new ConfigurationException(
          NAME,
          "stype_in",
          "stype_in '"
              + job.stypeIn()
              + "' is not a Databento symbology; use one of "
              + STypes.names());
    }
    checkNanos(job.range().start(), "start_date");
    checkNanos(job.range().end(), "end_date");
  }

  private static void checkNanos(Instant instant, String key) {
    try {
      Timestamps.toNanos(instant);
    } catch (ArithmeticException e) {
      throw new ConfigurationException(
          NAME, key, key + " must be within 1677..2262 (nanosecond timestamps), was " + instant);
    }
  }

  private static void run(RetryPolicy<Object> policy, Runnable call) {
    try {
      Failsafe.with(policy).run(call::run);
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new TransportException(NAME, "interrupted while connecting", e.getCause());
    }
  }

  /** Closes every open stream and releases the client this adapter built. Idempotent. */
  @Override
  public void disconnect() {
    for (ChunkedFetch fetch : List.copyOf(open)) {
      fetch.close();
    }
    http = null;
    OkHttpClient own = ownClient;
    ownClient = null;
    if (own != null) {
      own.dispatcher().executorService().shutdown();
      own.connectionPool().evictAll();
    }
  }
}
