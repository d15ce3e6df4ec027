package dev.ingest.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantsTest {
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void theHandWrittenTextMatchesTheJdkFormatterAcrossTheStorableRange() {
    List<Instant> edges =
        List.of(
            Instants.MIN,
            Instants.MAX,
            Instant.EPOCH,
            Instant.EPOCH.minusNanos(1),
            Instant.parse("1969-12-31T23:59:59.999999Z"),
            Instant.parse("2024-02-29T23:59:59.999999999Z"),
            Instant.parse("2020-06-03T13:30:14.199812Z"));
    for (Instant at : edges) {
      assertThat(Instants.text(at))
          .as(at.toString())
          .isEqualTo(REFERENCE.format(at.truncatedTo(ChronoUnit.MICROS)));
    }
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      Instant at =
          Instant.ofEpochSecond(
              Instants.MIN.getEpochSecond()
                  + (long)
                      (random.nextDouble()
                          * (Instants.MAX.getEpochSecond() - Instants.MIN.getEpochSecond())),
              random.nextInt(1_000_000_000));
      assertThat(Instants.text(at)).isEqualTo(REFERENCE.format(at.truncatedTo(ChronoUnit.MICROS)));
    }
  }

  @Test
  void microsecondsAndTheirNanosecondsRebuildTheInstant() {
    Instant at = Instant.parse("1969-12-31T23:59:59.123456789Z");

    Instant back = Instants.join(Instant.parse(Instants.text(at)), Instants.nanos(at));

    assertThat(back).isEqualTo(at);
  }

  @Test
  void anInstantOutsideYearsOneTo9999IsRefusedNamingTheField() {
    assertThatThrownBy(() -> Instants.check(Instant.parse("+10000-01-01T00:00:00Z"), "X.at"))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("X.at");
  }
}
