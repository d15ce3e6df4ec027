package dev.ingest.databento.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * DBN schema ids and names, the schemas the adapter fetches, their rtypes and their default chunk
 * lengths. Internal.
 */
public final class Schemas {
  /** Metadata schema id of a mixed stream. */
  public static final int MIXED = 0xFFFF;

  private static final List<String> NAMES =
      List.of(
          "mbo",
          "mbp-1",
          "mbp-10",
          "tbbo",
          "trades",
          "ohlcv-1s",
          "ohlcv-1m",
          "ohlcv-1h",
          "ohlcv-1d",
          "definition",
          "statistics",
          "status",
          "imbalance",
          "ohlcv-eod",
          "cmbp-1",
          "cbbo-1s",
          "cbbo-1m",
          "tcbbo",
          "bbo-1s",
          "bbo-1m");

  /** The record type each fetchable schema yields. */
  private static final Map<String, Integer> RTYPES =
      Map.of(
          "ohlcv-1s", Rtypes.OHLCV_1S,
          "ohlcv-1m", Rtypes.OHLCV_1M,
          "ohlcv-1h", Rtypes.OHLCV_1H,
          "ohlcv-1d", Rtypes.OHLCV_1D,
          "ohlcv-eod", Rtypes.OHLCV_EOD,
          "trades", Rtypes.MBP_0,
          "tbbo", Rtypes.MBP_1,
          "mbp-1", Rtypes.MBP_1,
          "statistics", Rtypes.STATISTICS);

  /**
   * Seed 004's chunk strategy (ohlcv-1d 30 days, ohlcv-1m 7, trades and tbbo 1), extended to the
   * other schemas by their data volume.
   */
  private static final Map<String, Duration> CHUNKS =
      Map.of(
          "ohlcv-1s", Duration.ofDays(1),
          "ohlcv-1m", Duration.ofDays(7),
          "ohlcv-1h", Duration.ofDays(30),
          "ohlcv-1d", Duration.ofDays(30),
          "ohlcv-eod", Duration.ofDays(30),
          "trades", Duration.ofDays(1),
          "tbbo", Duration.ofDays(1),
          "mbp-1", Duration.ofDays(1),
          "statistics", Duration.ofDays(7));

  private Schemas() {}

  /** The schema's name, null for a mixed stream, {@code schema#<id>} for one we do not know. */
  public static @Nullable String name(int id) {
    if (id == MIXED) {
      return null;
    }
    return id < NAMES.size() ? NAMES.get(id) : "schema#" + id;
  }

  /** Whether the adapter can fetch and decode {@code schema}. */
  public static boolean isFetchable(String schema) {
    return RTYPES.containsKey(schema);
  }

  /** The schemas the adapter fetches, sorted. */
  public static List<String> fetchable() {
    return RTYPES.keySet().stream().sorted().toList();
  }

  /** The rtype a fetchable schema's records have. */
  public static int rtype(String schema) {
    Integer rtype = RTYPES.get(schema);
    if (rtype == null) {
      throw new IllegalArgumentException("not a fetchable schema: " + schema);
    }
    return rtype;
  }

  /** The default chunk length for a fetchable schema. */
  public static Duration defaultChunk(String schema) {
    return CHUNKS.getOrDefault(schema, Duration.ofDays(1));
  }
}
