package dev.ingest.databento.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.Secret;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.RateLimitedException;
import dev.ingest.api.error.TransportException;
import dev.ingest.databento.DatabentoRejectedException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Databento's historical HTTP API: basic auth with the key as user name, form-encoded POSTs,
 * streamed bodies. Maps every failure onto the SDK's errors: 429 to {@link RateLimitedException}
 * (with Retry-After), 408 and 5xx and I/O to {@link TransportException}, other 4xx to {@link
 * DatabentoRejectedException} naming the refused parameter. The key goes into the Authorization
 * header only; it is never logged nor put into a message. Thread-safe. Internal.
 */
public final class DatabentoHttp {
  private static final Logger log = LoggerFactory.getLogger(DatabentoHttp.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_ERROR_BODY = 64 * 1024;
  private static final String PROVIDER = "databento";

  private final OkHttpClient client;
  private final HttpUrl baseUrl;
  private final String authorization;
  private final IngestListener listener;
  private final Clock clock;

  public DatabentoHttp(
      OkHttpClient client, HttpUrl baseUrl, Secret key, IngestListener listener, Clock clock) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.authorization = Credentials.basic(key.reveal(), "");
    this.listener = listener;
    this.clock = clock;
  }

  /** An open streaming response; closing it releases the connection. */
  public static final class Body implements Closeable {
    private final Response response;
    private final CountingInputStream stream;

    Body(Response response, InputStream stream) {
      this.response = response;
      this.stream = new CountingInputStream(stream);
    }

    public InputStream stream() {
      return stream;
    }

    /** Bytes read from the wire so far (compressed). */
    public long bytesRead() {
      return stream.count();
    }

    @Override
    public void close() {
      response.close();
    }
  }

  /** Starts {@code timeseries.get_range}; the body streams as it is read. */
  public Body getRange(RangeRequest range) {
    Request request =
        new Request.Builder()
            .url(url("timeseries.get_range"))
            .header("Authorization", authorization)
            .header("Accept", "application/octet-stream")
            .post(range.form())
            .build();
    log.debug("requesting provider=databento operation=timeseries.get_range {}", range.describe());
    Response response = execute(request, "timeseries.get_range", range.describe());
    ResponseBody body = response.body();
    return new Body(response, body.byteStream());
  }

  /** Checks the key with {@code metadata.list_datasets}, which downloads no market data. */
  public void checkKey() {
    Request request =
        new Request.Builder()
            .url(url("metadata.list_datasets"))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .get()
            .build();
    execute(request, "metadata.list_datasets", "").close();
  }

  private HttpUrl url(String method) {
    return baseUrl.newBuilder().addPathSegment("v0").addPathSegment(method).build();
  }

  private Response execute(Request request, String operation, String context) {
    Instant started = clock.instant();
    Response response;
    try {
      response = client.newCall(request).execute();
    } catch (IOException e) {
      listener.apiCall(PROVIDER, operation, Duration.between(started, clock.instant()), false);
      throw new TransportException(
          PROVIDER,
          operation + " failed: " + e.getMessage() + (context.isEmpty() ? "" : " " + context),
          e);
    }
    Duration latency = Duration.between(started, clock.instant());
    int status = response.code();
    if (status == 200 || status == 206) {
      listener.apiCall(PROVIDER, operation, latency, true);
      logWarnings(response, operation);
      return response;
    }
    listener.apiCall(PROVIDER, operation, latency, false);
    try (response) {
      throw failure(response, operation, context);
    }
  }

  private IngestException failure(Response response, String operation, String context) {
    int status = response.code();
    String requestId = response.header("request-id");
    String text = errorText(response);
    ErrorBodies.ErrorBody body = ErrorBodies.parse(text);
    String where =
        operation
            + " status="
            + status
            + (context.isEmpty() ? "" : " " + context)
            + (requestId == null ? "" : " request_id=" + requestId);
    if (status == 429) {
      return new RateLimitedException(
          PROVIDER,
          "rate limited: " + where + ": " + IngestException.truncate(body.message()),
          RetryAfter.parse(response.header("Retry-After"), clock));
    }
    if (status == 408 || status >= 500) {
      return new TransportException(
          PROVIDER, "server failed: " + where + ": " + IngestException.truncate(body.message()));
    }
    return new DatabentoRejectedException(
        status,
        body.caseId(),
        ErrorBodies.parameter(status, body),
        requestId,
        operation + (context.isEmpty() ? "" : " " + context),
        body.message());
  }

  private static String errorText(Response response) {
    try {
      BufferedSource source = response.body().source();
      source.request(MAX_ERROR_BODY);
      long size = Math.min(source.getBuffer().size(), MAX_ERROR_BODY);
      return source.getBuffer().readUtf8(size);
    } catch (IOException | RuntimeException e) {
      return "(no readable body: " + e.getMessage() + ")";
    }
  }

  /** Databento's {@code X-Warning}: a JSON array of {@code "<Type>: <message>"} strings. */
  private static void logWarnings(Response response, String operation) {
    String header = response.header("X-Warning");
    if (header == null || header.isBlank()) {
      return;
    }
    try {
      JsonNode warnings = JSON.readTree(header);
      if (warnings != null && warnings.isArray()) {
        for (JsonNode warning : warnings) {
          log.warn(
              "provider warning provider=databento operation={} warning={}",
              operation,
              IngestException.truncate(warning.asText()));
        }
        return;
      }
    } catch (Exception e) {
      // not the documented JSON array: log it as text
    }
    log.warn(
        "provider warning provider=databento operation={} warning={}",
        operation,
        IngestException.truncate(header));
  }

  /** The base URL with a trailing path kept, for logs (it carries no credentials). */
  public HttpUrl baseUrl() {
    return baseUrl;
  }
}
