package dev.ingest.databento.internal;

import dev.ingest.api.IngestListener;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.market.MarketRecord;
import dev.ingest.databento.DatabentoErrorMessage;
import dev.ingest.databento.DatabentoRecord;
import dev.ingest.databento.DatabentoSymbolMapping;
import dev.ingest.databento.DbnFormatException;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of one {@code timeseries.get_range} request, read in batches, resumable: when the
 * body fails part way the request is sent again and the records already taken are skipped, after
 * checking that the last of them is byte for byte the one taken before (so none is lost or
 * repeated, and a changed answer is refused rather than guessed at). Each batch runs as one attempt
 * under the retry policy. Not thread-safe. Internal.
 */
final class RangeSource {
  private static final Logger log = LoggerFactory.getLogger(RangeSource.class);
  private static final String PROVIDER = "databento";
  private static final int MAX_RECORD = 255 * 4;

  private final DatabentoHttp http;
  private final RangeRequest request;
  private final int expectedRtype;
  private final IngestListener listener;
  private final ArrayDeque<MarketRecord> ready = new ArrayDeque<>();
  private final byte[] lastTaken = new byte[MAX_RECORD];
  private int lastTakenLength;

  private DatabentoHttp.@Nullable Body body;
  private @Nullable DbnDecoder decoder;
  private SymbolResolver symbols = new SymbolResolver();
  private long taken;
  private long bytesBefore;
  private boolean finished;
  private @Nullable IngestException failure;

  RangeSource(
      DatabentoHttp http, RangeRequest request, int expectedRtype, IngestListener listener) {
    this.http = http;
    this.request = request;
    this.expectedRtype = expectedRtype;
    this.listener = listener;
  }

  RangeRequest request() {
    return request;
  }

  /** Records decoded and not yet handed out. */
  ArrayDeque<MarketRecord> ready() {
    return ready;
  }

  boolean exhausted() {
    return ready.isEmpty() && (finished || failure != null);
  }

  /** A failure to throw once the records read before it are handed out. */
  @Nullable IngestException failure() {
    return failure;
  }

  void fail(IngestException e) {
    failure = e;
    close();
  }

  boolean finished() {
    return finished;
  }

  /** Wire bytes received for this request, every attempt included. */
  long bytes() {
    DatabentoHttp.Body open = body;
    return bytesBefore + (open == null ? 0 : open.bytesRead());
  }

  /**
   * One attempt: (re)opens the request if needed and decodes up to {@code max} more records into
   * {@link #ready()}. Throws {@link TransportException} for the retry policy to judge; records
   * decoded before the failure stay in {@link #ready()}.
   */
  void fill(int max) {
    if (finished) {
      return;
    }
    try {
      if (decoder == null) {
        open();
      }
      DbnDecoder d = decoder;
      int added = 0;
      while (added < max) {
        if (!d.next()) {
          finished = true;
          close();
          return;
        }
        taken++;
        d.copyRecord(lastTaken);
        lastTakenLength = d.recordLength();
        if (accept(d)) {
          added++;
        }
      }
    } catch (TransportException e) {
      close(); // the next attempt opens afresh and resumes after `taken`
      throw e;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private boolean accept(DbnDecoder d) {
    DatabentoRecord record = d.materialize(symbols);
    if (record == null) {
      return false;
    }
    if (record instanceof DatabentoSymbolMapping mapping) {
      symbols.onMapping(mapping.instrumentId(), mapping.stypeOutSymbol());
      return false;
    }
    if (record instanceof DatabentoErrorMessage error) {
      log.warn(
          "error record in stream provider=databento code={} message={} {}",
          error.code(),
          IngestException.truncate(error.message()),
          request.describe());
      return false;
    }
    if (record.rtype() != expectedRtype || !(record instanceof MarketRecord market)) {
      if (d.rtype() != Rtypes.SYSTEM) {
        listener.validationError(
            PROVIDER,
            new DataValidationException(
                    record.getClass().getSimpleName() + ".rtype",
                    "schema "
                        + request.schema()
                        + " has rtype "
                        + expectedRtype
                        + ", record has "
                        + record.rtype())
                .withContext(
                    PROVIDER,
                    "instrument_id="
                        + record.instrumentId()
                        + " ts_event="
                        + record.tsEvent()
                        + " offset="
                        + d.recordOffset()));
      }
      return false;
    }
    ready.add(market);
    return true;
  }

  private void open() {
    DatabentoHttp.Body opened = http.getRange(request);
    body = opened;
    DbnDecoder d = DbnDecoder.open(opened.stream());
    decoder = d;
    symbols = SymbolResolver.of(d.metadata());
    if (taken > 0) {
      log.warn("resuming range provider=databento after_records={} {}", taken, request.describe());
      skipTaken(d);
    }
  }

  private void skipTaken(DbnDecoder d) {
    for (long i = 0; i < taken; i++) {
      if (!d.next()) {
        throw new DbnFormatException(
            d.recordOffset() + d.recordLength(),
            "records",
            "the re-sent request returned "
                + i
                + " records, "
                + taken
                + " were already taken; refusing to guess which");
      }
      if (d.rtype() == Rtypes.SYMBOL_MAPPING) {
        DatabentoRecord mapping = d.materialize(symbols);
        if (mapping instanceof DatabentoSymbolMapping m) {
          symbols.onMapping(m.instrumentId(), m.stypeOutSymbol());
        }
      }
    }
    if (!d.recordEquals(lastTaken, lastTakenLength)) {
      throw new DbnFormatException(
          d.recordOffset(),
          "records",
          "the re-sent request differs at record "
              + taken
              + " from the first answer; refusing to guess which records were taken");
    }
  }

  void close() {
    DbnDecoder d = decoder;
    decoder = null;
    DatabentoHttp.Body b = body;
    body = null;
    if (b != null) {
      bytesBefore += b.bytesRead();
      b.close(); // first: unblocks a read in progress, so closing the decoder cannot wait on it
    }
    if (d != null) {
      d.close();
    }
  }
}
