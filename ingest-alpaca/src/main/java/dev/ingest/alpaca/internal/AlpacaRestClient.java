package dev.ingest.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.ingest.alpaca.AlpacaConfig;
import dev.ingest.api.IngestListener;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.error.RateLimitedException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.internal.Resilience;
import dev.ingest.api.internal.SafeListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's trading REST API for one account, returning wire records as sent. Authenticates with the
 * {@code APCA-API-KEY-ID} / {@code APCA-API-SECRET-KEY} headers; retries I/O failures, 5xx answers
 * and truncated bodies by the configured policy; honours {@code Retry-After} (or {@code
 * X-RateLimit-Reset}) on 429; maps every other 4xx to a {@link ProviderRejectedException} carrying
 * Alpaca's code and message. Records that fail validation are reported to the listener and left
 * out; the rest of the page is kept.
 *
 * <p>Thread-safe. Does not own the {@link OkHttpClient}.
 */
final class AlpacaRestClient {
  private static final Logger log = LoggerFactory.getLogger(AlpacaRestClient.class);
  static final String PROVIDER = "alpaca";
  static final int ORDER_PAGE_LIMIT = 500;
  static final int ACTIVITY_PAGE_SIZE = 100;

  private final OkHttpClient http;
  private final AlpacaConfig config;
  private final HttpUrl base;
  private final Clock clock;
  private final IngestListener listener;
  private final int orderPageLimit;
  private final int activityPageSize;
  private final Map<String, RetryPolicy<Object>> policies = new ConcurrentHashMap<>();

  AlpacaRestClient(OkHttpClient http, AlpacaConfig config, Clock clock, IngestListener listener) {
    this(http, config, clock, listener, ORDER_PAGE_LIMIT, ACTIVITY_PAGE_SIZE);
  }

  AlpacaRestClient(
      OkHttpClient http,
      AlpacaConfig config,
      Clock clock,
      IngestListener listener,
      int orderPageLimit,
      int activityPageSize) {
    this.http = http;
    this.config = config;
    this.base = HttpUrl.get(config.restUrl().toString());
    this.clock = clock;
    this.listener = SafeListener.wrap(listener);
    this.orderPageLimit = orderPageLimit;
    this.activityPageSize = activityPageSize;
  }

  AlpacaConfig config() {
    return config;
  }

  /** {@code GET /v2/account}. */
  JsonNode account() {
    Json.Element account = call("account", url("v2/account").build(), AlpacaRestClient::single);
    listener.recordsFetched(PROVIDER, "account", 1);
    return account.node();
  }

  /** {@code GET /v2/positions}: each position object with its exact text. */
  List<Json.Element> positions() {
    List<Json.Element> positions =
        call("positions", url("v2/positions").build(), AlpacaRestClient::array);
    listener.recordsFetched(PROVIDER, "positions", positions.size());
    return positions;
  }

  /**
   * Every order of {@code status} ({@code open}, {@code closed}, {@code all}) submitted after
   * {@code submittedAfter} (all when null), oldest first. Alpaca has no cursor: pages are walked by
   * submission time with a one-microsecond overlap, because {@code after} is exclusive and many
   * orders can share a timestamp; the overlap is removed by id.
   */
  List<WireOrder> orders(String status, @Nullable Instant submittedAfter) {
    Map<String, WireOrder> seen = new LinkedHashMap<>();
    Instant cursor = submittedAfter;
    while (true) {
      HttpUrl.Builder url =
          url("v2/orders")
              .addQueryParameter("status", status)
              .addQueryParameter("direction", "asc")
              .addQueryParameter("limit", Integer.toString(orderPageLimit));
      if (cursor != null) {
        url.addQueryParameter("after", cursor.toString());
      }
      List<Json.Element> page = call("orders", url.build(), AlpacaRestClient::array);
      int fresh = 0;
      Instant last = null;
      for (Json.Element element : page) {
        WireOrder order = orderOrNull(element);
        if (order == null) {
          continue;
        }
        if (seen.putIfAbsent(order.id(), order) == null) {
          fresh++;
        }
        if (order.submittedAt() != null) {
          last = order.submittedAt();
        }
      }
      listener.recordsFetched(PROVIDER, "orders", page.size());
      if (page.size() < orderPageLimit || last == null) {
        break;
      }
      Instant next = last.minusNanos(1_000);
      if (fresh == 0 || (cursor != null && !next.isAfter(cursor))) {
        log.warn(
            "orders paging stalled provider={} account={} status={} after={} page={}",
            PROVIDER,
            config.account(),
            status,
            cursor,
            page.size());
        break;
      }
      cursor = next;
    }
    return List.copyOf(seen.values());
  }

  /** {@code GET /v2/orders/{id}}; empty when Alpaca answers 404. */
  Optional<WireOrder> order(String orderId) {
    HttpUrl url = url("v2/orders").addPathSegment(orderId).build();
    try {
      Json.Element element = call("order", url, AlpacaRestClient::single);
      listener.recordsFetched(PROVIDER, "orders", 1);
      return Optional.ofNullable(orderOrNull(element));
    } catch (ProviderRejectedException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Account activities at or after {@code after} (all when null), oldest first, every page: {@code
   * page_token} is the id of the last row of the previous page, and a short page ends the walk.
   *
   * @param type one activity type ({@code FILL}), or null for all types
   * @param types a comma-separated list of types, or null
   */
  List<WireActivity> activities(
      @Nullable String type, @Nullable String types, @Nullable Instant after) {
    Map<String, WireActivity> seen = new LinkedHashMap<>();
    String token = null;
    while (true) {
      HttpUrl.Builder url = url("v2/account/activities");
      if (type != null) {
        url.addPathSegment(type);
      }
      url.addQueryParameter("direction", "asc")
          .addQueryParameter("page_size", Integer.toString(activityPageSize));
      if (types != null) {
        url.addQueryParameter("activity_types", types);
      }
      if (after != null) {
        url.addQueryParameter("after", after.toString());
      }
      if (token != null) {
        url.addQueryParameter("page_token", token);
      }
      List<Json.Element> page = call("activities", url.build(), AlpacaRestClient::array);
      for (Json.Element element : page) {
        WireActivity activity = activityOrNull(element);
        if (activity != null) {
          seen.putIfAbsent(activity.id(), activity);
        }
      }
      listener.recordsFetched(PROVIDER, "activities", page.size());
      if (page.size() < activityPageSize) {
        break;
      }
      String next = Json.text(page.get(page.size() - 1).node(), "id");
      if (next == null || next.equals(token)) {
        log.warn(
            "activities paging stalled provider={} account={} page_token={}",
            PROVIDER,
            config.account(),
            token);
        break;
      }
      token = next;
    }
    return List.copyOf(seen.values());
  }

  private @Nullable WireOrder orderOrNull(Json.Element element) {
    try {
      return WireOrder.from(element.node(), element.raw());
    } catch (DataValidationException e) {
      skipped(e);
      return null;
    }
  }

  private @Nullable WireActivity activityOrNull(Json.Element element) {
    try {
      return WireActivity.from(element.node(), element.raw());
    } catch (DataValidationException e) {
      skipped(e);
      return null;
    }
  }

  private void skipped(DataValidationException e) {
    log.warn(
        "skipped invalid record provider={} account={}: {}",
        PROVIDER,
        config.account(),
        e.getMessage());
    listener.validationError(PROVIDER, e);
  }

  // ---- HTTP -------------------------------------------------------------------------------

  private HttpUrl.Builder url(String path) {
    return base.newBuilder().addPathSegments(path);
  }

  /**
   * One GET, retried by policy; {@code parse} runs inside the retry so a truncated body is fetched
   * again.
   */
  private <T> T call(String operation, HttpUrl url, BiFunction<String, String, T> parse) {
    RetryPolicy<Object> policy =
        policies.computeIfAbsent(
            operation, op -> Resilience.retryPolicy(config.retry(), PROVIDER, op, listener));
    return Failsafe.with(policy).get(() -> parse.apply(operation, once(operation, url)));
  }

  private String once(String operation, HttpUrl url) {
    Request request =
        new Request.Builder()
            .url(url)
            .header("APCA-API-KEY-ID", config.keyId().reveal())
            .header("APCA-API-SECRET-KEY", config.secretKey().reveal())
            .header("Accept", "application/json")
            .get()
            .build();
    long started = System.nanoTime();
    boolean success = false;
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (response.isSuccessful()) {
        success = true;
        log.debug(
            "fetched provider={} account={} operation={} status={} chars={}",
            PROVIDER,
            config.account(),
            operation,
            response.code(),
            text.length());
        return text;
      }
      throw failure(operation, url, response.code(), text, response.headers());
    } catch (IOException e) {
      throw new TransportException(
          PROVIDER,
          "request failed operation="
              + operation
              + " account="
              + config.account()
              + " path="
              + url.encodedPath()
              + ": "
              + e,
          e);
    } finally {
      listener.apiCall(PROVIDER, operation, Duration.ofNanos(System.nanoTime() - started), success);
    }
  }

  private IngestException failure(
      String operation, HttpUrl url, int status, String body, Headers headers) {
    String context =
        "operation=" + operation + " account=" + config.account() + " path=" + url.encodedPath();
    AlpacaError error = AlpacaError.parse(body);
    if (status == 429) {
      return new RateLimitedException(
          PROVIDER,
          "alpaca rate limit status=429 " + context + ": " + error.message(),
          retryAfter(headers, clock.instant()));
    }
    if (status >= 500) {
      return new TransportException(
          PROVIDER,
          "alpaca server error status=" + status + " " + context + ": " + error.message());
    }
    if (status == 401 || status == 403) {
      context += " hint=the API key pair is expired, revoked, or for the other environment";
    }
    return new ProviderRejectedException(PROVIDER, status, error.code(), context, error.message());
  }

  /** How long a 429 asks us to wait: {@code Retry-After} (seconds or a date), else the reset. */
  static @Nullable Duration retryAfter(Headers headers, Instant now) {
    String retryAfter = headers.get("Retry-After");
    if (retryAfter != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
      } catch (NumberFormatException notSeconds) {
        Instant date = headers.getInstant("Retry-After");
        if (date != null) {
          return positive(Duration.between(now, date));
        }
      }
    }
    String reset = headers.get("X-RateLimit-Reset");
    if (reset != null) {
      try {
        return positive(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.trim()))));
      } catch (NumberFormatException ignored) {
        return null;
      }
    }
    return null;
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  // ---- bodies -----------------------------------------------------------------------------

  private static List<Json.Element> array(String operation, String body) {
    try {
      return new ArrayList<>(Json.arrayElements(body));
    } catch (Json.MalformedJsonException e) {
      throw malformed(operation, body, e);
    }
  }

  private static Json.Element single(String operation, String body) {
    try {
      return Json.value(body);
    } catch (Json.MalformedJsonException e) {
      throw malformed(operation, body, e);
    }
  }

  /** A body that is not the JSON we asked for: most often cut short, so worth fetching again. */
  private static TransportException malformed(
      String operation, String body, Json.MalformedJsonException e) {
    return new TransportException(
        PROVIDER,
        "malformed response body operation="
            + operation
            + " offset="
            + e.offset()
            + " chars="
            + body.length()
            + ": "
            + e.getMessage(),
        e);
  }

  /** Alpaca's error body, {@code {"code":40110000,"message":"..."}}, or the raw text. */
  record AlpacaError(@Nullable String code, String message) {
    static AlpacaError parse(String body) {
      try {
        JsonNode node = Json.value(body).node();
        JsonNode code = node.get("code");
        String message = Json.text(node, "message");
        return new AlpacaError(
            code == null || code.isNull() ? null : code.asText(),
            message == null ? IngestException.truncate(body) : message);
      } catch (Json.MalformedJsonException | RuntimeException e) {
        return new AlpacaError(
            null, body.isBlank() ? "(empty body)" : IngestException.truncate(body));
      }
    }
  }
}
