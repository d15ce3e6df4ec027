package dev.ingest.databento.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.ingest.api.HistoricalJob;
import dev.ingest.api.IngestListener;
import dev.ingest.api.TimeRange;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.market.MarketRecord;
import dev.ingest.databento.DatabentoBar;
import dev.ingest.databento.DatabentoMbp1;
import dev.ingest.databento.DatabentoStatistic;
import dev.ingest.databento.DatabentoTrade;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's records, chunk after chunk, as an iterator that fetches only as it is consumed. Each
 * chunk is one request per batch of at most {@code maxSymbols} symbols; with several batches their
 * records are merged by Databento's index timestamp ({@code ts_recv}, or {@code ts_event} for
 * bars), so the stream stays in time order. Reports progress per chunk, enforces the job's limit
 * across chunks, and hands out every record decoded before a failure before throwing it. Not
 * thread-safe, except {@link #close()}. Internal.
 */
public final class ChunkedFetch implements Iterator<MarketRecord>, Closeable {
  private static final Logger log = LoggerFactory.getLogger(ChunkedFetch.class);
  private static final String PROVIDER = "databento";
  private static final int BATCH = 1024;

  private final DatabentoHttp http;
  private final RetryPolicy<Object> retryPolicy;
  private final HistoricalJob job;
  private final List<TimeRange> chunks;
  private final int maxSymbols;
  private final int expectedRtype;
  private final IngestListener listener;
  private final Runnable onClose;

  private List<RangeSource> sources = List.of();
  private int chunk = -1;
  private long chunkRecords;
  private long emitted;
  private @Nullable MarketRecord ahead;
  private volatile boolean closed;
  private boolean done;

  public ChunkedFetch(
      DatabentoHttp http,
      RetryPolicy<Object> retryPolicy,
      HistoricalJob job,
      List<TimeRange> chunks,
      int maxSymbols,
      IngestListener listener,
      Runnable onClose) {
    this.http = http;
    this.retryPolicy = retryPolicy;
    this.job = job;
    this.chunks = List.copyOf(chunks);
    this.maxSymbols = maxSymbols;
    this.expectedRtype = Schemas.rtype(job.schema());
    this.listener = listener;
    this.onClose = onClose;
  }

  @Override
  public boolean hasNext() {
    while (ahead == null && !done) {
      if (closed) {
        throw new IllegalStateException("the fetch of job " + job.name() + " was closed");
      }
      Long limit = job.limit();
      if (limit != null && emitted >= limit) {
        finishChunk();
        finish();
        break;
      }
      MarketRecord record = chunk >= 0 ? pollChunk() : null;
      if (record != null) {
        ahead = record;
        break;
      }
      if (chunk >= 0) {
        finishChunk();
      }
      if (chunk + 1 >= chunks.size()) {
        finish();
        break;
      }
      startChunk(chunk + 1);
    }
    return ahead != null;
  }

  @Override
  public MarketRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    MarketRecord record = ahead;
    ahead = null;
    emitted++;
    chunkRecords++;
    return record;
  }

  private void startChunk(int index) {
    chunk = index;
    chunkRecords = 0;
    TimeRange range = chunks.get(index);
    long start = Timestamps.toNanos(range.start());
    long end = Timestamps.toNanos(range.end());
    Long limit = job.limit();
    Long remaining = limit == null ? null : limit - emitted;
    List<String> symbols = job.symbols();
    List<RangeSource> opened = new ArrayList<>();
    for (int from = 0; from < symbols.size(); from += maxSymbols) {
      List<String> batch = symbols.subList(from, Math.min(symbols.size(), from + maxSymbols));
      opened.add(
          new RangeSource(
              http,
              new RangeRequest(
                  job.dataset(), job.schema(), batch, job.stypeIn(), start, end, remaining),
              expectedRtype,
              listener));
    }
    sources = opened;
    log.info(
        "fetching chunk provider=databento job={} dataset={} schema={} symbols={} start={} end={}"
            + " chunk_number={} total_chunks={}",
        job.name(),
        job.dataset(),
        job.schema(),
        Symbols.summary(symbols),
        range.start(),
        range.end(),
        index + 1,
        chunks.size());
  }

  /** The chunk's next record in index-time order, or null when the chunk is done. */
  private @Nullable MarketRecord pollChunk() {
    RangeSource best = null;
    long bestTs = 0;
    for (RangeSource source : sources) {
      ensureRecord(source);
      MarketRecord head = source.ready().peekFirst();
      if (head == null) {
        continue;
      }
      long ts = indexTs(head);
      if (best == null || Long.compareUnsigned(ts, bestTs) < 0) {
        best = source;
        bestTs = ts;
      }
    }
    return best == null ? null : best.ready().pollFirst();
  }

  /** Makes sure the source has a record ready, unless it is finished; throws its failure. */
  private void ensureRecord(RangeSource source) {
    while (source.ready().isEmpty() && !source.finished()) {
      IngestException failure = source.failure();
      if (failure != null) {
        throw failure;
      }
      attempt(source);
    }
  }

  private void attempt(RangeSource source) {
    try {
      Failsafe.with(retryPolicy)
          .run(
              () -> {
                if (closed) {
                  throw new IllegalStateException("the fetch of job " + job.name() + " was closed");
                }
                source.fill(BATCH);
              });
    } catch (IngestException e) {
      source.fail(e); // thrown once the records decoded before it are handed out
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      source.fail(
          new TransportException(
              PROVIDER, "interrupted while fetching " + source.request().describe(), e.getCause()));
    }
  }

  private void finishChunk() {
    if (chunk < 0 || sources.isEmpty()) {
      return;
    }
    long bytes = 0;
    for (RangeSource source : sources) {
      source.close();
      bytes += source.bytes();
    }
    sources = List.of();
    listener.recordsFetched(PROVIDER, job.schema(), chunkRecords);
    listener.progress(PROVIDER, job.name(), chunk + 1, chunks.size(), chunkRecords, bytes);
    log.info(
        "fetched chunk provider=databento job={} chunk_number={} total_chunks={} records={}"
            + " bytes={}",
        job.name(),
        chunk + 1,
        chunks.size(),
        chunkRecords,
        bytes);
  }

  private void finish() {
    if (!done) {
      done = true;
      log.info(
          "fetch done provider=databento job={} records={} chunks={}",
          job.name(),
          emitted,
          chunk + 1);
      close();
    }
  }

  /** Closes open responses. Idempotent; callable from any thread. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      done = true;
      for (RangeSource source : sources) {
        source.close();
      }
      onClose.run();
    }
  }

  /** The timestamp Databento sorts and filters by: ts_recv, or ts_event for bars. */
  static long indexTs(MarketRecord record) {
    if (record instanceof DatabentoTrade t) {
      return t.tsRecv();
    }
    if (record instanceof DatabentoMbp1 m) {
      return m.tsRecv();
    }
    if (record instanceof DatabentoStatistic s) {
      return s.tsRecv();
    }
    return ((DatabentoBar) record).tsEvent();
  }
}
