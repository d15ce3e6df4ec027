package dev.ingest.alpaca;

import dev.ingest.alpaca.internal.AlpacaAccountReader;
import dev.ingest.alpaca.internal.HttpClients;
import dev.ingest.api.Beta;
import dev.ingest.api.BrokerApi;
import dev.ingest.api.BrokerCapability;
import dev.ingest.api.IngestListener;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * One Alpaca account as a {@link BrokerApi} (seed 000): the snapshot from {@code /v2/account},
 * positions, open orders (plus those finished today), executions from FILL activities, and option
 * events from the exercise, assignment and expiry activities. Registered as broker provider {@code
 * "alpaca"}.
 *
 * <pre>{@code
 * AlpacaConfig config = AlpacaConfig.paper(AccountId.of("PA2XNN7L2QU0"),
 *     Secret.fromEnv("APCA_API_KEY_ID"), Secret.fromEnv("APCA_API_SECRET_KEY"));
 * try (BrokerApi alpaca = AlpacaBrokerApi.open(config)) {
 *   OrdersSync.sync(alpaca, alpaca.account(), store);
 * }
 * }</pre>
 *
 * <p>Every fetch blocks for at most the configured timeout per call and retries by the configured
 * policy. A notional order (a dollar amount, no share quantity) cannot be an {@link Order} and is
 * reported to the listener as a validation error. Thread-safe; {@link #close()} is idempotent and
 * releases the HTTP client only if this object created it.
 *
 * @since 0.1
 */
@Beta
public final class AlpacaBrokerApi implements BrokerApi {
  private static final Set<BrokerCapability> CAPABILITIES = EnumSet.allOf(BrokerCapability.class);

  private final AlpacaConfig config;
  private final AlpacaAccountReader reader;
  private final @Nullable OkHttpClient ownedClient;
  private volatile boolean closed;

  private AlpacaBrokerApi(
      AlpacaConfig config, OkHttpClient http, boolean owned, Clock clock, IngestListener listener) {
    this.config = config;
    this.reader = new AlpacaAccountReader(http, config, clock, listener);
    this.ownedClient = owned ? http : null;
  }

  /** Opens a connection with its own HTTP client, the system clock and no listener. */
  public static AlpacaBrokerApi open(AlpacaConfig config) {
    return open(config, null, Clock.systemUTC(), IngestListener.NOOP);
  }

  /**
   * Opens a connection.
   *
   * @param http a client to share (derived with {@code newBuilder()}, never shut down by us), or
   *     null for one of our own
   * @param clock the clock that stamps snapshots and positions
   */
  public static AlpacaBrokerApi open(
      AlpacaConfig config, @Nullable OkHttpClient http, Clock clock, IngestListener listener) {
    OkHttpClient client = HttpClients.forCalls(http, config.timeout());
    return new AlpacaBrokerApi(config, client, http == null, clock, listener);
  }

  @Override
  public AccountId account() {
    return config.account();
  }

  @Override
  public Set<BrokerCapability> capabilities() {
    return Set.copyOf(CAPABILITIES);
  }

  @Override
  public List<AccountSnapshot> fetchAccountSnapshots() {
    return guarded(reader::snapshots);
  }

  @Override
  public List<Position> fetchPositions() {
    return guarded(reader::positions);
  }

  @Override
  public List<Order> fetchOpenOrders() {
    return guarded(reader::openOrders);
  }

  @Override
  public List<Execution> fetchExecutions() {
    return guarded(() -> reader.executions(null));
  }

  @Override
  public List<Execution> fetchExecutions(Instant since) {
    return guarded(() -> reader.executions(since));
  }

  @Override
  public List<OptionEvent> fetchOptionEvents() {
    return guarded(reader::optionEvents);
  }

  private <T> T guarded(Supplier<T> fetch) {
    if (closed) {
      throw new TransportException(
          "alpaca", "broker connection is closed account=" + config.account());
    }
    return fetch.get();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ownedClient != null) {
      HttpClients.release(ownedClient);
    }
  }

  @Override
  public String toString() {
    return "AlpacaBrokerApi[account=" + config.account() + ", rest=" + config.restUrl() + "]";
  }
}
