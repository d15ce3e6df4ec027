package dev.ingest.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ingest.alpaca.AlpacaConfig;
import dev.ingest.alpaca.StreamState;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.ProviderRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's {@code trade_updates} WebSocket for one account: authenticate, listen, hand each event
 * to the {@link Handler}, and come back after every drop.
 *
 * <ul>
 *   <li>Text and binary frames alike (the paper host sends binary, live text): UTF-8 JSON, one
 *       message or an array of them.
 *   <li>A frame that is not JSON, or an event missing what it must carry, is reported with its
 *       context (account, frame number, character offset) and skipped; the stream goes on.
 *   <li>After a drop it reconnects on the scheduler with exponential backoff and jitter, and never
 *       sooner than a {@code Retry-After} on a refused upgrade: Alpaca allows one socket per
 *       account, and a reconnect storm only earns 429s.
 *   <li>Refused credentials ({@code unauthorized}, or 401/403 on the upgrade) are final: one {@link
 *       ProviderRejectedException} to the handler, state {@link StreamState#FAILED}, no retry.
 *   <li>No reply to the credentials within {@code authTimeout} counts as a drop.
 * </ul>
 *
 * <p>Events arrive on OkHttp's reader thread, one at a time. Thread-safe; {@link #close()} is
 * idempotent and waits for the event being handled.
 */
public final class TradeUpdatesStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TradeUpdatesStream.class);
  private static final String LISTEN =
      "{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}";
  private static final int PREVIEW = 120;

  /** Receives what the stream produces. Calls never overlap. */
  public interface Handler {
    /** A {@code trade_updates} event. */
    void onUpdate(TradeUpdate update);

    void onStateChange(StreamState state);

    /** Listening again after a drop; {@code failedAttempts} connects failed in between. */
    void onReconnected(int failedAttempts);

    /** Alpaca refused the credentials; the stream has stopped for good. */
    void onFatal(IngestException error);

    /** A frame or event was unusable and skipped. */
    void onMalformed(DataValidationException error);
  }

  private final OkHttpClient client;
  private final AlpacaConfig config;
  private final ScheduledExecutorService scheduler;
  private final ReconnectBackoff backoff;
  private final Duration authTimeout;
  private final Clock clock;
  private final Handler handler;
  private final Object processing = new Object();
  private final AtomicLong frames = new AtomicLong();

  // guarded by this
  private StreamState state = StreamState.IDLE;
  private int generation;
  private int failedAttempts;
  private boolean everListened;
  private @Nullable WebSocket socket;
  private @Nullable ScheduledFuture<?> pending;

  TradeUpdatesStream(
      OkHttpClient streamClient,
      AlpacaConfig config,
      ScheduledExecutorService scheduler,
      ReconnectBackoff backoff,
      Duration authTimeout,
      Clock clock,
      Handler handler) {
    this.client = streamClient;
    this.config = config;
    this.scheduler = scheduler;
    this.backoff = backoff;
    this.authTimeout = authTimeout;
    this.clock = clock;
    this.handler = handler;
  }

  /** Opens the socket. Does nothing when already started or closed. */
  public synchronized void start() {
    if (state == StreamState.IDLE) {
      connect();
    }
  }

  public synchronized StreamState state() {
    return state;
  }

  private synchronized void connect() {
    if (state == StreamState.CLOSED || state == StreamState.FAILED) {
      return;
    }
    int gen = ++generation;
    setState(StreamState.CONNECTING);
    Request request = new Request.Builder().url(config.streamUrl().toString()).build();
    log.debug(
        "trade_updates connecting provider=alpaca account={} attempt={}",
        config.account(),
        failedAttempts + 1);
    socket = client.newWebSocket(request, new Listener(gen));
    pending = later(() -> authTimedOut(gen), authTimeout);
  }

  /** Schedules {@code task}; a scheduler the host has shut down ends the stream. */
  private @Nullable ScheduledFuture<?> later(Runnable task, Duration delay) {
    try {
      return scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.warn(
          "trade_updates stopped: the scheduler refuses work provider=alpaca account={}",
          config.account());
      generation++;
      if (socket != null) {
        socket.close(1000, "client closing");
        socket = null;
      }
      setState(StreamState.CLOSED);
      return null;
    }
  }

  private synchronized void authTimedOut(int gen) {
    if (gen == generation && state != StreamState.LISTENING) {
      drop(gen, "no authorization within " + authTimeout.toMillis() + " ms", null);
    }
  }

  /** Ends socket {@code gen} and schedules the next one. Runs once per socket. */
  private synchronized void drop(int gen, String reason, @Nullable Response response) {
    if (gen != generation
        || state == StreamState.CLOSED
        || state == StreamState.FAILED
        || state == StreamState.WAITING_TO_RECONNECT) {
      return;
    }
    generation++; // whatever the old socket reports from now on is ignored
    cancelPending();
    WebSocket old = socket;
    socket = null;
    if (old != null) {
      old.cancel();
    }
    int code = response == null ? 0 : response.code();
    if (code == 401 || code == 403) {
      fail(
          new ProviderRejectedException(
              "alpaca",
              code,
              null,
              "stream=trade_updates account=" + config.account(),
              "upgrade refused: check the API key pair"));
      return;
    }
    failedAttempts++;
    Duration delay = backoff.delay(failedAttempts);
    if (code == 429 && response != null) {
      Duration asked = AlpacaRestClient.retryAfter(response.headers(), clock.instant());
      if (asked != null && asked.compareTo(delay) > 0) {
        delay = asked.compareTo(backoff.max()) > 0 ? backoff.max() : asked;
      }
    }
    log.warn(
        "trade_updates dropped provider=alpaca account={} reason={} status={} attempt={}"
            + " reconnectInMs={}",
        config.account(),
        reason,
        code,
        failedAttempts,
        delay.toMillis());
    setState(StreamState.WAITING_TO_RECONNECT);
    pending = later(this::connect, delay);
  }

  private synchronized void listening(int gen) {
    if (gen != generation || state == StreamState.CLOSED || state == StreamState.FAILED) {
      return;
    }
    cancelPending();
    int failed = failedAttempts;
    boolean reconnect = everListened;
    failedAttempts = 0;
    everListened = true;
    setState(StreamState.LISTENING);
    log.info(
        "trade_updates listening provider=alpaca account={} reconnect={}",
        config.account(),
        reconnect);
    if (reconnect) {
      handler.onReconnected(failed);
    }
  }

  /** Stops the stream for good because the account failed elsewhere (a 401 over REST). */
  void halt(IngestException error) {
    fail(error);
  }

  private synchronized void fail(IngestException error) {
    if (state == StreamState.FAILED || state == StreamState.CLOSED) {
      return;
    }
    generation++;
    cancelPending();
    if (socket != null) {
      socket.close(1000, "unauthorized");
      socket = null;
    }
    setState(StreamState.FAILED);
    handler.onFatal(error);
  }

  private void setState(StreamState next) {
    if (state != next) {
      state = next;
      handler.onStateChange(next);
    }
  }

  private void cancelPending() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }

  private synchronized boolean isCurrent(int gen) {
    return gen == generation && state != StreamState.CLOSED && state != StreamState.FAILED;
  }

  /** Closes the socket for good; waits for the event being handled. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (state == StreamState.CLOSED) {
        return;
      }
      generation++;
      cancelPending();
      if (socket != null) {
        socket.close(1000, "client closing");
        socket = null;
      }
      setState(StreamState.CLOSED);
    }
    synchronized (processing) {
      // an event that was being handled has finished
    }
  }

  // ---- frames -----------------------------------------------------------------------------

  private void frame(WebSocket ws, int gen, String text) {
    long number = frames.incrementAndGet();
    synchronized (processing) {
      if (!isCurrent(gen)) {
        return;
      }
      Json.Element frame;
      try {
        frame = Json.value(text);
      } catch (Json.MalformedJsonException e) {
        malformed(number, e.offset(), "not JSON: " + e.getMessage(), text);
        return;
      }
      if (frame.node().isArray()) {
        try {
          for (Json.Element message : Json.arrayElements(text)) {
            message(ws, gen, number, message);
          }
        } catch (Json.MalformedJsonException e) {
          malformed(number, e.offset(), "not JSON: " + e.getMessage(), text);
        }
      } else {
        message(ws, gen, number, frame);
      }
    }
  }

  private void message(WebSocket ws, int gen, long number, Json.Element message) {
    JsonNode node = message.node();
    String stream = Json.text(node, "stream");
    JsonNode data = node.get("data");
    if (stream == null || data == null || !data.isObject()) {
      malformed(number, 0, "a message needs 'stream' and a 'data' object", message.raw());
      return;
    }
    switch (stream) {
      case "authorization" -> authorization(ws, gen, data);
      case "listening" -> {
        JsonNode streams = data.get("streams");
        boolean ours = false;
        if (streams != null && streams.isArray()) {
          for (JsonNode s : streams) {
            ours |= "trade_updates".equals(s.asText());
          }
        }
        if (ours) {
          listening(gen);
        } else {
          drop(gen, "listen acknowledged without trade_updates", null);
        }
      }
      case "trade_updates" -> update(number, message.raw(), data);
      default ->
          log.debug(
              "trade_updates ignored message provider=alpaca account={} stream={}",
              config.account(),
              stream);
    }
  }

  private void authorization(WebSocket ws, int gen, JsonNode data) {
    String status = Json.text(data, "status");
    if ("authorized".equals(status)) {
      synchronized (this) {
        if (gen == generation
            && (state == StreamState.AUTHENTICATING || state == StreamState.CONNECTING)) {
          ws.send(LISTEN);
        }
      }
      return;
    }
    String message = Json.text(data, "message");
    fail(
        new ProviderRejectedException(
            "alpaca",
            401,
            null,
            "stream=trade_updates account="
                + config.account()
                + " action="
                + Json.text(data, "action")
                + " hint=the API key pair is expired, revoked, or for the other environment",
            status + (message == null ? "" : ": " + message)));
  }

  private void update(long number, String messageRaw, JsonNode data) {
    TradeUpdate update;
    try {
      String raw = Json.rawAt(messageRaw, "data");
      update =
          TradeUpdate.from(data, raw == null ? "" : raw, Json.rawAt(messageRaw, "data", "order"));
    } catch (DataValidationException e) {
      String key = e.naturalKey();
      handler.onMalformed(
          e.withContext("alpaca", context(number) + (key == null ? "" : " " + key)));
      log.warn(
          "trade_updates event skipped provider=alpaca {} reason={}",
          context(number),
          e.getMessage());
      return;
    } catch (Json.MalformedJsonException e) {
      malformed(number, e.offset(), e.getMessage(), messageRaw);
      return;
    }
    handler.onUpdate(update);
  }

  private String context(long number) {
    return "account=" + config.account() + " frame=" + number;
  }

  private void malformed(long number, long offset, String problem, String text) {
    String preview =
        text.length() <= PREVIEW ? text : text.substring(0, PREVIEW) + "…(" + text.length() + ")";
    log.warn(
        "trade_updates malformed frame skipped provider=alpaca {} offset={} chars={} reason={}"
            + " preview={}",
        context(number),
        offset,
        text.length(),
        problem,
        preview.replaceAll("[\\r\\n\\t]", " "));
    handler.onMalformed(
        new DataValidationException("TradeUpdate.frame", problem + " at offset " + offset)
            .withContext("alpaca", context(number) + " offset=" + offset));
  }

  private String authenticate() {
    ObjectNode auth = Json.MAPPER.createObjectNode();
    auth.put("action", "authenticate");
    ObjectNode data = auth.putObject("data");
    data.put("key_id", config.keyId().reveal());
    data.put("secret_key", config.secretKey().reveal());
    return auth.toString();
  }

  private final class Listener extends WebSocketListener {
    private final int gen;

    Listener(int gen) {
      this.gen = gen;
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
      synchronized (TradeUpdatesStream.this) {
        if (gen != generation || state != StreamState.CONNECTING) {
          ws.cancel();
          return;
        }
        setState(StreamState.AUTHENTICATING);
        ws.send(authenticate());
      }
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      frame(ws, gen, text);
    }

    @Override
    public void onMessage(WebSocket ws, ByteString bytes) {
      frame(ws, gen, bytes.utf8());
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
      drop(gen, "server closed code=" + code + " reason=" + reason, null);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, @Nullable Response response) {
      drop(gen, String.valueOf(t), response);
    }
  }

  /** For tests and status: the number of frames received so far. */
  long framesReceived() {
    return frames.get();
  }
}
