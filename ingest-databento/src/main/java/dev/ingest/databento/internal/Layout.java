package dev.ingest.databento.internal;

/**
 * Byte offsets of DBN record fields, relative to the record start (little-endian, packed C structs;
 * see reference/databento.md section 2.6). Internal.
 */
public final class Layout {
  // header, every record
  public static final int LENGTH = 0;
  public static final int RTYPE = 1;
  public static final int PUBLISHER_ID = 2;
  public static final int INSTRUMENT_ID = 4;
  public static final int TS_EVENT = 8;

  // OhlcvMsg, 56 bytes
  public static final int OHLCV_OPEN = 16;
  public static final int OHLCV_HIGH = 24;
  public static final int OHLCV_LOW = 32;
  public static final int OHLCV_CLOSE = 40;
  public static final int OHLCV_VOLUME = 48;
  public static final int OHLCV_SIZE = 56;

  // TradeMsg, 48 bytes; Mbp1Msg shares these and appends one bid/ask level
  public static final int TRADE_PRICE = 16;
  public static final int TRADE_SIZE_FIELD = 24;
  public static final int TRADE_ACTION = 28;
  public static final int TRADE_SIDE = 29;
  public static final int TRADE_FLAGS = 30;
  public static final int TRADE_DEPTH = 31;
  public static final int TRADE_TS_RECV = 32;
  public static final int TRADE_TS_IN_DELTA = 40;
  public static final int TRADE_SEQUENCE = 44;
  public static final int TRADE_SIZE = 48;

  public static final int MBP1_BID_PX = 48;
  public static final int MBP1_ASK_PX = 56;
  public static final int MBP1_BID_SZ = 64;
  public static final int MBP1_ASK_SZ = 68;
  public static final int MBP1_BID_CT = 72;
  public static final int MBP1_ASK_CT = 76;
  public static final int MBP1_SIZE = 80;

  // StatMsg: v3 80 bytes with i64 quantity; v1/v2 64 bytes with i32 quantity
  public static final int STAT_TS_RECV = 16;
  public static final int STAT_TS_REF = 24;
  public static final int STAT_PRICE = 32;
  public static final int STAT_QUANTITY = 40;
  public static final int STAT_V3_SEQUENCE = 48;
  public static final int STAT_V3_TS_IN_DELTA = 52;
  public static final int STAT_V3_STAT_TYPE = 56;
  public static final int STAT_V3_CHANNEL_ID = 58;
  public static final int STAT_V3_UPDATE_ACTION = 60;
  public static final int STAT_V3_STAT_FLAGS = 61;
  public static final int STAT_SIZE_V3 = 80;
  public static final int STAT_V1_SEQUENCE = 44;
  public static final int STAT_V1_TS_IN_DELTA = 48;
  public static final int STAT_V1_STAT_TYPE = 52;
  public static final int STAT_V1_CHANNEL_ID = 54;
  public static final int STAT_V1_UPDATE_ACTION = 56;
  public static final int STAT_V1_STAT_FLAGS = 57;
  public static final int STAT_SIZE_V1 = 64;

  // SymbolMappingMsg: v1 80 bytes (22-char symbols, no stypes); v2/v3 176 bytes (71-char symbols)
  public static final int MAPPING_V1_STYPE_IN_SYMBOL = 16;
  public static final int MAPPING_V1_STYPE_OUT_SYMBOL = 38;
  public static final int MAPPING_V1_START_TS = 64;
  public static final int MAPPING_V1_END_TS = 72;
  public static final int MAPPING_SIZE_V1 = 80;
  public static final int SYMBOL_LEN_V1 = 22;
  public static final int MAPPING_V2_STYPE_IN = 16;
  public static final int MAPPING_V2_STYPE_IN_SYMBOL = 17;
  public static final int MAPPING_V2_STYPE_OUT = 88;
  public static final int MAPPING_V2_STYPE_OUT_SYMBOL = 89;
  public static final int MAPPING_V2_START_TS = 160;
  public static final int MAPPING_V2_END_TS = 168;
  public static final int MAPPING_SIZE_V2 = 176;
  public static final int SYMBOL_LEN_V2 = 71;

  // ErrorMsg / SystemMsg: v1 80 bytes (64-char text); v2/v3 320 bytes
  public static final int TEXT = 16;
  public static final int TEXT_LEN_V1 = 64;
  public static final int TEXT_SIZE_V1 = 80;
  public static final int ERROR_V2_TEXT_LEN = 302;
  public static final int ERROR_V2_CODE = 318;
  public static final int ERROR_V2_IS_LAST = 319;
  public static final int ERROR_SIZE_V2 = 320;
  public static final int SYSTEM_V2_TEXT_LEN = 303;
  public static final int SYSTEM_V2_CODE = 319;
  public static final int SYSTEM_SIZE_V2 = 320;

  private Layout() {}
}
