package dev.ingest.alpaca.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something another thread (a socket's reader) does. Not a timing assertion: the deadline
 * only keeps a broken test from hanging.
 */
public final class Await {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("gave up waiting for: " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  public static <T> T value(String what, Supplier<T> supplier) {
    Object[] holder = new Object[1];
    until(
        what,
        () -> {
          holder[0] = supplier.get();
          return holder[0] != null;
        });
    @SuppressWarnings("unchecked")
    T value = (T) holder[0];
    return value;
  }
}
