package dev.ingest.alpaca.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ScheduledExecutorService} on a {@link TestClock}: tasks run on the test's thread when
 * the test moves time with {@link #advance} or calls {@link #runDue}, never by themselves. Tasks
 * may be submitted from any thread (a socket callback scheduling a reconnect). Tasks that throw are
 * recorded and rethrown by {@link #rethrowFailures()}.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final TestClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private final List<Throwable> failures = new ArrayList<>();
  private long sequence;
  private boolean shutdown;

  public ManualScheduler(TestClock clock) {
    this.clock = clock;
  }

  /** Moves the clock forward by {@code by}, running each task at its due time, in order. */
  public void advance(Duration by) {
    advance(by, () -> {});
  }

  /**
   * As {@link #advance(Duration)}, calling {@code afterEachTask} after every task, where a test
   * waits for what the task set off on other threads (a socket handshake) before time moves on.
   */
  public void advance(Duration by, Runnable afterEachTask) {
    Instant end = clock.instant().plus(by);
    while (true) {
      Task<?> next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due.isAfter(end)) {
          break;
        }
        queue.poll();
      }
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      next.runOnce();
      afterEachTask.run();
    }
    clock.set(end);
  }

  /** Runs every task due now (and those they schedule for now). */
  public void runDue() {
    advance(Duration.ZERO);
  }

  public synchronized int pending() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  public synchronized List<Throwable> failures() {
    return List.copyOf(failures);
  }

  public void rethrowFailures() {
    List<Throwable> f = failures();
    if (!f.isEmpty()) {
      throw new AssertionError("a scheduled task failed", f.get(0));
    }
  }

  private synchronized <V> Task<V> enqueue(Task<V> task) {
    if (shutdown) {
      throw new RejectedExecutionException("scheduler is shut down");
    }
    queue.add(task);
    return task;
  }

  private synchronized void requeue(Task<?> task) {
    if (!shutdown && !task.isCancelled()) {
      queue.add(task);
    }
  }

  private synchronized void failed(Throwable t) {
    failures.add(t);
  }

  private synchronized long nextSequence() {
    return sequence++;
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.MILLISECONDS);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<>(Executors2.callable(command), due(delay, unit), null, false));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(new Task<>(callable, due(delay, unit), null, false));
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return enqueue(
        new Task<>(
            Executors2.callable(command),
            due(initialDelay, unit),
            Duration.ofNanos(unit.toNanos(period)),
            true));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return enqueue(
        new Task<>(
            Executors2.callable(command),
            due(initialDelay, unit),
            Duration.ofNanos(unit.toNanos(delay)),
            false));
  }

  private Instant due(long delay, TimeUnit unit) {
    return clock.instant().plusNanos(unit.toNanos(Math.max(0, delay)));
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(queue);
    queue.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    private volatile Instant due;
    private final Duration period;
    private final boolean fixedRate;
    private final long order = nextSequence();

    Task(Callable<V> callable, Instant due, Duration period, boolean fixedRate) {
      super(callable);
      this.due = due;
      this.period = period;
      this.fixedRate = fixedRate;
    }

    void runOnce() {
      if (isCancelled()) {
        return;
      }
      if (period == null) {
        run();
        try {
          if (isDone() && !isCancelled()) {
            get();
          }
        } catch (ExecutionException e) {
          failed(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (!runAndReset()) {
        try {
          get(0, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          failed(e.getCause());
        } catch (InterruptedException
            | TimeoutException
            | java.util.concurrent.CancellationException e) {
          // cancelled or interrupted: nothing to record
        }
        return;
      }
      due = fixedRate ? due.plus(period) : clock.instant().plus(period);
      requeue(this);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due).toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> o = (Task<?>) other;
      int byDue = due.compareTo(o.due);
      return byDue != 0 ? byDue : Long.compare(order, o.order);
    }
  }

  /** {@link java.util.concurrent.Executors#callable} without a checked result type. */
  private static final class Executors2 {
    static Callable<Object> callable(Runnable r) {
      return java.util.concurrent.Executors.callable(r);
    }
  }

  @Override
  public <T> List<java.util.concurrent.Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks) {
    throw new UnsupportedOperationException("not needed by the ingester");
  }
}
