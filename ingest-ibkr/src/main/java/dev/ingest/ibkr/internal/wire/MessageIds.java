package dev.ingest.ibkr.internal.wire;

/**
 * Message ids at server version 193 (reference §3). Incoming and outgoing ids are separate spaces:
 * 61 is POSITION coming in and REQ_POSITIONS going out.
 */
public final class MessageIds {
  private MessageIds() {}

  // incoming
  public static final int TICK_PRICE = 1;
  public static final int TICK_SIZE = 2;
  public static final int ORDER_STATUS = 3;
  public static final int ERR_MSG = 4;
  public static final int OPEN_ORDER = 5;
  public static final int NEXT_VALID_ID = 9;
  public static final int CONTRACT_DATA = 10;
  public static final int EXECUTION_DATA = 11;
  public static final int MANAGED_ACCTS = 15;
  public static final int CURRENT_TIME = 49;
  public static final int CONTRACT_DATA_END = 52;
  public static final int OPEN_ORDER_END = 53;
  public static final int EXECUTION_DATA_END = 55;
  public static final int COMMISSION_REPORT = 59;
  public static final int POSITION = 61;
  public static final int POSITION_END = 62;
  public static final int ACCOUNT_SUMMARY = 63;
  public static final int ACCOUNT_SUMMARY_END = 64;

  // outgoing
  public static final int REQ_OPEN_ORDERS = 5;
  public static final int REQ_EXECUTIONS = 7;
  public static final int REQ_IDS = 8;
  public static final int REQ_CONTRACT_DATA = 9;
  public static final int REQ_ALL_OPEN_ORDERS = 16;
  public static final int REQ_MANAGED_ACCTS = 17;
  public static final int REQ_CURRENT_TIME = 49;
  public static final int REQ_POSITIONS = 61;
  public static final int REQ_ACCOUNT_SUMMARY = 62;
  public static final int CANCEL_ACCOUNT_SUMMARY = 63;
  public static final int CANCEL_POSITIONS = 64;
  public static final int START_API = 71;

  /**
   * Whether TWS at version 193 can send {@code id}: messages we do not decode (ticks, depth, news,
   * bars, ...) are then skipped by their length, while an id outside this set means the stream is
   * not what we think it is.
   */
  public static boolean isKnownIncoming(int id) {
    return (id >= 1 && id <= 21) || (id >= 45 && id <= 59) || (id >= 61 && id <= 108);
  }

  /** The reference's name of an incoming message, for errors and logs. */
  public static String incomingName(int id) {
    switch (id) {
      case TICK_PRICE:
        return "TICK_PRICE";
      case TICK_SIZE:
        return "TICK_SIZE";
      case ORDER_STATUS:
        return "ORDER_STATUS";
      case ERR_MSG:
        return "ERR_MSG";
      case OPEN_ORDER:
        return "OPEN_ORDER";
      case NEXT_VALID_ID:
        return "NEXT_VALID_ID";
      case CONTRACT_DATA:
        return "CONTRACT_DATA";
      case EXECUTION_DATA:
        return "EXECUTION_DATA";
      case MANAGED_ACCTS:
        return "MANAGED_ACCTS";
      case CURRENT_TIME:
        return "CURRENT_TIME";
      case CONTRACT_DATA_END:
        return "CONTRACT_DATA_END";
      case OPEN_ORDER_END:
        return "OPEN_ORDER_END";
      case EXECUTION_DATA_END:
        return "EXECUTION_DATA_END";
      case COMMISSION_REPORT:
        return "COMMISSION_REPORT";
      case POSITION:
        return "POSITION";
      case POSITION_END:
        return "POSITION_END";
      case ACCOUNT_SUMMARY:
        return "ACCOUNT_SUMMARY";
      case ACCOUNT_SUMMARY_END:
        return "ACCOUNT_SUMMARY_END";
      default:
        return "MSG_" + id;
    }
  }
}
