package dev.ingest.databento.internal;

import java.time.Instant;

/** Nanoseconds since the UNIX epoch to {@link Instant} and back. Internal. */
public final class Timestamps {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

  private Timestamps() {}

  /** Exact for every {@code long}; DBN's unsigned values above 2^63 read as before 1970. */
  public static Instant toInstant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }

  /** Nanoseconds since the epoch; fails for instants outside 1677..2262. */
  public static long toNanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
  }

  /** The UTC day number (days since 1970-01-01) of a nanosecond timestamp. */
  public static long epochDay(long nanos) {
    return Math.floorDiv(nanos, NANOS_PER_DAY);
  }
}
