package dev.ingest.alpaca.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttp clients this module uses. A client handed in by the host is only derived from ({@code
 * newBuilder()} shares its pool and dispatcher) and never shut down; one we create, we release.
 */
public final class HttpClients {
  /** Alpaca pings nothing itself; a ping from us notices a silently dead socket. */
  static final Duration STREAM_PING = Duration.ofSeconds(15);

  private HttpClients() {}

  /** A client for REST calls with {@code timeout} per call. */
  public static OkHttpClient forCalls(@Nullable OkHttpClient shared, Duration timeout) {
    OkHttpClient.Builder builder =
        shared == null ? new OkHttpClient.Builder() : shared.newBuilder();
    return builder
        .connectTimeout(Math.min(timeout.toMillis(), 10_000), TimeUnit.MILLISECONDS)
        .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /** A client for the WebSocket: no read timeout (the stream is quiet for hours), with pings. */
  public static OkHttpClient forStream(OkHttpClient calls) {
    return calls
        .newBuilder()
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .callTimeout(0, TimeUnit.MILLISECONDS)
        .pingInterval(STREAM_PING.toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /** Shuts down a client we created: its dispatcher threads and pooled connections. */
  public static void release(OkHttpClient owned) {
    owned.dispatcher().executorService().shutdown();
    owned.connectionPool().evictAll();
  }
}
