package dev.ingest.alpaca.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ingest.alpaca.AlpacaConfig;
import dev.ingest.alpaca.SyntheticActivityId;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.config.Secret;
import dev.ingest.api.model.AccountId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A scripted Alpaca paper account on a real local server (OkHttp's MockWebServer): the REST
 * endpoints the ingester uses, answered from the account's true state, and the {@code
 * trade_updates} WebSocket, which pushes events only while a client is authenticated and listening,
 * as Alpaca does (no replay). Tests change the account with {@link #submit}, {@link #fill}, {@link
 * #cancel} and {@link #dividend}, and cut the stream with {@link #cutStream()}.
 *
 * <p>REST renders times in microseconds with {@code Z}; the stream in nanoseconds with New York
 * offsets, like Alpaca's documented sample. By default the REST id of a fill is its synthetic id
 * ({@code YYYYMMDDHHMMSSmmm::execution_id}); {@link #breakSyntheticIdHypothesis()} makes REST use
 * another uuid and a transaction time one millisecond off the stream's timestamp.
 */
public final class FakeAlpaca implements AutoCloseable {
  public static final AccountId ACCOUNT = AccountId.of("PA2XNN7L2QU0");
  public static final String KEY_ID = "PKFAKEKEY0000001";
  public static final String SECRET = "fake-secret-never-logged";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINAL = Set.of("filled", "canceled", "expired", "rejected");
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter NANOS_NY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx")
          .withZone(SyntheticActivityId.NEW_YORK);

  private final MockWebServer server = new MockWebServer();
  private final MockWebServer streamServer = new MockWebServer();
  private final List<java.net.Socket> streamSockets = new CopyOnWriteArrayList<>();
  private final TestClock clock;
  private final java.util.Random random;

  // truth, guarded by this
  private final Map<String, SimOrder> orders = new LinkedHashMap<>();
  private final List<SimActivity> activities = new ArrayList<>();
  private boolean hypothesisHolds = true;
  private boolean acceptKeys = true;
  private final Deque<MockResponse> upgradeAnswers = new ArrayDeque<>();
  private final Deque<MockResponse> restAnswers = new ArrayDeque<>();

  // stream
  private volatile @Nullable Conn listening;
  private volatile boolean binaryFrames;
  public final AtomicInteger upgrades = new AtomicInteger();
  public final AtomicInteger authAttempts = new AtomicInteger();
  public final AtomicInteger restRequests = new AtomicInteger();
  public final List<HttpUrl> restCalls = new CopyOnWriteArrayList<>();
  public final AtomicInteger eventsSent = new AtomicInteger();

  public FakeAlpaca(TestClock clock, long seed) {
    this.clock = clock;
    this.random = new java.util.Random(seed);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FakeAlpaca.this.dispatch(request);
          }
        });
    streamServer.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FakeAlpaca.this.upgrade();
          }
        });
    // Nagle's algorithm against delayed ACKs costs ~40 ms a response on loopback: turn it off
    server.setServerSocketFactory(new TrackingServerSocketFactory(null));
    streamServer.setServerSocketFactory(new TrackingServerSocketFactory(streamSockets));
    try {
      server.start();
      streamServer.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public AlpacaConfig config() {
    return config(KEY_ID);
  }

  public AlpacaConfig config(String keyId) {
    HttpUrl base = server.url("/");
    HttpUrl stream = streamServer.url("/stream");
    return new AlpacaConfig(
        ACCOUNT,
        URI.create(base.toString()),
        URI.create("ws://" + stream.host() + ":" + stream.port() + "/stream"),
        Secret.of(keyId),
        Secret.of(SECRET),
        new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(4), 2.0),
        Duration.ofSeconds(10));
  }

  // ---- knobs ------------------------------------------------------------------------------

  public synchronized void breakSyntheticIdHypothesis() {
    hypothesisHolds = false;
  }

  private boolean refuseTypeLists;

  /** {@code activity_types=} lists are refused with 422, as for a type Alpaca does not know. */
  public synchronized void refuseActivityTypeLists() {
    refuseTypeLists = true;
  }

  /** Every key is refused from now on: 401 over REST, {@code unauthorized} on the stream. */
  public synchronized void expireKeys() {
    acceptKeys = false;
  }

  public void binaryFrames(boolean binary) {
    binaryFrames = binary;
  }

  /** The next WebSocket upgrade is answered with {@code response} instead. */
  public synchronized void answerNextUpgrade(MockResponse response) {
    upgradeAnswers.add(response);
  }

  /** The next REST request is answered with {@code response} instead. */
  public synchronized void answerNextRest(MockResponse response) {
    restAnswers.add(response);
  }

  // ---- the account ------------------------------------------------------------------------

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** A new order; returns its id. The stream hears {@code new}. */
  public synchronized String submit(String symbol, String side, BigDecimal qty, String tif) {
    SimOrder o = new SimOrder();
    o.id = uuid();
    o.clientOrderId = "client-" + o.id.substring(0, 8);
    o.symbol = symbol;
    o.side = side;
    o.qty = qty;
    o.tif = tif;
    o.limitPrice = new BigDecimal(100 + random.nextInt(100)).setScale(2, RoundingMode.UNNECESSARY);
    o.submittedAt = now();
    o.createdAt = o.submittedAt;
    o.updatedAt = o.submittedAt;
    o.status = "new";
    orders.put(o.id, o);
    emit(event("new", o, uuid(), o.updatedAt, null, null));
    return o.id;
  }

  /** An execution of {@code qty} at {@code price}; the stream hears partial_fill or fill. */
  public synchronized void fill(String orderId, BigDecimal qty, BigDecimal price) {
    SimOrder o = orders.get(orderId);
    Instant at = bump(o);
    BigDecimal before = o.filledQty;
    o.filledQty = o.filledQty.add(qty);
    BigDecimal notional =
        (o.avgPrice == null ? BigDecimal.ZERO : o.avgPrice.multiply(before))
            .add(price.multiply(qty));
    o.avgPrice = notional.divide(o.filledQty, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    boolean complete = o.filledQty.compareTo(o.qty) >= 0;
    o.status = complete ? "filled" : "partially_filled";
    if (complete) {
      o.filledAt = at;
    }
    String executionId = uuid();
    SimActivity fill = new SimActivity();
    fill.transactionTime = hypothesisHolds ? at : at.minusMillis(1);
    fill.id = SyntheticActivityId.of(fill.transactionTime, hypothesisHolds ? executionId : uuid());
    fill.type = "FILL";
    fill.fillType = complete ? "fill" : "partial_fill";
    fill.order = o;
    fill.qty = qty;
    fill.price = price;
    fill.cumQty = o.filledQty;
    fill.leavesQty = o.qty.subtract(o.filledQty);
    fill.orderStatus = o.status;
    activities.add(fill);
    emit(event(fill.fillType, o, executionId, at, qty, price));
  }

  public synchronized void cancel(String orderId) {
    SimOrder o = orders.get(orderId);
    Instant at = bump(o);
    o.status = "canceled";
    o.canceledAt = at;
    emit(event("canceled", o, uuid(), at, null, null));
  }

  /** A dividend: REST only, the stream never carries cash activities. */
  public synchronized void dividend(String symbol, BigDecimal amount) {
    SimActivity div = new SimActivity();
    div.type = "DIV";
    div.date = clock.instant().atZone(SyntheticActivityId.NEW_YORK).toLocalDate();
    div.transactionTime = div.date.atStartOfDay(SyntheticActivityId.NEW_YORK).toInstant();
    div.id = SyntheticActivityId.prefix(div.transactionTime) + "::" + uuid();
    div.symbol = symbol;
    div.netAmount = amount;
    activities.add(div);
  }

  private Instant bump(SimOrder o) {
    Instant at = now();
    if (!at.isAfter(o.updatedAt)) {
      at = o.updatedAt.plus(1, ChronoUnit.MICROS);
    }
    o.updatedAt = at;
    return at;
  }

  public synchronized List<String> openOrderIds() {
    return orders.values().stream().filter(o -> !FINAL.contains(o.status)).map(o -> o.id).toList();
  }

  public synchronized @Nullable BigDecimal remaining(String orderId) {
    SimOrder o = orders.get(orderId);
    return o.qty.subtract(o.filledQty);
  }

  /** The truth: every order's id, status and update time. */
  public synchronized Map<String, String> orderStates() {
    Map<String, String> states = new LinkedHashMap<>();
    orders.values().forEach(o -> states.put(o.id, o.status + "@" + o.updatedAt));
    return states;
  }

  /** The truth: every activity id REST reports. */
  public synchronized List<String> activityIds() {
    return activities.stream().map(a -> a.id).sorted().toList();
  }

  /** The truth: each fill as {@code order cum_qty qty}. */
  public synchronized List<String> fillKeys() {
    return activities.stream()
        .filter(a -> a.type.equals("FILL"))
        .map(
            a ->
                a.order.id
                    + " "
                    + a.cumQty.stripTrailingZeros().toPlainString()
                    + " "
                    + a.qty.stripTrailingZeros().toPlainString())
        .sorted()
        .toList();
  }

  public synchronized int fillCount() {
    return (int) activities.stream().filter(a -> a.type.equals("FILL")).count();
  }

  // ---- stream -----------------------------------------------------------------------------

  /** The frame of the last event, to send again or out of order. */
  private volatile @Nullable String lastFrame;

  public @Nullable String lastFrame() {
    return lastFrame;
  }

  private volatile boolean held;
  private final List<String> heldFrames = new CopyOnWriteArrayList<>();

  /** While held, events are kept back (see {@link #heldFrames()}) instead of sent. */
  public void holdEvents(boolean hold) {
    held = hold;
  }

  /** The events kept back while held, oldest first; cleared by the call. */
  public List<String> heldFrames() {
    List<String> frames = List.copyOf(heldFrames);
    heldFrames.clear();
    return frames;
  }

  private void emit(String frame) {
    lastFrame = frame;
    if (held) {
      heldFrames.add(frame);
    } else {
      send(frame);
    }
  }

  /** A fill the stream reports and REST never will: what a broken hypothesis looks like. */
  public synchronized String phantomFill(String orderId, BigDecimal qty, BigDecimal price) {
    SimOrder o = orders.get(orderId);
    String frame = event("partial_fill", copyWithFill(o, qty), uuid(), now(), qty, price);
    send(frame);
    return frame;
  }

  private static SimOrder copyWithFill(SimOrder o, BigDecimal qty) {
    SimOrder copy = new SimOrder();
    copy.id = o.id;
    copy.clientOrderId = o.clientOrderId;
    copy.symbol = o.symbol;
    copy.side = o.side;
    copy.tif = o.tif;
    copy.qty = o.qty;
    copy.filledQty = o.filledQty.add(qty);
    copy.limitPrice = o.limitPrice;
    copy.status = "partially_filled";
    copy.createdAt = o.createdAt;
    copy.submittedAt = o.submittedAt;
    copy.updatedAt = o.updatedAt;
    return copy;
  }

  /** Sends a raw frame to the listening client; false when none listens (the event is lost). */
  public boolean send(String frame) {
    Conn c = listening;
    if (c == null || !c.listening) {
      return false;
    }
    boolean queued = binaryFrames ? c.ws.send(ByteString.encodeUtf8(frame)) : c.ws.send(frame);
    if (queued) {
      eventsSent.incrementAndGet();
    }
    return queued;
  }

  public boolean isListening() {
    Conn c = listening;
    return c != null && c.listening;
  }

  /** Drops the stream's TCP connection as a network failure would (no close handshake). */
  public void cutStream() {
    Conn c = listening;
    listening = null;
    if (c != null) {
      c.listening = false;
    }
    for (java.net.Socket socket : streamSockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    streamSockets.clear();
  }

  /** Closes the socket politely from the server side. */
  public void closeStream(int code) {
    Conn c = listening;
    listening = null;
    if (c != null) {
      c.listening = false;
      c.ws.close(code, "server going away");
    }
  }

  private final class Conn extends WebSocketListener {
    volatile WebSocket ws;
    volatile boolean authed;
    volatile boolean listening;

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      ws = webSocket;
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      JsonNode msg;
      try {
        msg = JSON.readTree(text);
      } catch (IOException e) {
        return;
      }
      String action = msg.path("action").asText();
      if (action.equals("authenticate")) {
        authAttempts.incrementAndGet();
        JsonNode data = msg.path("data");
        boolean ok;
        synchronized (FakeAlpaca.this) {
          ok =
              acceptKeys
                  && KEY_ID.equals(data.path("key_id").asText())
                  && SECRET.equals(data.path("secret_key").asText());
        }
        authed = ok;
        webSocket.send(
            "{\"stream\":\"authorization\",\"data\":{\"status\":\""
                + (ok ? "authorized" : "unauthorized")
                + "\",\"action\":\"authenticate\"}}");
      } else if (action.equals("listen")) {
        if (!authed) {
          webSocket.send(
              "{\"stream\":\"authorization\",\"data\":{\"status\":\"unauthorized\",\"action\":\"listen\"}}");
          return;
        }
        Conn previous = FakeAlpaca.this.listening;
        if (previous != null && previous != this) {
          // one socket per account: the newer one wins
          previous.listening = false;
          previous.ws.close(1008, "another connection");
        }
        // events flow from the moment Alpaca registers the listen; the ack may trail them
        listening = true;
        FakeAlpaca.this.listening = this;
        webSocket.send("{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}");
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      listening = false;
      webSocket.close(1000, null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, @Nullable Response response) {
      listening = false;
    }
  }

  // ---- HTTP -------------------------------------------------------------------------------

  private MockResponse upgrade() {
    upgrades.incrementAndGet();
    synchronized (this) {
      if (!upgradeAnswers.isEmpty()) {
        return upgradeAnswers.poll();
      }
    }
    return new MockResponse.Builder().webSocketUpgrade(new Conn()).build();
  }

  private MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    restRequests.incrementAndGet();
    restCalls.add(url);
    synchronized (this) {
      if (!restAnswers.isEmpty()) {
        return restAnswers.poll();
      }
      if (!acceptKeys
          || !KEY_ID.equals(request.getHeaders().get("APCA-API-KEY-ID"))
          || !SECRET.equals(request.getHeaders().get("APCA-API-SECRET-KEY"))) {
        return json(
            401,
            "{\"code\":40110000,\"message\":\"access key verification failed : verification failure\"}");
      }
      if (path.equals("/v2/account")) {
        return json(
            200,
            "{\"id\":\"27102f1a-1bf0-4a2b-be65-aac7868edb41\",\"account_number\":\""
                + ACCOUNT
                + "\",\"status\":\"ACTIVE\",\"currency\":\"USD\",\"cash\":\"100000\","
                + "\"equity\":\"100000\",\"buying_power\":\"400000\"}");
      }
      if (path.equals("/v2/orders")) {
        return json(200, listOrders(url));
      }
      if (path.startsWith("/v2/orders/")) {
        SimOrder o = orders.get(path.substring("/v2/orders/".length()));
        return o == null
            ? json(404, "{\"code\":40410000,\"message\":\"order not found for " + path + "\"}")
            : json(200, restOrder(o).toString());
      }
      if (path.startsWith("/v2/account/activities")
          && refuseTypeLists
          && url.queryParameter("activity_types") != null) {
        return json(422, "{\"code\":40010001,\"message\":\"invalid activity type: TRANS\"}");
      }
      if (path.startsWith("/v2/account/activities")) {
        return json(200, listActivities(url, path));
      }
      return json(404, "{\"code\":40410000,\"message\":\"endpoint not found\"}");
    }
  }

  private String listOrders(HttpUrl url) {
    String status = url.queryParameter("status") == null ? "open" : url.queryParameter("status");
    Instant after =
        url.queryParameter("after") == null ? null : Instant.parse(url.queryParameter("after"));
    int limit =
        url.queryParameter("limit") == null ? 50 : Integer.parseInt(url.queryParameter("limit"));
    ArrayNode out = JSON.createArrayNode();
    orders.values().stream()
        .filter(
            o ->
                switch (status) {
                  case "open" -> !FINAL.contains(o.status);
                  case "closed" -> FINAL.contains(o.status);
                  default -> true;
                })
        .filter(o -> after == null || o.submittedAt.isAfter(after))
        .sorted(Comparator.comparing((SimOrder o) -> o.submittedAt).thenComparing(o -> o.id))
        .limit(limit)
        .forEach(o -> out.add(restOrder(o)));
    return out.toString();
  }

  private String listActivities(HttpUrl url, String path) {
    String type =
        path.length() > "/v2/account/activities/".length()
            ? path.substring("/v2/account/activities/".length())
            : null;
    Instant after =
        url.queryParameter("after") == null ? null : Instant.parse(url.queryParameter("after"));
    String token = url.queryParameter("page_token");
    int size =
        url.queryParameter("page_size") == null
            ? 100
            : Integer.parseInt(url.queryParameter("page_size"));
    String types = url.queryParameter("activity_types");
    ArrayNode out = JSON.createArrayNode();
    activities.stream()
        .filter(a -> type == null || a.type.equals(type))
        .filter(a -> types == null || List.of(types.split(",")).contains(a.type))
        .filter(a -> after == null || !a.transactionTime.isBefore(after))
        .sorted(Comparator.comparing(a -> a.id))
        .filter(a -> token == null || a.id.compareTo(token) > 0)
        .limit(size)
        .forEach(a -> out.add(restActivity(a)));
    return out.toString();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  // ---- rendering --------------------------------------------------------------------------

  private static ObjectNode restOrder(SimOrder o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", o.id);
    n.put("client_order_id", o.clientOrderId);
    n.put("created_at", MICROS.format(o.createdAt));
    n.put("updated_at", MICROS.format(o.updatedAt));
    n.put("submitted_at", MICROS.format(o.submittedAt));
    orderRest(n, o, MICROS);
    return n;
  }

  private static void orderRest(ObjectNode n, SimOrder o, DateTimeFormatter times) {
    n.put("filled_at", o.filledAt == null ? null : times.format(o.filledAt));
    n.putNull("expired_at");
    n.put("canceled_at", o.canceledAt == null ? null : times.format(o.canceledAt));
    n.putNull("failed_at");
    n.putNull("replaced_at");
    n.putNull("replaced_by");
    n.putNull("replaces");
    n.put("asset_id", "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415");
    n.put("symbol", o.symbol);
    n.put("asset_class", "us_equity");
    n.putNull("notional");
    n.put("qty", o.qty.toPlainString());
    n.put("filled_qty", o.filledQty.toPlainString());
    n.put("filled_avg_price", o.avgPrice == null ? null : o.avgPrice.toPlainString());
    n.put("order_class", "");
    n.put("order_type", "limit");
    n.put("type", "limit");
    n.put("side", o.side);
    n.put("time_in_force", o.tif);
    n.put("limit_price", o.limitPrice.toPlainString());
    n.putNull("stop_price");
    n.put("status", o.status);
    n.put("extended_hours", false);
    n.putNull("legs");
  }

  private static ObjectNode restActivity(SimActivity a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", a.id);
    n.put("activity_type", a.type);
    if (a.type.equals("FILL")) {
      n.put("transaction_time", MICROS.format(a.transactionTime));
      n.put("type", a.fillType);
      n.put("price", a.price.toPlainString());
      n.put("qty", a.qty.toPlainString());
      n.put("side", a.order.side);
      n.put("symbol", a.order.symbol);
      n.put("leaves_qty", a.leavesQty.toPlainString());
      n.put("order_id", a.order.id);
      n.put("cum_qty", a.cumQty.toPlainString());
      n.put("order_status", a.orderStatus);
    } else {
      n.put("date", a.date.toString());
      n.put("net_amount", a.netAmount.toPlainString());
      n.put("symbol", a.symbol);
      n.put("description", "");
      n.put("status", "executed");
    }
    return n;
  }

  private String event(
      String event,
      SimOrder o,
      String executionId,
      Instant at,
      @Nullable BigDecimal qty,
      @Nullable BigDecimal price) {
    ObjectNode data = JSON.createObjectNode();
    data.put("event", event);
    data.put("execution_id", executionId);
    ObjectNode order = data.putObject("order");
    order.put("id", o.id);
    order.put("client_order_id", o.clientOrderId);
    order.put("created_at", NANOS_NY.format(o.createdAt));
    order.put("updated_at", NANOS_NY.format(o.updatedAt));
    order.put("submitted_at", NANOS_NY.format(o.submittedAt));
    orderRest(order, o, NANOS_NY);
    data.put("timestamp", MICROS.format(at).replace("Z", "000Z"));
    if (qty != null) {
      data.put("price", price.toPlainString());
      data.put("qty", qty.toPlainString());
      data.put("position_qty", qty.toPlainString());
    }
    ObjectNode frame = JSON.createObjectNode();
    frame.put("stream", "trade_updates");
    frame.set("data", data);
    eventsEmitted.incrementAndGet();
    return frame.toString();
  }

  public final AtomicInteger eventsEmitted = new AtomicInteger();

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  @Override
  public void close() {
    cutStream();
    streamServer.close();
    server.close();
  }

  /**
   * Accepts sockets without Nagle's delay and, for the stream, remembers each so a test can cut it
   * like a network failure.
   */
  private static final class TrackingServerSocketFactory extends javax.net.ServerSocketFactory {
    private final @Nullable List<java.net.Socket> accepted;

    TrackingServerSocketFactory(@Nullable List<java.net.Socket> accepted) {
      this.accepted = accepted;
    }

    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
      return new java.net.ServerSocket() {
        @Override
        public java.net.Socket accept() throws IOException {
          java.net.Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          if (accepted != null) {
            accepted.add(socket);
          }
          return socket;
        }
      };
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("bound by MockWebServer");
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("bound by MockWebServer");
    }

    @Override
    public java.net.ServerSocket createServerSocket(
        int port, int backlog, java.net.InetAddress address) throws IOException {
      throw new UnsupportedOperationException("bound by MockWebServer");
    }
  }

  private static final class SimOrder {
    String id;
    String clientOrderId;
    String symbol;
    String side;
    String tif;
    BigDecimal qty;
    BigDecimal filledQty = BigDecimal.ZERO;
    @Nullable BigDecimal avgPrice;
    BigDecimal limitPrice;
    String status;
    Instant createdAt;
    Instant submittedAt;
    Instant updatedAt;
    @Nullable Instant filledAt;
    @Nullable Instant canceledAt;
  }

  private static final class SimActivity {
    String id;
    String type;
    Instant transactionTime;
    java.time.LocalDate date;
    String fillType;
    SimOrder order;
    BigDecimal qty;
    BigDecimal price;
    BigDecimal cumQty;
    BigDecimal leavesQty;
    String orderStatus;
    String symbol;
    BigDecimal netAmount;
  }
}
