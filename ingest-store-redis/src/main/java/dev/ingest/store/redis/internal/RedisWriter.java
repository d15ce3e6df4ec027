package dev.ingest.store.redis.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.ingest.api.IngestListener;
import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.internal.Resilience;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisClusterException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/**
 * Sends {@link Op}s to Redis from one thread of its own, pipelined, so the threads that ingest
 * never wait for Redis and never see its failures.
 *
 * <p>Callers {@link #submit} ops into a pending map (coalescing as {@link Op} describes). The
 * writer takes them in the order they first arrived and streams them into an open pipeline without
 * waiting: Redis executes one batch while the next is written. It stops to read and check the
 * replies ("settles") when nothing is pending or {@code batchSize} ops are unanswered. A dropped
 * connection or a transient error reply fails the unanswered group, which is sent again under the
 * {@link RetrySettings} (each retry reported to the listener); retries set the pushes' "skip values
 * already there" flag, so nothing is stored twice. Once retries run out the group is dropped and
 * reported, and the writer goes on with newer data. An error reply that repeating cannot fix
 * ({@code WRONGTYPE} from a foreign key) drops that one op. Replacements (which read before they
 * write) are sent on their own, after what is on the wire has settled.
 *
 * <p>While Redis is away the pending map keeps absorbing writes, bounded by the number of distinct
 * keys (and list caps), not by time. Thread-safe.
 */
public final class RedisWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisWriter.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final String STORE = "redis";
  private static final String OPERATION = "write";
  /* NOSCRIPT or a guard conflict: resend, but never loop forever */
  private static final int MAX_ROUNDS = 4;

  private final UnifiedJedis client;
  private final IngestListener listener;
  private final RetryPolicy<Object> retryPolicy;
  private final int batchSize;
  private final Duration flushTimeout;
  private final Thread thread;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Condition progress = lock.newCondition();
  /* guarded by lock */
  private LinkedHashMap<String, Op> pending = new LinkedHashMap<>();
  private long submitted;
  private long inFlightFirst = Long.MAX_VALUE;
  private boolean writerWaiting;
  private boolean closing;
  private long droppedAfterClose;
  /* writer thread only: ops appended to the open pipeline whose replies are not read yet */
  private final List<Op> streaming = new ArrayList<>();
  private @Nullable AbstractPipeline open;
  private @Nullable RuntimeException streamFailure;

  /**
   * @param listener already made safe ({@code SafeListener.wrap})
   */
  public RedisWriter(
      UnifiedJedis client,
      RetrySettings retry,
      int batchSize,
      Duration flushTimeout,
      IngestListener listener) {
    this.client = client;
    this.listener = listener;
    this.retryPolicy = Resilience.retryPolicy(retry, STORE, OPERATION, listener);
    this.batchSize = batchSize;
    this.flushTimeout = flushTimeout;
    this.thread = new Thread(this::run, "ingest-redis-writer-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues {@code op}; never blocks on Redis and never throws for Redis' sake. */
  public void submit(Op op) {
    lock.lock();
    try {
      queue(op);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Queues {@code ops} together, so that concurrent writers cannot interleave them (a trade's push
   * and its {@code last} stay consistent).
   */
  public void submit(List<Op> ops) {
    lock.lock();
    try {
      ops.forEach(this::queue);
    } finally {
      lock.unlock();
    }
  }

  /* lock held */
  private void queue(Op op) {
    if (closing) {
      if (droppedAfterClose++ == 0) {
        log.warn("write after close ignored store=redis op={}", op.describe());
      }
      return;
    }
    long seq = ++submitted;
    Op waiting = pending.get(op.identity());
    if (waiting == null) {
      op.firstSeq = seq;
      pending.put(op.identity(), op);
      if (writerWaiting) {
        work.signal();
      }
    } else {
      Op merged = waiting.merge(op);
      merged.firstSeq = waiting.firstSeq;
      if (merged != waiting) {
        pending.put(op.identity(), merged); // keeps the entry's place in the order
      }
    }
  }

  /**
   * Waits until everything submitted before this call has been answered by Redis (or dropped after
   * its retries), at most the flush timeout. Never throws for Redis' sake.
   */
  public void flush() {
    lock.lock();
    try {
      long target = submitted;
      long left = flushTimeout.toNanos();
      while (doneThrough() < target && thread.isAlive()) {
        if (left <= 0) {
          log.warn(
              "flush timed out store=redis timeoutMs={} waiting={} sending={}",
              flushTimeout.toMillis(),
              pending.size(),
              inFlightFirst != Long.MAX_VALUE);
          return;
        }
        left = progress.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /** Ops waiting to be sent (after coalescing); for tests and metrics. */
  public int pendingCount() {
    lock.lock();
    try {
      return pending.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends what is pending (waiting at most the flush timeout) and stops the writer thread.
   * Idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closing) {
        return;
      }
      closing = true;
      work.signal();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(flushTimeout.toMillis());
      if (thread.isAlive()) {
        thread.interrupt(); // cuts a retry's wait short
        thread.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.lock();
    try {
      if (!pending.isEmpty()) {
        log.error(
            "closed with writes unsent store=redis ops={} timeoutMs={}",
            pending.size(),
            flushTimeout.toMillis());
        pending = new LinkedHashMap<>();
      }
      progress.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /* every write numbered <= the result has been answered (or dropped); lock held */
  private long doneThrough() {
    long oldestWaiting =
        pending.isEmpty() ? Long.MAX_VALUE : pending.values().iterator().next().firstSeq;
    long oldest = Math.min(oldestWaiting, inFlightFirst);
    return oldest == Long.MAX_VALUE ? submitted : oldest - 1;
  }

  private void run() {
    while (true) {
      List<Op> batch = take(streaming.isEmpty());
      try {
        if (batch == null) {
          if (streaming.isEmpty()) {
            return; // closing, and everything is sent
          }
          settle(); // nothing more to send for now: read the replies of what is on the wire
        } else if (batch.stream().anyMatch(op -> op instanceof Op.Replace)) {
          // a replace reads before it writes: let what is on the wire land first
          settle();
          send(batch);
        } else {
          stream(batch);
          if (streaming.size() >= batchSize || streamFailure != null) {
            settle();
          }
        }
      } catch (Throwable t) {
        // everything expected is reported where it happens; this is a bug, and the writer
        // must survive it
        log.error("writer failed store=redis", t);
        streaming.clear();
        closeQuietly();
      } finally {
        if (streaming.isEmpty()) {
          lock.lock();
          try {
            inFlightFirst = Long.MAX_VALUE;
            progress.signalAll();
          } finally {
            lock.unlock();
          }
        }
      }
    }
  }

  /*
   * The next ops in arrival order (at most batchSize), or null when none are waiting and either
   * block is false or the writer is closing.
   */
  private @Nullable List<Op> take(boolean block) {
    lock.lock();
    try {
      while (pending.isEmpty()) {
        if (closing || !block) {
          return null;
        }
        writerWaiting = true;
        try {
          work.await();
        } catch (InterruptedException e) {
          if (closing) {
            return null;
          }
        } finally {
          writerWaiting = false;
        }
      }
      List<Op> batch = new ArrayList<>(Math.min(batchSize, pending.size()));
      Iterator<Op> it = pending.values().iterator();
      while (it.hasNext() && batch.size() < batchSize) {
        batch.add(it.next());
        it.remove();
      }
      inFlightFirst = Math.min(inFlightFirst, batch.get(0).firstSeq);
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /*
   * Appends ops to the open pipeline without reading replies, so Redis works on one batch while
   * the next is being written: the stream is only stopped to read replies (settle) when nothing
   * is waiting or batchSize ops are unanswered. A failure here is kept for settle to retry.
   */
  private void stream(List<Op> batch) {
    streaming.addAll(batch);
    if (streamFailure != null) {
      return;
    }
    try {
      if (open == null) {
        open = client.pipelined();
      }
      for (Op op : batch) {
        op.append(open, false);
      }
    } catch (JedisException | IllegalStateException e) {
      streamFailure = e;
    }
  }

  /* reads the replies of everything streamed; retries the lot on a transient failure */
  private void settle() {
    if (streaming.isEmpty()) {
      return;
    }
    List<Op> group = new ArrayList<>(streaming);
    AbstractPipeline pipeline = open;
    RuntimeException failure = streamFailure;
    streaming.clear();
    open = null;
    streamFailure = null;
    long start = System.nanoTime();
    try {
      Failsafe.with(retryPolicy)
          .run(
              ctx -> {
                if (ctx.isRetry()) {
                  attempt(group, true);
                  return;
                }
                // the first attempt is already on the wire: read its replies
                List<Op> again;
                try {
                  if (failure != null) {
                    throw new TransportException(
                        STORE, "redis pipeline failed: " + failure.getMessage(), failure);
                  }
                  again = check(group, () -> pipeline.sync());
                } finally {
                  closeQuietly(pipeline); // before any retry, which takes a fresh connection
                }
                if (!again.isEmpty()) {
                  attempt(again, false);
                }
              });
      listener.apiCall(STORE, OPERATION, Duration.ofNanos(System.nanoTime() - start), true);
    } catch (FailsafeException | IngestException e) {
      dropped(group, e, start);
    }
  }

  /* a whole batch, synchronously, under the retry policy */
  private void send(List<Op> batch) {
    long start = System.nanoTime();
    try {
      Failsafe.with(retryPolicy).run(ctx -> attempt(batch, ctx.isRetry()));
      listener.apiCall(STORE, OPERATION, Duration.ofNanos(System.nanoTime() - start), true);
    } catch (FailsafeException | IngestException e) {
      dropped(batch, e, start);
    }
  }

  private void dropped(List<Op> ops, RuntimeException e, long start) {
    Throwable cause = e instanceof FailsafeException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    listener.apiCall(STORE, OPERATION, Duration.ofNanos(System.nanoTime() - start), false);
    listener.writesDropped(STORE, OPERATION, ops.size(), cause);
    log.error(
        "dropping writes store=redis ops={} first={} cause={}",
        ops.size(),
        ops.get(0).describe(),
        cause.toString());
  }

  /* one try at the whole batch; throws TransportException / transient StorageException to retry */
  private void attempt(List<Op> batch, boolean retry) {
    List<Op> round = batch;
    for (int n = 1; !round.isEmpty(); n++) {
      if (n > MAX_ROUNDS) {
        round.forEach(op -> failed(op, "still conflicting after " + MAX_ROUNDS + " rounds"));
        return;
      }
      round = pipeline(round, retry);
    }
  }

  /* sends ops in one pipeline; returns those to send again (NOSCRIPT, guard conflict) */
  private List<Op> pipeline(List<Op> ops, boolean retry) {
    return check(
        ops,
        () -> {
          for (Op op : ops) {
            if (op instanceof Op.Replace replace) {
              replace.prepare(client);
            }
          }
          try (AbstractPipeline pipeline = client.pipelined()) {
            for (Op op : ops) {
              op.append(pipeline, retry);
            }
            pipeline.sync();
          }
        });
  }

  /*
   * Runs send (which appends ops and reads their replies), then looks at every reply: returns the
   * ops to send again (NOSCRIPT, a guard conflict), drops the ones Redis refuses for good, and
   * throws to retry the lot on a transient failure.
   */
  private List<Op> check(List<Op> ops, Runnable send) {
    try {
      send.run();
    } catch (JedisDataException e) {
      throw classify(e, null);
    } catch (JedisException | IllegalStateException e) {
      throw new TransportException(STORE, "redis pipeline failed: " + e.getMessage(), e);
    }
    List<Op> again = new ArrayList<>(0);
    for (Op op : ops) {
      Object reply;
      try {
        reply = op.response == null ? null : op.response.get();
        JedisDataException inner = op.errorIn(reply);
        if (inner != null) {
          throw inner;
        }
      } catch (JedisNoScriptException e) {
        op.useEval = true;
        again.add(op);
        continue;
      } catch (JedisDataException e) {
        IngestException failure = classify(e, op);
        if (failure instanceof StorageException s && !s.isTransient()) {
          failed(op, e.getMessage());
          continue;
        }
        throw failure;
      } catch (IllegalStateException e) {
        // a cluster pipeline leaves a reply unset when its node's connection broke
        throw new TransportException(STORE, "no reply for " + op.describe(), e);
      }
      if (op.isConflict(reply)) {
        again.add(op);
      }
    }
    return again;
  }

  private void closeQuietly() {
    closeQuietly(open);
    open = null;
  }

  private static void closeQuietly(@Nullable AbstractPipeline pipeline) {
    if (pipeline == null) {
      return;
    }
    try {
      pipeline.close(); // returns the connection to the pool (a broken one is discarded)
    } catch (RuntimeException e) {
      // already failed and reported
    }
  }

  private IngestException classify(JedisDataException e, @Nullable Op op) {
    String message = String.valueOf(e.getMessage());
    boolean isTransient =
        e instanceof JedisBusyException
            || e instanceof JedisClusterException
            || e instanceof JedisRedirectionException
            || message.startsWith("OOM")
            || message.startsWith("READONLY")
            || message.startsWith("LOADING")
            || message.startsWith("MASTERDOWN")
            || message.startsWith("TRYAGAIN")
            || message.startsWith("NOREPLICAS");
    String what = op == null ? "pipeline" : op.describe();
    return new StorageException(STORE, OPERATION, what + ": " + message, e, isTransient);
  }

  private void failed(Op op, String why) {
    listener.apiCall(STORE, OPERATION, Duration.ZERO, false);
    listener.writesDropped(
        STORE,
        OPERATION,
        1,
        new StorageException(STORE, OPERATION, op.describe() + ": " + why, null));
    log.warn("write rejected, dropped store=redis op={} reason={}", op.describe(), why);
  }
}
