package dev.ingest.databento.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** DBN record types and the sizes the decoder checks them against. Internal. */
public final class Rtypes {
  public static final int MBP_0 = 0x00;
  public static final int MBP_1 = 0x01;
  public static final int OHLCV_DEPRECATED = 0x11;
  public static final int ERROR = 0x15;
  public static final int SYMBOL_MAPPING = 0x16;
  public static final int SYSTEM = 0x17;
  public static final int STATISTICS = 0x18;
  public static final int OHLCV_1S = 0x20;
  public static final int OHLCV_1M = 0x21;
  public static final int OHLCV_1H = 0x22;
  public static final int OHLCV_1D = 0x23;
  public static final int OHLCV_EOD = 0x24;

  /** Every record starts with this 16-byte header. */
  public static final int HEADER_SIZE = 16;

  private Rtypes() {}

  public static boolean isOhlcv(int rtype) {
    return rtype == OHLCV_DEPRECATED || (rtype >= OHLCV_1S && rtype <= OHLCV_EOD);
  }

  public static @Nullable Duration ohlcvInterval(int rtype) {
    return switch (rtype) {
      case OHLCV_1S -> Duration.ofSeconds(1);
      case OHLCV_1M -> Duration.ofMinutes(1);
      case OHLCV_1H -> Duration.ofHours(1);
      case OHLCV_1D, OHLCV_EOD -> Duration.ofDays(1);
      default -> null;
    };
  }

  /**
   * The smallest record each rtype may have in DBN {@code version}, indexed by rtype; 16 (the
   * header) for types the SDK only skips. Larger is allowed: {@code ts_out} appends 8 bytes.
   */
  static int[] minimumSizes(int version) {
    int[] sizes = new int[256];
    java.util.Arrays.fill(sizes, HEADER_SIZE);
    sizes[MBP_0] = Layout.TRADE_SIZE;
    sizes[MBP_1] = Layout.MBP1_SIZE;
    sizes[OHLCV_DEPRECATED] = Layout.OHLCV_SIZE;
    for (int r = OHLCV_1S; r <= OHLCV_EOD; r++) {
      sizes[r] = Layout.OHLCV_SIZE;
    }
    sizes[STATISTICS] = version >= 3 ? Layout.STAT_SIZE_V3 : Layout.STAT_SIZE_V1;
    sizes[SYMBOL_MAPPING] = version >= 2 ? Layout.MAPPING_SIZE_V2 : Layout.MAPPING_SIZE_V1;
    sizes[ERROR] = version >= 2 ? Layout.ERROR_SIZE_V2 : Layout.TEXT_SIZE_V1;
    sizes[SYSTEM] = version >= 2 ? Layout.SYSTEM_SIZE_V2 : Layout.TEXT_SIZE_V1;
    return sizes;
  }
}
