package dev.ingest.databento.internal;

import java.util.List;
import okhttp3.FormBody;
import org.jspecify.annotations.Nullable;

/**
 * One {@code timeseries.get_range} request: a chunk of the job's time range for a batch of its
 * symbols. Times are UNIX nanoseconds, {@code [start, end)}. Internal.
 */
public record RangeRequest(
    String dataset,
    String schema,
    List<String> symbols,
    String stypeIn,
    long start,
    long end,
    @Nullable Long limit) {

  public RangeRequest {
    symbols = List.copyOf(symbols);
  }

  /**
   * The form body. DBN, zstd-compressed: the decoder detects compression itself, so a gateway that
   * ignores the option still works.
   */
  FormBody form() {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("dataset", dataset)
            .add("schema", schema)
            .add("symbols", String.join(",", symbols))
            .add("stype_in", stypeIn)
            .add("stype_out", "instrument_id")
            .add("start", Long.toString(start))
            .add("end", Long.toString(end))
            .add("encoding", "dbn")
            .add("compression", "zstd");
    if (limit != null) {
      form.add("limit", Long.toString(limit));
    }
    return form.build();
  }

  /** {@code key=value} context for logs and errors; long symbol lists are cut. */
  public String describe() {
    return "dataset="
        + dataset
        + " schema="
        + schema
        + " symbols="
        + Symbols.summary(symbols)
        + " start="
        + Timestamps.toInstant(start)
        + " end="
        + Timestamps.toInstant(end);
  }
}
