package dev.ingest.api;

import dev.ingest.api.config.Settings;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.internal.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One historical fetch: which data, for which symbols, over which time, in which chunks (seed 004's
 * job config).
 *
 * <p>Chunking is part of the job: {@link #chunks(Duration)} splits {@code [start, end)} into
 * consecutive ranges of {@code dateChunkInterval}, or of the adapter's per-schema default when the
 * job sets none. Adapters fetch the chunks in order.
 *
 * <pre>{@code
 * HistoricalJob job = HistoricalJob.builder("GLBX.MDP3", "ohlcv-1d")
 *     .symbols("ES.c.0").stypeIn("continuous")
 *     .range(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"))
 *     .build();
 * }</pre>
 *
 * @param name a label for logs and progress; defaults to {@code dataset/schema}
 * @param schema the provider's schema name ({@code ohlcv-1d}, {@code trades}, {@code tbbo}, ...)
 * @param stypeIn how {@code symbols} are to be read ({@code raw_symbol}, {@code continuous}, ...)
 * @param dateChunkInterval the chunk length, or null for the adapter's default for the schema
 * @param limit the most records to return in total, or null for all
 * @since 0.1
 */
public record HistoricalJob(
    String name,
    String dataset,
    String schema,
    List<String> symbols,
    String stypeIn,
    TimeRange range,
    @Nullable Duration dateChunkInterval,
    @Nullable Long limit) {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern JOB_SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/^=+ -]{0,63}");

  public HistoricalJob {
    Check.notBlank(name, "HistoricalJob.name");
    Check.matches(dataset, TOKEN, "HistoricalJob.dataset", "a dataset code such as GLBX.MDP3");
    Check.matches(schema, TOKEN, "HistoricalJob.schema", "a schema name such as ohlcv-1d");
    symbols = Check.list(symbols, "HistoricalJob.symbols");
    Check.that(!symbols.isEmpty(), "HistoricalJob.symbols", "must not be empty");
    for (String symbol : symbols) {
      Check.matches(symbol, JOB_SYMBOL, "HistoricalJob.symbols", "symbols without control chars");
    }
    Check.matches(stypeIn, TOKEN, "HistoricalJob.stypeIn", "a symbology type such as raw_symbol");
    Check.notNull(range, "HistoricalJob.range");
    if (dateChunkInterval != null) {
      Check.that(
          !dateChunkInterval.isNegative() && !dateChunkInterval.isZero(),
          "HistoricalJob.dateChunkInterval",
          "must be > 0, was " + dateChunkInterval);
    }
    if (limit != null) {
      Check.positive(limit, "HistoricalJob.limit");
    }
  }

  public static Builder builder(String dataset, String schema) {
    return new Builder(dataset, schema);
  }

  /**
   * Reads seed 004's job map: {@code name, dataset, schema, symbols, start_date, end_date,
   * stype_in, date_chunk_interval_days, limit}. A bad value fails with a {@link
   * ConfigurationException} naming the key.
   */
  public static HistoricalJob fromSettings(Settings job) {
    Builder b = builder(job.require("dataset"), job.require("schema"));
    b.symbols(job.list("symbols"));
    b.range(job.instant("start_date"), job.instant("end_date"));
    job.optional("name").ifPresent(b::name);
    job.optional("stype_in").ifPresent(b::stypeIn);
    if (job.has("date_chunk_interval_days")) {
      b.dateChunkInterval(Duration.ofDays(job.positiveLong("date_chunk_interval_days")));
    }
    if (job.has("limit")) {
      b.limit(job.positiveLong("limit"));
    }
    try {
      return b.build();
    } catch (DataValidationException e) {
      String key = jobKey(e);
      throw new ConfigurationException(key, "invalid job " + key + ": " + e.getMessage());
    }
  }

  /** The seed-004 job key a record field came from, so the message names what the user wrote. */
  private static String jobKey(DataValidationException e) {
    String field = e.recordType() + "." + e.field();
    return switch (field) {
      case "TimeRange.start" -> "start_date";
      case "TimeRange.end" -> "end_date";
      case "HistoricalJob.stypeIn" -> "stype_in";
      case "HistoricalJob.dateChunkInterval" -> "date_chunk_interval_days";
      default -> e.field();
    };
  }

  /**
   * The consecutive chunks of the range, in order, each at most {@code dateChunkInterval} long
   * ({@code defaultInterval} when the job sets none); the last may be shorter.
   */
  public List<TimeRange> chunks(Duration defaultInterval) {
    Duration step = dateChunkInterval != null ? dateChunkInterval : defaultInterval;
    List<TimeRange> chunks = new ArrayList<>();
    Instant from = range.start();
    while (from.isBefore(range.end())) {
      Instant to = from.plus(step);
      if (to.isAfter(range.end()) || to.isBefore(from)) {
        to = range.end();
      }
      chunks.add(new TimeRange(from, to));
      from = to;
    }
    return List.copyOf(chunks);
  }

  /** Builds a {@link HistoricalJob}; {@code stypeIn} defaults to {@code raw_symbol}. */
  public static final class Builder {
    private final String dataset;
    private final String schema;
    private @Nullable String name;
    private List<String> symbols = List.of();
    private String stypeIn = "raw_symbol";
    private @Nullable Instant start;
    private @Nullable Instant end;
    private @Nullable Duration dateChunkInterval;
    private @Nullable Long limit;

    private Builder(String dataset, String schema) {
      this.dataset = dataset;
      this.schema = schema;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder symbols(String... symbols) {
      return symbols(List.of(symbols));
    }

    public Builder symbols(List<String> symbols) {
      this.symbols = symbols;
      return this;
    }

    public Builder stypeIn(String stypeIn) {
      this.stypeIn = stypeIn;
      return this;
    }

    public Builder range(Instant start, Instant end) {
      this.start = start;
      this.end = end;
      return this;
    }

    public Builder dateChunkInterval(Duration interval) {
      this.dateChunkInterval = interval;
      return this;
    }

    public Builder limit(long limit) {
      this.limit = limit;
      return this;
    }

    public HistoricalJob build() {
      return new HistoricalJob(
          name != null ? name : dataset + "/" + schema,
          dataset,
          schema,
          symbols,
          stypeIn,
          new TimeRange(
              Check.notNull(start, "HistoricalJob.start"), Check.notNull(end, "HistoricalJob.end")),
          dateChunkInterval,
          limit);
    }
  }
}
