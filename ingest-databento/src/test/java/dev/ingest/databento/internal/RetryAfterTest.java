package dev.ingest.databento.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2024-01-15T10:30:00Z"), ZoneOffset.UTC);

  @Test
  void secondsAreReadAsDatabentoSendsThem() {
    assertThat(RetryAfter.parse("7", clock)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", clock)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("-3", clock)).isEqualTo(Duration.ZERO);
  }

  @Test
  void anHttpDateIsReadAgainstTheClock() {
    assertThat(RetryAfter.parse("Mon, 15 Jan 2024 10:30:42 GMT", clock))
        .isEqualTo(Duration.ofSeconds(42));
    assertThat(RetryAfter.parse("Mon, 15 Jan 2024 10:29:00 GMT", clock)).isEqualTo(Duration.ZERO);
  }

  @Test
  void anAbsentOrUnreadableHeaderIsNoWait() {
    assertThat(RetryAfter.parse(null, clock)).isNull();
    assertThat(RetryAfter.parse("soon", clock)).isNull();
  }
}
