package dev.ingest.ibkr;

import dev.ingest.api.Beta;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.model.AccountId;
import dev.ingest.ibkr.internal.SessionOptions;
import dev.ingest.ibkr.internal.TwsSession;
import dev.ingest.ibkr.internal.wire.ContractDetailsMessage;
import dev.ingest.ibkr.internal.wire.ContractQuery;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to TWS or IB Gateway over IB's socket API, spoken natively (no IB jar needed) at API
 * server version 193. {@link IbkrBrokerApi} and {@link IbkrInstrumentRepository} can share one.
 *
 * <pre>{@code
 * try (IbkrConnection tws = IbkrConnection.open(IbkrConfig.of("127.0.0.1", 4002, 7))) {
 *   IbkrBrokerApi broker = IbkrBrokerApi.over(tws, AccountId.of("DU1234567"));
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #open} connects at once and fails fast: {@link TransportException} when nothing
 * answers, {@link ProviderRejectedException} when TWS refuses (code 326: client id in use; 503: TWS
 * older than version 193). When a session is lost later, the next request opens a new one.
 *
 * <p>Thread-safe. Whoever opens it closes it; {@link #close()} is idempotent.
 *
 * @since 0.1
 */
@Beta
public final class IbkrConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IbkrConnection.class);

  private final IbkrConfig config;
  private final Map<Integer, ContractDetailsMessage> detailsByConId = new ConcurrentHashMap<>();
  private final Set<Integer> unknownConIds = ConcurrentHashMap.newKeySet();
  private @Nullable TwsSession session;
  private boolean closed;

  private IbkrConnection(IbkrConfig config, TwsSession session) {
    this.config = config;
    this.session = session;
  }

  /** Connects now; see the class comment for the failures. */
  public static IbkrConnection open(IbkrConfig config) {
    return new IbkrConnection(config, TwsSession.connect(options(config)));
  }

  public IbkrConfig config() {
    return config;
  }

  /** The accounts the current session may see, as TWS listed them at connect. */
  public List<AccountId> managedAccounts() {
    return session().managedAccounts().stream().map(AccountId::of).toList();
  }

  /** The negotiated API server version: always 193. */
  public int serverVersion() {
    return session().serverVersion();
  }

  /** Whether the current session is up (a lost one is replaced on the next request). */
  public synchronized boolean isOpen() {
    return !closed && session != null && session.isOpen();
  }

  /** Closes the session. Idempotent; any thread. */
  @Override
  public void close() {
    TwsSession current;
    synchronized (this) {
      closed = true;
      current = session;
      session = null;
    }
    if (current != null) {
      current.close();
    }
  }

  /** The live session, reconnecting when the last one was lost. */
  synchronized TwsSession session() {
    if (closed) {
      throw new TransportException("ibkr", "the IBKR connection was closed");
    }
    if (session != null && session.isOpen()) {
      return session;
    }
    IngestException why = session == null ? null : session.failure();
    log.info(
        "reconnecting provider=ibkr host={} port={} clientId={} reason={}",
        config.host(),
        config.port(),
        config.clientId(),
        why == null ? "none" : why.getMessage());
    session = TwsSession.connect(options(config));
    return session;
  }

  /**
   * Contract details for {@code query}, remembered by conId so that later records naming the same
   * contract learn what the wire block alone cannot say (an index future's underlying, say).
   */
  List<ContractDetailsMessage> contractDetails(ContractQuery query) {
    List<ContractDetailsMessage> found = session().contractDetails(query, config.requestTimeout());
    for (ContractDetailsMessage details : found) {
      detailsByConId.put(details.contract().conId(), details);
    }
    return found;
  }

  /** The details of {@code conId}, asking TWS once per connection. Null when TWS has none. */
  @Nullable ContractDetailsMessage detailsOf(int conId) {
    ContractDetailsMessage known = detailsByConId.get(conId);
    if (known != null || conId <= 0 || unknownConIds.contains(conId)) {
      return known;
    }
    try {
      List<ContractDetailsMessage> found = contractDetails(ContractQuery.byConId(conId));
      if (found.isEmpty()) {
        unknownConIds.add(conId);
        return null;
      }
      return found.get(0);
    } catch (ProviderRejectedException e) {
      log.debug("no contract details provider=ibkr conId={} reason={}", conId, e.getMessage());
      unknownConIds.add(conId);
      return null;
    }
  }

  private static SessionOptions options(IbkrConfig config) {
    return new SessionOptions(
        config.host(),
        config.port(),
        config.clientId(),
        config.connectTimeout(),
        config.paceApi() ? "+PACEAPI" : "");
  }
}
