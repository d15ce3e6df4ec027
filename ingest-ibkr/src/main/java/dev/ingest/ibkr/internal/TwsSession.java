package dev.ingest.ibkr.internal;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.error.TransportException;
import dev.ingest.ibkr.internal.TwsCalls.AccountSummaryCall;
import dev.ingest.ibkr.internal.TwsCalls.Call;
import dev.ingest.ibkr.internal.TwsCalls.ContractDetailsCall;
import dev.ingest.ibkr.internal.TwsCalls.ExecutionsCall;
import dev.ingest.ibkr.internal.TwsCalls.OpenOrdersCall;
import dev.ingest.ibkr.internal.TwsCalls.PositionsCall;
import dev.ingest.ibkr.internal.wire.AccountSummaryMessage;
import dev.ingest.ibkr.internal.wire.CommissionReportMessage;
import dev.ingest.ibkr.internal.wire.ContractDetailsMessage;
import dev.ingest.ibkr.internal.wire.ContractQuery;
import dev.ingest.ibkr.internal.wire.ErrorMessage;
import dev.ingest.ibkr.internal.wire.ExecutionFilter;
import dev.ingest.ibkr.internal.wire.ExecutionMessage;
import dev.ingest.ibkr.internal.wire.FieldReader;
import dev.ingest.ibkr.internal.wire.FrameReader;
import dev.ingest.ibkr.internal.wire.MessageWriter;
import dev.ingest.ibkr.internal.wire.OpenOrderMessage;
import dev.ingest.ibkr.internal.wire.OrderStatusMessage;
import dev.ingest.ibkr.internal.wire.PositionMessage;
import dev.ingest.ibkr.internal.wire.TwsDecoder;
import dev.ingest.ibkr.internal.wire.TwsHandler;
import dev.ingest.ibkr.internal.wire.TwsRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP session with TWS or IB Gateway at server version 193: the handshake, START_API, a reader
 * thread that decodes every frame, request ids, and the session rules of reference §8 (nothing is
 * sent before NEXT_VALID_ID; the managed accounts are known before {@link #connect} returns).
 *
 * <p>Each request method blocks until its END message, an error for its id, the session's end or
 * its timeout, whichever comes first:
 *
 * <ul>
 *   <li>an ERR_MSG for the request's id: {@link ProviderRejectedException} with TWS's code;
 *   <li>no END within the timeout, or the socket lost: {@link TransportException};
 *   <li>a frame that breaks the protocol (unknown id, absurd length, truncated, a field that does
 *       not parse): {@link DataValidationException} naming message and field. The session then
 *       closes: our reading and TWS's writing disagree, and every later frame would be suspect.
 * </ul>
 *
 * <p>A session never reconnects; {@code IbkrConnection} opens a new one. Thread-safe.
 */
public final class TwsSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TwsSession.class);

  /** The one protocol version this client speaks (reference §1). */
  public static final int SERVER_VERSION = 193;

  private static final int MIN_CLIENT_VERSION = 100;

  /**
   * ERR_MSG carries one id that is either a request id or an order id. Order ids start small and
   * grow by one per order, so request ids start far above them: an order's error is never taken for
   * the failure of one of our requests.
   */
  private static final int REQUEST_ID_BASE = 0x4000_0000;

  private static final int MAX_COMMISSIONS_KEPT = 10_000;

  private final SessionOptions options;
  private final Socket socket;
  private final OutputStream out;
  private final Object writeLock = new Object();
  private final AtomicInteger requestIds = new AtomicInteger(REQUEST_ID_BASE);
  private final Map<Integer, Call<?>> calls = new ConcurrentHashMap<>();
  private final AtomicReference<PositionsCall> positionsCall = new AtomicReference<>();
  private final AtomicReference<OpenOrdersCall> openOrdersCall = new AtomicReference<>();
  private final ReentrantLock positionsLock = new ReentrantLock();
  private final ReentrantLock openOrdersLock = new ReentrantLock();
  private final ReentrantLock accountSummaryLock = new ReentrantLock();
  private final Map<String, CommissionReportMessage> commissions =
      new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CommissionReportMessage> eldest) {
          return size() > MAX_COMMISSIONS_KEPT;
        }
      };
  private final CompletableFuture<Integer> nextValidId = new CompletableFuture<>();
  private final CompletableFuture<List<String>> managedAccounts = new CompletableFuture<>();
  private final CompletableFuture<IngestException> ended = new CompletableFuture<>();
  private final int serverVersion;
  private final String connectionTime;
  private volatile @Nullable ProviderRejectedException fatalNotice;
  private volatile boolean closing;
  private final Thread reader;

  private TwsSession(
      SessionOptions options,
      Socket socket,
      OutputStream out,
      FrameReader frames,
      int serverVersion,
      String connectionTime) {
    this.options = options;
    this.socket = socket;
    this.out = out;
    this.serverVersion = serverVersion;
    this.connectionTime = connectionTime;
    this.reader = new Thread(() -> readLoop(frames), "ingest-ibkr-reader-" + options.clientId());
    this.reader.setDaemon(true);
  }

  /**
   * Connects, negotiates version 193, sends START_API and waits for NEXT_VALID_ID and the managed
   * accounts, all within {@link SessionOptions#connectTimeout()}.
   *
   * @throws TransportException the TCP connect failed or TWS went silent or closed the socket
   * @throws ProviderRejectedException TWS refused us (326: client id in use) or speaks a version
   *     other than 193 (code 503 when older)
   */
  public static TwsSession connect(SessionOptions options) {
    long deadline = System.nanoTime() + options.connectTimeout().toNanos();
    Socket socket = new Socket();
    try {
      try {
        socket.connect(
            new InetSocketAddress(options.host(), options.port()),
            (int) Math.max(1, options.connectTimeout().toMillis()));
      } catch (IOException e) {
        throw new TransportException(
            "ibkr",
            "could not connect to TWS/IB Gateway at "
                + options.host()
                + ":"
                + options.port()
                + " (is the API enabled, the port right and this host a trusted IP?): "
                + e.getMessage(),
            e);
      }
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) Math.max(1, remainingMillis(deadline)));
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          MessageWriter.handshake(MIN_CLIENT_VERSION, SERVER_VERSION, options.connectOptions()));
      out.flush();
      FrameReader frames = new FrameReader(in);
      if (!frames.next()) {
        throw new TransportException(
            "ibkr", "TWS closed the connection during the handshake (no version answer)");
      }
      FieldReader fields = new FieldReader();
      fields.reset(
          frames.buffer(), frames.payloadStart(), frames.payloadEnd(), frames.payloadOffset());
      fields.message("SERVER_VERSION");
      int version = fields.readInt("serverVersion");
      if (version == -1) {
        throw new ProviderRejectedException(
            "ibkr",
            0,
            "redirect",
            "host=" + options.host() + " port=" + options.port(),
            "TWS redirected the connection to "
                + fields.readString("redirectHost")
                + "; redirects are not supported");
      }
      String time = fields.readString("connectionTime");
      fields.expectEnd();
      if (version != SERVER_VERSION) {
        throw versionRefused(version);
      }
      TwsSession session = new TwsSession(options, socket, out, frames, version, time);
      session.start(deadline);
      return session;
    } catch (IngestException e) {
      closeQuietly(socket);
      throw e;
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new TransportException(
          "ibkr",
          "TWS did not answer the handshake within "
              + options.connectTimeout()
              + " at "
              + options.host()
              + ":"
              + options.port(),
          e);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new TransportException(
          "ibkr", "connection to TWS failed during the handshake: " + e.getMessage(), e);
    }
  }

  private static ProviderRejectedException versionRefused(int version) {
    if (version < SERVER_VERSION) {
      return new ProviderRejectedException(
          "ibkr",
          0,
          "503",
          "serverVersion=" + version + " required=" + SERVER_VERSION,
          "TWS/IB Gateway is too old: it speaks API server version "
              + version
              + ", this client needs "
              + SERVER_VERSION
              + "; upgrade TWS or IB Gateway");
    }
    return new ProviderRejectedException(
        "ibkr",
        0,
        "506",
        "serverVersion=" + version + " required=" + SERVER_VERSION,
        "TWS answered server version "
            + version
            + " although this client offered at most "
            + SERVER_VERSION);
  }

  private void start(long deadline) throws IOException {
    send(TwsRequests.startApi(options.clientId(), ""));
    socket.setSoTimeout(0);
    reader.start();
    int orderId = await(nextValidId, deadline, "NEXT_VALID_ID after START_API");
    if (!managedAccounts.isDone()) {
      // TWS normally sends MANAGED_ACCTS before NEXT_VALID_ID; ask in case this one did not
      send(TwsRequests.reqManagedAccounts());
    }
    List<String> accounts = await(managedAccounts, deadline, "MANAGED_ACCTS");
    log.info(
        "connected provider=ibkr host={} port={} clientId={} serverVersion={} serverTime={}"
            + " accounts={} nextOrderId={}",
        options.host(),
        options.port(),
        options.clientId(),
        serverVersion,
        connectionTime,
        accounts,
        orderId);
  }

  private <T> T await(CompletableFuture<T> step, long deadline, String what) {
    try {
      return CompletableFuture.anyOf(step, ended)
          .thenApply(
              first -> {
                if (step.isDone()) {
                  return step.join();
                }
                throw ended.join();
              })
          .get(Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      close();
      throw new TransportException(
          "ibkr", "TWS sent no " + what + " within " + options.connectTimeout());
    } catch (ExecutionException e) {
      close();
      throw rethrow(e.getCause(), "connect");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new TransportException("ibkr", "interrupted while connecting", e);
    }
  }

  // ------------------------------------------------------------------ requests

  /**
   * ACCOUNT_SUMMARY rows for {@code group} and {@code tags}, then the subscription is cancelled.
   */
  public List<AccountSummaryMessage> accountSummary(String group, String tags, Duration timeout) {
    // TWS allows two account-summary subscriptions at once; one at a time is plenty
    return locked(
        accountSummaryLock,
        timeout,
        "account summary",
        () -> {
          int reqId = requestIds.getAndIncrement();
          AccountSummaryCall call = new AccountSummaryCall("REQ_ACCOUNT_SUMMARY reqId=" + reqId);
          calls.put(reqId, call);
          try {
            send(TwsRequests.reqAccountSummary(reqId, group, tags));
            return awaitCall(call, timeout, "ACCOUNT_SUMMARY_END");
          } finally {
            calls.remove(reqId);
            sendQuietly(TwsRequests.cancelAccountSummary(reqId));
          }
        });
  }

  /** Every POSITION of every account up to POSITION_END; then the subscription is cancelled. */
  public List<PositionMessage> positions(Duration timeout) {
    return locked(
        positionsLock,
        timeout,
        "positions",
        () -> {
          PositionsCall call = new PositionsCall("REQ_POSITIONS");
          positionsCall.set(call);
          try {
            send(TwsRequests.reqPositions());
            return awaitCall(call, timeout, "POSITION_END");
          } finally {
            positionsCall.set(null);
            sendQuietly(TwsRequests.cancelPositions());
          }
        });
  }

  /** The open orders of every API client (REQ_ALL_OPEN_ORDERS) with their latest statuses. */
  public OpenOrders allOpenOrders(Duration timeout) {
    return locked(
        openOrdersLock,
        timeout,
        "open orders",
        () -> {
          OpenOrdersCall call = new OpenOrdersCall("REQ_ALL_OPEN_ORDERS");
          openOrdersCall.set(call);
          try {
            send(TwsRequests.reqAllOpenOrders());
            return awaitCall(call, timeout, "OPEN_ORDER_END");
          } finally {
            openOrdersCall.set(null);
          }
        });
  }

  /** EXECUTION_DATA matching {@code filter} up to EXECUTION_DATA_END. */
  public List<ExecutionMessage> executions(ExecutionFilter filter, Duration timeout) {
    int reqId = requestIds.getAndIncrement();
    ExecutionsCall call = new ExecutionsCall("REQ_EXECUTIONS reqId=" + reqId);
    calls.put(reqId, call);
    try {
      send(TwsRequests.reqExecutions(reqId, filter));
      return awaitCall(call, timeout, "EXECUTION_DATA_END");
    } finally {
      calls.remove(reqId);
    }
  }

  /**
   * The commission reports for {@code execIds}, waiting up to {@code grace} for those not yet
   * arrived: TWS may send them after EXECUTION_DATA_END. Missing ones are absent from the map.
   */
  public Map<String, CommissionReportMessage> commissions(
      Collection<String> execIds, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (commissions) {
      while (true) {
        Map<String, CommissionReportMessage> found = new HashMap<>();
        for (String execId : execIds) {
          CommissionReportMessage report = commissions.get(execId);
          if (report != null) {
            found.put(execId, report);
          }
        }
        long waitMillis = remainingMillis(deadline);
        if (found.size() == execIds.size() || waitMillis <= 0 || !isOpen()) {
          return found;
        }
        try {
          commissions.wait(waitMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return found;
        }
      }
    }
  }

  /**
   * CONTRACT_DATA for {@code query} up to CONTRACT_DATA_END. An unknown contract fails with
   * ProviderRejectedException code 200, which also ends the request (TWS sends no END after it).
   */
  public List<ContractDetailsMessage> contractDetails(ContractQuery query, Duration timeout) {
    int reqId = requestIds.getAndIncrement();
    ContractDetailsCall call =
        new ContractDetailsCall("REQ_CONTRACT_DATA reqId=" + reqId + " " + query.describe());
    calls.put(reqId, call);
    try {
      send(TwsRequests.reqContractData(reqId, query));
      return awaitCall(call, timeout, "CONTRACT_DATA_END");
    } finally {
      calls.remove(reqId);
    }
  }

  public List<String> managedAccounts() {
    return managedAccounts.getNow(List.of());
  }

  public int serverVersion() {
    return serverVersion;
  }

  public boolean isOpen() {
    return !ended.isDone();
  }

  /** Why the session ended, or null while it is open. */
  public @Nullable IngestException failure() {
    return ended.getNow(null);
  }

  /** Closes the socket and waits briefly for the reader thread. Idempotent; any thread. */
  @Override
  public void close() {
    closing = true;
    end(new TransportException("ibkr", "the TWS session was closed"));
    if (Thread.currentThread() != reader) {
      try {
        reader.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ------------------------------------------------------------------ plumbing

  private interface Body<T> {
    T run();
  }

  private <T> T locked(ReentrantLock lock, Duration timeout, String what, Body<T> body) {
    try {
      if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TransportException(
            "ibkr", "another " + what + " request is still running after " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("ibkr", "interrupted while waiting to request " + what, e);
    }
    try {
      return body.run();
    } finally {
      lock.unlock();
    }
  }

  private <T> T awaitCall(Call<T> call, Duration timeout, String endMessage) {
    IngestException failure = failure();
    if (failure != null) {
      call.fail(failure);
    }
    try {
      return call.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TransportException(
          "ibkr",
          "TWS request timed out: "
              + call.description
              + " got no "
              + endMessage
              + " within "
              + timeout);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause(), call.description);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("ibkr", "interrupted waiting for " + call.description, e);
    }
  }

  /** A failure raised on the reader thread, re-raised on the caller's with its context. */
  private static IngestException rethrow(Throwable cause, String request) {
    if (cause instanceof DataValidationException e) {
      return e.withContext("ibkr", "request=" + request);
    }
    if (cause instanceof ProviderRejectedException e) {
      return e;
    }
    if (cause instanceof TransportException e) {
      return new TransportException("ibkr", e.getMessage() + " (request=" + request + ")", e);
    }
    if (cause instanceof IngestException e) {
      return e;
    }
    return new TransportException("ibkr", "TWS request failed: " + request, cause);
  }

  private void send(byte[] frame) {
    IngestException failure = failure();
    if (failure != null) {
      throw new TransportException(
          "ibkr", "not connected to TWS: " + failure.getMessage(), failure);
    }
    synchronized (writeLock) {
      try {
        out.write(frame);
        out.flush();
      } catch (IOException e) {
        TransportException lost =
            new TransportException("ibkr", "lost the connection to TWS while sending", e);
        end(lost);
        throw lost;
      }
    }
  }

  private void sendQuietly(byte[] frame) {
    if (isOpen()) {
      try {
        send(frame);
      } catch (TransportException e) {
        log.debug("cancel not sent provider=ibkr reason={}", e.getMessage());
      }
    }
  }

  private void readLoop(FrameReader frames) {
    TwsDecoder decoder = new TwsDecoder(new Dispatcher());
    IngestException why;
    try {
      while (frames.next()) {
        decoder.decode(
            frames.buffer(), frames.payloadStart(), frames.payloadEnd(), frames.payloadOffset());
      }
      ProviderRejectedException notice = fatalNotice;
      why =
          notice != null
              ? notice
              : new TransportException("ibkr", "TWS closed the connection (end of stream)");
    } catch (FrameReader.TruncatedFrameException e) {
      why = TwsDecoder.truncated(e);
    } catch (DataValidationException e) {
      why = e;
    } catch (IOException e) {
      ProviderRejectedException notice = fatalNotice;
      why =
          notice != null
              ? notice
              : new TransportException("ibkr", "lost the connection to TWS: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      why = new TransportException("ibkr", "the TWS reader failed: " + e, e);
    }
    end(why);
  }

  /** Ends the session once: records why, closes the socket, fails whatever is waiting. */
  private void end(IngestException why) {
    if (!ended.complete(why)) {
      return;
    }
    closeQuietly(socket);
    List<Call<?>> waiting = new ArrayList<>(calls.values());
    calls.clear();
    PositionsCall positions = positionsCall.getAndSet(null);
    if (positions != null) {
      waiting.add(positions);
    }
    OpenOrdersCall orders = openOrdersCall.getAndSet(null);
    if (orders != null) {
      waiting.add(orders);
    }
    for (Call<?> call : waiting) {
      call.fail(why);
    }
    synchronized (commissions) {
      commissions.notifyAll();
    }
    if (closing) {
      log.info("session closed provider=ibkr clientId={}", options.clientId());
    } else if (waiting.isEmpty()) {
      // nobody waits to be told: say it here (otherwise the waiting requests throw it)
      log.warn(
          "session ended provider=ibkr clientId={} reason={}",
          options.clientId(),
          why.getMessage());
    } else {
      log.debug(
          "session ended provider=ibkr clientId={} failedRequests={} reason={}",
          options.clientId(),
          waiting.size(),
          why.getMessage());
    }
  }

  private static long remainingMillis(long deadlineNanos) {
    return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("socket close failed provider=ibkr", e);
    }
  }

  /** Routes each decoded message to the call waiting for it. Runs on the reader thread. */
  private final class Dispatcher implements TwsHandler {

    @Override
    public void nextValidId(int orderId) {
      nextValidId.complete(orderId);
    }

    @Override
    public void managedAccounts(String accountsList) {
      List<String> accounts =
          Arrays.stream(accountsList.split(","))
              .map(String::strip)
              .filter(a -> !a.isEmpty())
              .toList();
      managedAccounts.complete(accounts);
    }

    @Override
    public void error(ErrorMessage error) {
      TwsErrors.Kind kind = TwsErrors.classify(error);
      Call<?> call = calls.get(error.id());
      switch (kind) {
        case NOTICE ->
            log.debug(
                "notice provider=ibkr id={} code={} message={}",
                error.id(),
                error.code(),
                error.message());
        case CONNECTIVITY ->
            log.warn(
                "connectivity provider=ibkr code={} message={}", error.code(), error.message());
        case FATAL -> {
          fatalNotice = TwsErrors.rejected(error, "clientId=" + options.clientId());
          log.warn(
              "TWS refused the session provider=ibkr clientId={} code={} message={}",
              options.clientId(),
              error.code(),
              error.message());
        }
        case FAILURE -> {
          if (call != null) {
            call.fail(TwsErrors.rejected(error, "request=" + call.description));
          } else {
            log.warn(
                "TWS error provider=ibkr id={} code={} message={}",
                error.id(),
                error.code(),
                error.message());
          }
        }
      }
    }

    @Override
    public void accountSummary(AccountSummaryMessage message) {
      if (calls.get(message.reqId()) instanceof AccountSummaryCall call) {
        call.add(message);
      }
    }

    @Override
    public void accountSummaryEnd(int reqId) {
      if (calls.get(reqId) instanceof AccountSummaryCall call) {
        call.end();
      }
    }

    @Override
    public void position(PositionMessage message) {
      PositionsCall call = positionsCall.get();
      if (call != null) {
        call.add(message);
      }
    }

    @Override
    public void positionEnd() {
      PositionsCall call = positionsCall.get();
      if (call != null) {
        call.end();
      }
    }

    @Override
    public void openOrder(OpenOrderMessage message) {
      OpenOrdersCall call = openOrdersCall.get();
      if (call != null) {
        call.add(message);
      }
    }

    @Override
    public void orderStatus(OrderStatusMessage message) {
      OpenOrdersCall call = openOrdersCall.get();
      if (call != null) {
        call.add(message);
      }
    }

    @Override
    public void openOrderEnd() {
      OpenOrdersCall call = openOrdersCall.get();
      if (call != null) {
        call.end();
      }
    }

    @Override
    public void execution(ExecutionMessage message) {
      if (calls.get(message.reqId()) instanceof ExecutionsCall call) {
        call.add(message);
      }
    }

    @Override
    public void executionEnd(int reqId) {
      if (calls.get(reqId) instanceof ExecutionsCall call) {
        call.end();
      }
    }

    @Override
    public void commissionReport(CommissionReportMessage message) {
      synchronized (commissions) {
        commissions.put(message.execId(), message);
        commissions.notifyAll();
      }
    }

    @Override
    public void contractDetails(ContractDetailsMessage message) {
      if (calls.get(message.reqId()) instanceof ContractDetailsCall call) {
        call.add(message);
      }
    }

    @Override
    public void contractDetailsEnd(int reqId) {
      if (calls.get(reqId) instanceof ContractDetailsCall call) {
        call.end();
      }
    }
  }
}
