package dev.ingest.benchmarks.ibkr;

import dev.ingest.ibkr.internal.SessionOptions;
import dev.ingest.ibkr.internal.TwsSession;
import dev.ingest.ibkr.internal.wire.ExecutionFilter;
import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsContract;
import dev.ingest.testkit.tws.TwsExecution;
import dev.ingest.testkit.tws.TwsOrder;
import dev.ingest.testkit.tws.TwsTranscript;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * A recorded TWS byte stream of mixed account and order messages: a real session (handshake
 * greeting, account summary, positions, open orders with their statuses, executions with commission
 * reports) between this SDK's client and the testkit's fake gateway, as the gateway sent it,
 * repeated to {@link #FRAMES} frames.
 */
final class RecordedTwsStream {
  /** Frames in one recorded session: 5 greeting, 29 summary, 26 positions, 41 orders, 61 fills. */
  static final int FRAMES_PER_SESSION = 162;

  static final int SESSIONS = 30;

  static final int FRAMES = FRAMES_PER_SESSION * SESSIONS;

  private static final String ACCOUNT = "DU1234567";
  private static final String[] TAGS = {
    "NetLiquidation",
    "TotalCashValue",
    "SettledCash",
    "AccruedCash",
    "BuyingPower",
    "EquityWithLoanValue",
    "PreviousDayEquityWithLoanValue",
    "GrossPositionValue",
    "RegTEquity",
    "RegTMargin",
    "SMA",
    "InitMarginReq",
    "MaintMarginReq",
    "AvailableFunds",
    "ExcessLiquidity",
    "Cushion",
    "FullInitMarginReq",
    "FullMaintMarginReq",
    "FullAvailableFunds",
    "FullExcessLiquidity",
    "LookAheadNextChange",
    "LookAheadInitMarginReq",
    "LookAheadMaintMarginReq",
    "LookAheadAvailableFunds",
    "LookAheadExcessLiquidity",
    "DayTradesRemaining",
    "Leverage",
    "HighestSeverity"
  };
  private static final String[] SYMBOLS = {
    "AAPL", "MSFT", "AMZN", "NVDA", "GOOGL", "META", "BRK B", "TSLA", "JPM", "V", "UNH", "XOM",
    "LLY", "JNJ", "WMT", "MA", "PG", "AVGO", "HD", "CVX"
  };

  private RecordedTwsStream() {}

  /** Records one session and repeats it; fails if the session is not the expected size. */
  static byte[] build() {
    try (FakeTwsGateway gateway = scriptedGateway()) {
      try (TwsSession session =
          TwsSession.connect(
              new SessionOptions(gateway.host(), gateway.port(), 0, Duration.ofSeconds(5), ""))) {
        Duration timeout = Duration.ofSeconds(5);
        session.accountSummary("All", String.join(",", TAGS), timeout);
        session.positions(timeout);
        session.allOpenOrders(timeout);
        session.executions(ExecutionFilter.account(ACCOUNT), timeout);
      }
      TwsTranscript recorded = gateway.transcript();
      if (recorded.serverFrameCount() != FRAMES_PER_SESSION) {
        throw new IllegalStateException(
            "the recorded session has "
                + recorded.serverFrameCount()
                + " frames, expected "
                + FRAMES_PER_SESSION);
      }
      byte[] one = recorded.serverBytes();
      ByteArrayOutputStream out = new ByteArrayOutputStream(one.length * SESSIONS);
      for (int i = 0; i < SESSIONS; i++) {
        out.writeBytes(one);
      }
      return out.toByteArray();
    }
  }

  /** A price as TWS reports one: at the tick, two decimals, whatever the default locale. */
  private static String cents(double value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  private static FakeTwsGateway scriptedGateway() {
    FakeTwsGateway gateway = FakeTwsGateway.start().managedAccounts(ACCOUNT);
    for (int i = 0; i < TAGS.length; i++) {
      gateway.accountValue(ACCOUNT, TAGS[i], cents(100_000 + i * 1_234.56), "USD");
    }
    for (int i = 0; i < SYMBOLS.length; i++) {
      gateway.position(
          ACCOUNT,
          TwsContract.stock(265_598 + i, SYMBOLS[i], i % 2 == 0 ? "NASDAQ" : "NYSE"),
          Integer.toString(10 * (i + 1)),
          cents(100 + i * 7.25));
    }
    for (int i = 0; i < 5; i++) {
      gateway.position(
          ACCOUNT,
          TwsContract.option(
              512_345_000 + i, "SPY", "20260320", Integer.toString(590 + 5 * i), "C"),
          "-2",
          "512.3");
    }
    for (int i = 0; i < 20; i++) {
      TwsContract stock = TwsContract.stock(265_598 + i, SYMBOLS[i], "SMART");
      TwsOrder order =
          TwsOrder.limit(
              100 + i,
              1_376_327_000L + i,
              ACCOUNT,
              stock,
              i % 3 == 0 ? "SELL" : "BUY",
              Integer.toString(100 + i),
              cents(150.5 + i));
      gateway.order(i % 4 == 0 ? order.filledAt(cents(150.45 + i)) : order);
    }
    for (int i = 0; i < 30; i++) {
      TwsContract stock = TwsContract.stock(265_598 + i % 20, SYMBOLS[i % 20], "SMART");
      TwsOrder order = TwsOrder.market(200 + i, 1_376_328_000L + i, ACCOUNT, stock, "BUY", "10");
      gateway.execution(
          TwsExecution.fill(
              String.format("0000e0d5.69dd%04x.01.01", i),
              order,
              String.format("20260413 15:%02d:%02d US/Eastern", 30 + i / 60, i % 60),
              "IEX",
              "10",
              // TWS reports fills at the tick: cents, as in the reference captures
              cents(257.95 + i / 100.0),
              "1.0"));
    }
    return gateway;
  }
}
