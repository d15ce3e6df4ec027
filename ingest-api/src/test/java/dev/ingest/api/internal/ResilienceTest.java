package dev.ingest.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.error.RateLimitedException;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.error.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilienceTest {
  static final RetrySettings FAST =
      new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(4), 2.0);

  @Test
  void transportFailuresAreRetriedAndReportedToTheListener() {
    List<Integer> attempts = new ArrayList<>();
    IngestListener listener =
        new IngestListener() {
          @Override
          public void retry(String provider, String operation, int attempt, Throwable cause) {
            attempts.add(attempt);
          }
        };
    RetryPolicy<String> policy = Resilience.retryPolicy(FAST, "databento", "get_range", listener);
    AtomicInteger calls = new AtomicInteger();

    String result =
        Failsafe.with(policy)
            .get(
                () -> {
                  if (calls.incrementAndGet() < 3) {
                    throw new TransportException("databento", "503");
                  }
                  return "ok";
                });

    assertThat(result).isEqualTo("ok");
    assertThat(attempts).containsExactly(1, 2);
  }

  @Test
  void aRejectionIsNotRetried() {
    RetryPolicy<Object> policy =
        Resilience.retryPolicy(FAST, "alpaca", "orders", IngestListener.NOOP);
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                Failsafe.with(policy)
                    .run(
                        () -> {
                          calls.incrementAndGet();
                          throw new ProviderRejectedException(
                              "alpaca", 401, "40110000", "", "request is not authorized");
                        }))
        .isInstanceOf(ProviderRejectedException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void retriesStopAfterMaxRetries() {
    RetryPolicy<Object> policy =
        Resilience.retryPolicy(FAST, "alpaca", "orders", IngestListener.NOOP);
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                Failsafe.with(policy)
                    .run(
                        () -> {
                          calls.incrementAndGet();
                          throw new StorageException(
                              "jdbc", "upsertOrders", "connection lost", null, true);
                        }))
        .isInstanceOf(StorageException.class);
    assertThat(calls).hasValue(4);
  }

  @Test
  void retryAfterReplacesTheBackoffAndIsCapped() {
    assertThat(Resilience.capRetryAfter(Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    assertThat(Resilience.capRetryAfter(Duration.ofDays(1))).isEqualTo(Resilience.MAX_RETRY_AFTER);
    assertThat(Resilience.capRetryAfter(Duration.ofSeconds(-5))).isEqualTo(Duration.ZERO);

    List<Duration> waited = new ArrayList<>();
    RetryPolicy<Object> policy =
        Resilience.retryPolicyBuilder(
                new RetrySettings(2, Duration.ofSeconds(5), Duration.ofSeconds(5), 1.0),
                "alpaca",
                "orders",
                IngestListener.NOOP)
            .onRetryScheduled(e -> waited.add(e.getDelay()))
            .build();
    AtomicInteger calls = new AtomicInteger();

    Failsafe.with(policy)
        .run(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new RateLimitedException("alpaca", "429", Duration.ofMillis(10));
              }
            });

    assertThat(waited).containsExactly(Duration.ofMillis(10));
    assertThat(calls).hasValue(2);
  }

  @Test
  void aThrowingListenerNeverStopsIngestion() {
    IngestListener broken =
        new IngestListener() {
          @Override
          public void retry(String provider, String operation, int attempt, Throwable cause) {
            throw new IllegalStateException("metrics backend down");
          }
        };
    RetryPolicy<String> policy = Resilience.retryPolicy(FAST, "databento", "get_range", broken);
    AtomicInteger calls = new AtomicInteger();

    assertThat(Failsafe.with(policy).get(() -> calls.incrementAndGet() < 2 ? fail() : "ok"))
        .isEqualTo("ok");
  }

  private static String fail() {
    throw new TransportException("databento", "reset");
  }
}
