package dev.ingest.testkit.tws;

import dev.ingest.api.Beta;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake TWS / IB Gateway: a real socket server on a loopback port that speaks the TWS API at
 * server version 193 (handshake, START_API, framed NUL-separated fields), so IBKR code can be
 * tested without TWS. Any TWS client can connect to it: this SDK's, IB's own, or another
 * language's.
 *
 * <p>Script it from code with the account's state, which it reports as TWS would: account summary
 * values, positions, orders with their status, executions with commission reports, contract
 * details; change the state between two syncs to move an order from Submitted to Filled.
 *
 * <pre>{@code
 * try (FakeTwsGateway tws = FakeTwsGateway.start()) {
 *   TwsContract aapl = TwsContract.stock(265598, "AAPL", "NASDAQ");
 *   tws.managedAccounts("DU1234567")
 *       .accountValue("DU1234567", "NetLiquidation", "100000.00", "USD")
 *       .position("DU1234567", aapl, "100", "150.25")
 *       .order(TwsOrder.limit(13, 1376327563L, "DU1234567", aapl, "BUY", "100", "196.5"));
 *   // connect your client to 127.0.0.1:tws.port()
 * }
 * }</pre>
 *
 * <p>Or replay a {@link TwsTranscript}; and script the awkward cases: {@link #rejectNext} answers
 * the next request of a kind with an ERR_MSG, {@link #onRequest} replaces the answer (send garbage,
 * send nothing, hang up), {@link #disconnectAll} drops every client, and a second connection with a
 * client id already in use gets error 326 and is closed, as with TWS. {@link #requests()} lists
 * what clients sent; {@link #transcript()} records the whole conversation in replayable form.
 *
 * <p>The frames are written by this class's own small writer, independent of any client's codec.
 * Thread-safe: script it from the test thread while clients are connected. {@link #close()} stops
 * it and drops every connection.
 *
 * @since 0.1
 */
@Beta
public final class FakeTwsGateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FakeTwsGateway.class);

  /** The protocol version this fake speaks by default. */
  public static final int SERVER_VERSION = 193;

  private static final Pattern VERSIONS = Pattern.compile("v(\\d+)(?:\\.\\.(\\d+))?(?: .*)?");

  private final ServerSocket server;
  private final Thread acceptor;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final List<TwsRequest> requests = new CopyOnWriteArrayList<>();
  private final List<TwsTranscript.Line> recorded = new CopyOnWriteArrayList<>();
  private final List<TwsTranscript.Line> script;
  private final boolean[] scriptUsed;
  private volatile boolean closed;

  // the scripted state, guarded by this
  private int serverVersion = SERVER_VERSION;
  private String connectionTime = "20260115 10:30:00 EST";
  private List<String> managedAccounts = List.of("DU1234567");
  private int nextValidId = 1;
  private boolean startupNotices = true;
  private boolean commissionsAfterEnd;
  private Clock clock = Clock.systemUTC();
  private final Map<String, String[]> accountValues = new LinkedHashMap<>();
  private final Map<String, String[]> positions = new LinkedHashMap<>();
  private final Map<String, TwsContract> positionContracts = new HashMap<>();
  private final Map<Long, TwsOrder> orders = new LinkedHashMap<>();
  private final List<TwsExecution> executions = new ArrayList<>();
  private final List<TwsContractDetails> contracts = new ArrayList<>();
  private final Map<Integer, TwsResponder> responders = new HashMap<>();
  private final Map<Integer, Deque<int[]>> rejections = new HashMap<>();
  private final Map<Integer, Deque<String>> rejectionTexts = new HashMap<>();

  private FakeTwsGateway(List<TwsTranscript.Line> script) throws IOException {
    this.script = script;
    this.scriptUsed = new boolean[script.size()];
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "fake-tws-accept-" + server.getLocalPort());
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /** Starts a gateway on a free loopback port, with account {@code DU1234567} and nothing else. */
  public static FakeTwsGateway start() {
    return start(new TwsTranscript(List.of()));
  }

  /** Starts a gateway that replays {@code transcript} (and falls back to its scripted state). */
  public static FakeTwsGateway start(TwsTranscript transcript) {
    try {
      return new FakeTwsGateway(transcript.lines());
    } catch (IOException e) {
      throw new UncheckedIOException("could not open a loopback port for the fake TWS", e);
    }
  }

  /** Always the loopback address. */
  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  public int port() {
    return server.getLocalPort();
  }

  // ------------------------------------------------------------------ scripting: session

  /** The accounts MANAGED_ACCTS lists (default {@code DU1234567}). */
  public synchronized FakeTwsGateway managedAccounts(String... accounts) {
    this.managedAccounts = List.of(accounts);
    return this;
  }

  /** The order id NEXT_VALID_ID announces (default 1). */
  public synchronized FakeTwsGateway nextValidId(int orderId) {
    this.nextValidId = orderId;
    return this;
  }

  /**
   * The highest version this fake claims to speak (default 193). It answers {@code min(client max,
   * this)}, like TWS, so a lower value plays an old TWS; the layouts stay those of 193.
   */
  public synchronized FakeTwsGateway serverVersion(int version) {
    this.serverVersion = version;
    return this;
  }

  /** Whether the farm notices 2104/2106/2158 follow NEXT_VALID_ID at connect (default true). */
  public synchronized FakeTwsGateway startupNotices(boolean send) {
    this.startupNotices = send;
    return this;
  }

  /** Send commission reports after EXECUTION_DATA_END, as TWS may (default: before). */
  public synchronized FakeTwsGateway commissionsAfterEnd(boolean after) {
    this.commissionsAfterEnd = after;
    return this;
  }

  /** The clock CURRENT_TIME reads. */
  public synchronized FakeTwsGateway clock(Clock value) {
    this.clock = value;
    return this;
  }

  // ------------------------------------------------------------------ scripting: state

  /** Sets one account-summary value (replacing the same account, tag and currency). */
  public synchronized FakeTwsGateway accountValue(
      String account, String tag, String value, String currency) {
    accountValues.put(
        account + "|" + tag + "|" + currency, new String[] {account, tag, value, currency});
    return this;
  }

  /** Sets a position (replacing the same account and conId); quantity {@code "0"} is flat. */
  public synchronized FakeTwsGateway position(
      String account, TwsContract contract, String quantity, String avgCost) {
    String key = account + "|" + contract.conId();
    positions.put(key, new String[] {account, quantity, avgCost});
    positionContracts.put(key, contract);
    return this;
  }

  /** Removes a position: TWS stops reporting it. */
  public synchronized FakeTwsGateway removePosition(String account, int conId) {
    positions.remove(account + "|" + conId);
    positionContracts.remove(account + "|" + conId);
    return this;
  }

  /** Adds or replaces (by permId) an order, reported by the open-order requests. */
  public synchronized FakeTwsGateway order(TwsOrder order) {
    orders.put(order.permId(), order);
    return this;
  }

  /** Removes an order: TWS no longer lists it. */
  public synchronized FakeTwsGateway removeOrder(long permId) {
    orders.remove(permId);
    return this;
  }

  /** Adds a fill (a correction is another fill with the same id prefix). */
  public synchronized FakeTwsGateway execution(TwsExecution execution) {
    executions.add(execution);
    return this;
  }

  /** Adds contract details, answered to REQ_CONTRACT_DATA queries that match them. */
  public synchronized FakeTwsGateway contract(TwsContractDetails details) {
    contracts.add(details);
    return this;
  }

  /**
   * Answers the next request with outgoing id {@code requestMessageId} (62 account summary, 61
   * positions, 16 all open orders, 7 executions, 9 contract details) with ERR_MSG {@code code} for
   * its request id, and nothing else.
   */
  public synchronized FakeTwsGateway rejectNext(int requestMessageId, int code, String message) {
    rejections.computeIfAbsent(requestMessageId, k -> new ArrayDeque<>()).add(new int[] {code});
    rejectionTexts.computeIfAbsent(requestMessageId, k -> new ArrayDeque<>()).add(message);
    return this;
  }

  /** Answers every request with this outgoing id through {@code responder} instead. */
  public synchronized FakeTwsGateway onRequest(int requestMessageId, TwsResponder responder) {
    responders.put(requestMessageId, responder);
    return this;
  }

  /** Never answers requests with this outgoing id, as a stuck TWS would not. */
  public FakeTwsGateway silence(int requestMessageId) {
    return onRequest(requestMessageId, (request, session) -> {});
  }

  /** Goes back to answering this kind of request from the scripted state. */
  public synchronized FakeTwsGateway answerNormally(int requestMessageId) {
    responders.remove(requestMessageId);
    return this;
  }

  // ------------------------------------------------------------------ observation

  /** Every message clients sent after START_API, in arrival order. */
  public List<TwsRequest> requests() {
    return List.copyOf(requests);
  }

  /** The messages with this outgoing id. */
  public List<TwsRequest> requests(int messageId) {
    return requests.stream().filter(r -> r.messageId() == messageId).toList();
  }

  /** The conversation so far as a replayable transcript (all connections, in order). */
  public TwsTranscript transcript() {
    return new TwsTranscript(List.copyOf(recorded));
  }

  /** How many clients are connected now. */
  public int connectedClients() {
    return connections.size();
  }

  /** Closes every client connection (the gateway keeps listening). */
  public void disconnectAll() {
    for (Connection c : List.copyOf(connections)) {
      c.disconnect();
    }
  }

  /** Stops listening and drops every client. Idempotent. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      log.debug("fake TWS server socket close failed", e);
    }
    disconnectAll();
    try {
      acceptor.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FakeTwsGateway[127.0.0.1:" + port() + "]";
  }

  // ------------------------------------------------------------------ server

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        Connection connection = new Connection(socket);
        Thread thread = new Thread(connection::run, "fake-tws-client-" + socket.getPort());
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        if (!closed) {
          log.warn("fake TWS accept failed", e);
        }
      }
    }
  }

  /** One client's socket: handshake, then request by request. */
  private final class Connection implements GatewaySession {
    private final Socket socket;
    private final Object writeLock = new Object();
    private volatile int clientId = -1;

    Connection(Socket socket) {
      this.socket = socket;
    }

    @Override
    public int clientId() {
      return clientId;
    }

    void run() {
      try (socket) {
        socket.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        if (!handshake(in)) {
          return;
        }
        while (!closed) {
          List<String> fields = readFrame(in);
          if (fields == null) {
            return;
          }
          TwsRequest request = new TwsRequest(clientId, fields);
          requests.add(request);
          recorded.add(new TwsTranscript.Expect(fields));
          answer(request, this);
        }
      } catch (SocketException | EOFException e) {
        log.debug("fake TWS client gone clientId={} reason={}", clientId, e.getMessage());
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          log.warn("fake TWS client failed clientId={}", clientId, e);
        }
      } finally {
        connections.remove(this);
      }
    }

    private boolean handshake(DataInputStream in) throws IOException {
      byte[] prefix = new byte[4];
      in.readFully(prefix);
      if (!Arrays.equals(prefix, new byte[] {'A', 'P', 'I', 0})) {
        log.warn("fake TWS: client did not start with API\\0");
        return false;
      }
      int length = in.readInt();
      if (length <= 0 || length > 1024) {
        return false;
      }
      byte[] text = new byte[length];
      in.readFully(text);
      Matcher m = VERSIONS.matcher(new String(text, StandardCharsets.US_ASCII));
      if (!m.matches()) {
        log.warn("fake TWS: bad version range {}", new String(text, StandardCharsets.US_ASCII));
        return false;
      }
      int min = Integer.parseInt(m.group(1));
      int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
      int version;
      String time;
      synchronized (FakeTwsGateway.this) {
        version = Math.min(max, serverVersion);
        time = connectionTime;
      }
      if (version < min) {
        return false; // TWS is assumed to hang up (reference §8)
      }
      // the version answer belongs to the handshake, not to the replayable conversation
      write(FrameWriter.frame(GatewayMessages.serverVersion(version, time)));
      List<String> start = readFrame(in);
      if (start == null || !start.get(0).equals("71") || start.size() < 3) {
        log.warn("fake TWS: expected START_API, got {}", start);
        return false;
      }
      int id = Integer.parseInt(start.get(2));
      synchronized (connections) {
        boolean inUse = connections.stream().anyMatch(c -> c.clientId == id);
        if (inUse) {
          send(
              GatewayMessages.error(
                  -1,
                  326,
                  "Unable to connect as the client id is already in use. Retry with a unique"
                      + " client id."));
          return false;
        }
        clientId = id;
        connections.add(this);
      }
      recorded.add(new TwsTranscript.Expect(start));
      greet();
      return true;
    }

    private void greet() {
      // a hand-written greeting precedes the first C: line; a recorded one follows C: 71|...
      List<TwsTranscript.Line> greeting = new ArrayList<>();
      int from = 0;
      if (!script.isEmpty()
          && script.get(0) instanceof TwsTranscript.Expect first
          && first.pattern().get(0).equals("71")) {
        from = 1;
      }
      for (int i = from; i < script.size(); i++) {
        TwsTranscript.Line line = script.get(i);
        if (line instanceof TwsTranscript.Expect) {
          break;
        }
        greeting.add(line);
      }
      if (!greeting.isEmpty()) {
        play(greeting, List.of());
        return;
      }
      List<String> accounts;
      int orderId;
      boolean notices;
      synchronized (FakeTwsGateway.this) {
        accounts = managedAccounts;
        orderId = nextValidId;
        notices = startupNotices;
      }
      // order seen in a real capture: 15, then 9, then the farm notices
      send(GatewayMessages.managedAccounts(accounts));
      send(GatewayMessages.nextValidId(orderId));
      if (notices) {
        send(GatewayMessages.error(-1, 2104, "Market data farm connection is OK:usfarm"));
        send(GatewayMessages.error(-1, 2106, "HMDS data farm connection is OK:ushmds"));
        send(GatewayMessages.error(-1, 2158, "Sec-def data farm connection is OK:secdefnj"));
      }
    }

    void play(List<TwsTranscript.Line> lines, List<String> request) {
      for (TwsTranscript.Line line : lines) {
        if (line instanceof TwsTranscript.Send s) {
          List<String> fields = new ArrayList<>(s.fields().size());
          for (String f : s.fields()) {
            fields.add(substitute(f, request));
          }
          send(fields);
        } else if (line instanceof TwsTranscript.Raw r) {
          sendRaw(r.bytes());
        } else if (line instanceof TwsTranscript.Disconnect) {
          disconnect();
        }
      }
    }

    private String substitute(String field, List<String> request) {
      if (field.length() > 1
          && field.charAt(0) == '$'
          && field.substring(1).chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(field.substring(1));
        return index < request.size() ? request.get(index) : "";
      }
      return field;
    }

    @Override
    public void send(List<String> fields) {
      recorded.add(new TwsTranscript.Send(fields));
      write(FrameWriter.frame(fields));
    }

    @Override
    public void send(String pipeText) {
      send(FrameWriter.fields(pipeText));
    }

    @Override
    public void sendRaw(byte[] bytes) {
      recorded.add(new TwsTranscript.Raw(bytes));
      write(bytes);
    }

    private void write(byte[] bytes) {
      synchronized (writeLock) {
        try {
          OutputStream out = socket.getOutputStream();
          out.write(bytes);
          out.flush();
        } catch (IOException e) {
          log.debug("fake TWS write failed clientId={} reason={}", clientId, e.getMessage());
        }
      }
    }

    @Override
    public void disconnect() {
      try {
        socket.close();
      } catch (IOException e) {
        log.debug("fake TWS close failed", e);
      }
      connections.remove(this);
    }
  }

  private static @Nullable List<String> readFrame(DataInputStream in) throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (length <= 0 || length > 0xFFFFFF) {
      throw new IOException("client frame of absurd length " + length);
    }
    byte[] payload = new byte[length];
    in.readFully(payload);
    String text = new String(payload, StandardCharsets.UTF_8);
    if (!text.endsWith("\0")) {
      throw new IOException("client frame does not end with NUL");
    }
    return List.of(text.substring(0, text.length() - 1).split("\0", -1));
  }

  // ------------------------------------------------------------------ answers

  private void answer(TwsRequest request, Connection session) {
    List<TwsTranscript.Line> scripted = scriptedAnswer(request);
    if (scripted != null) {
      session.play(scripted, request.fields());
      return;
    }
    TwsResponder responder;
    int[] rejection;
    String rejectionText;
    synchronized (this) {
      responder = responders.get(request.messageId());
      Deque<int[]> queue = rejections.get(request.messageId());
      rejection = queue == null ? null : queue.poll();
      rejectionText = rejection == null ? null : rejectionTexts.get(request.messageId()).poll();
    }
    if (responder != null) {
      responder.respond(request, session);
      return;
    }
    if (rejection != null) {
      session.send(GatewayMessages.error(request.requestId(), rejection[0], rejectionText));
      return;
    }
    List<List<String>> frames;
    synchronized (this) {
      frames = fromState(request);
    }
    for (List<String> frame : frames) {
      session.send(frame);
    }
  }

  /** The lines after the first unused {@code C:} line this request matches, or null. */
  private @Nullable List<TwsTranscript.Line> scriptedAnswer(TwsRequest request) {
    synchronized (scriptUsed) {
      for (int i = 0; i < script.size(); i++) {
        if (!scriptUsed[i]
            && script.get(i) instanceof TwsTranscript.Expect expect
            && expect.matches(request.fields())) {
          scriptUsed[i] = true;
          List<TwsTranscript.Line> answer = new ArrayList<>();
          for (int j = i + 1;
              j < script.size() && !(script.get(j) instanceof TwsTranscript.Expect);
              j++) {
            answer.add(script.get(j));
          }
          return answer;
        }
      }
      return null;
    }
  }

  /** What TWS would answer from the scripted state. Called holding this. */
  private List<List<String>> fromState(TwsRequest r) {
    List<List<String>> out = new ArrayList<>();
    switch (r.messageId()) {
      case 8 -> out.add(GatewayMessages.nextValidId(nextValidId));
      case 17 -> out.add(GatewayMessages.managedAccounts(managedAccounts));
      case 49 -> out.add(GatewayMessages.currentTime(clock.instant().getEpochSecond()));
      case 61 -> {
        positions.forEach(
            (key, p) ->
                out.add(GatewayMessages.position(p[0], positionContracts.get(key), p[1], p[2])));
        out.add(GatewayMessages.positionEnd());
      }
      case 62 -> {
        int reqId = r.intField(2);
        List<String> tags = List.of(r.field(4).split(","));
        for (String[] v : accountValues.values()) {
          if (tags.contains(v[1])) {
            out.add(GatewayMessages.accountSummary(reqId, v[0], v[1], v[2], v[3]));
          }
        }
        out.add(GatewayMessages.accountSummaryEnd(reqId));
      }
      case 5, 16 -> {
        for (TwsOrder o : orders.values()) {
          if (r.messageId() == 16 || o.clientId() == r.clientId()) {
            out.add(GatewayMessages.openOrder(o));
            out.add(GatewayMessages.orderStatus(o));
          }
        }
        out.add(GatewayMessages.openOrderEnd());
      }
      case 7 -> {
        int reqId = r.intField(2);
        List<TwsExecution> matching = executions.stream().filter(x -> matches(r, x)).toList();
        for (TwsExecution x : matching) {
          out.add(GatewayMessages.execution(reqId, x));
          if (x.commission() != null && !commissionsAfterEnd) {
            out.add(GatewayMessages.commissionReport(x));
          }
        }
        out.add(GatewayMessages.executionEnd(reqId));
        if (commissionsAfterEnd) {
          matching.stream()
              .filter(x -> x.commission() != null)
              .forEach(x -> out.add(GatewayMessages.commissionReport(x)));
        }
      }
      case 9 -> {
        int reqId = r.intField(2);
        List<TwsContractDetails> found = contracts.stream().filter(d -> matches(r, d)).toList();
        if (found.isEmpty()) {
          out.add(
              GatewayMessages.error(
                  reqId, 200, "No security definition has been found for the request"));
        } else {
          found.forEach(d -> out.add(GatewayMessages.contractData(reqId, d)));
          out.add(GatewayMessages.contractDataEnd(reqId));
        }
      }
      default -> log.debug("fake TWS ignores {}", r);
    }
    return out;
  }

  /**
   * The execution filter of REQ_EXECUTIONS: client, account, time, symbol, secType, exchange, side.
   */
  private static boolean matches(TwsRequest r, TwsExecution x) {
    int client = r.intField(3);
    String account = r.field(4);
    String time = r.field(5);
    String side = r.field(9);
    return (client == 0 || client == x.clientId())
        && (account.isEmpty() || account.equals(x.account()))
        && (time.isEmpty() || !instant(x.time()).isBefore(instant(time)))
        && (r.field(6).isEmpty() || r.field(6).equals(x.contract().symbol()))
        && (r.field(7).isEmpty() || r.field(7).equals(x.contract().secType()))
        && (r.field(8).isEmpty() || r.field(8).equals(x.exchange()))
        && (side.isEmpty() || side.equals(x.side().equals("BOT") ? "BUY" : "SELL"));
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

  /** {@code 20260413 15:27:04 US/Eastern}, {@code 20260413-15:27:04} (UTC). */
  static Instant instant(String text) {
    String t = text.strip();
    if (t.length() >= 17 && t.charAt(8) == '-') {
      return LocalDateTime.parse(t.substring(0, 17).replace('-', ' '), TIME)
          .toInstant(ZoneOffset.UTC);
    }
    String[] parts = t.split("\\s+", 3);
    LocalDateTime local = LocalDateTime.parse(parts[0] + " " + parts[1], TIME);
    ZoneId zone = parts.length > 2 ? ZoneId.of(parts[2], ZoneId.SHORT_IDS) : ZoneOffset.UTC;
    return local.atZone(zone).toInstant();
  }

  /** REQ_CONTRACT_DATA: a conId names one contract; otherwise every field given must match. */
  private static boolean matches(TwsRequest r, TwsContractDetails d) {
    TwsContract c = d.contract();
    int conId = r.intField(3);
    if (conId != 0) {
      return conId == c.conId();
    }
    String expiry = r.field(6);
    String strike = r.field(7);
    String right = r.field(8);
    String exchange = r.field(10);
    return given(r.field(4), c.symbol())
        && given(r.field(5), c.secType())
        && (expiry.isEmpty()
            || c.lastTradeDateOrContractMonth().startsWith(expiry)
            || d.contractMonth().equals(expiry))
        && (strike.isEmpty() || new BigDecimal(strike).compareTo(new BigDecimal(c.strike())) == 0)
        && (right.isEmpty() || right.charAt(0) == c.right().charAt(0))
        && given(r.field(9), c.multiplier())
        && (exchange.isEmpty()
            || exchange.equals(c.exchange())
            || Arrays.asList(d.validExchanges().split(",")).contains(exchange))
        && given(r.field(11), c.primaryExch())
        && given(r.field(12), c.currency())
        && given(r.field(13), c.localSymbol())
        && given(r.field(14), c.tradingClass());
  }

  private static boolean given(String wanted, String actual) {
    return wanted.isEmpty() || wanted.equals(actual);
  }
}
