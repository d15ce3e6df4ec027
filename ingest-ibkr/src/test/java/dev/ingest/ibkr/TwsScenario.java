package dev.ingest.ibkr;

import dev.ingest.api.config.RetrySettings;
import dev.ingest.api.model.AccountId;
import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsContract;
import dev.ingest.testkit.tws.TwsContractDetails;
import dev.ingest.testkit.tws.TwsExecution;
import dev.ingest.testkit.tws.TwsOrder;
import java.time.Duration;
import java.time.ZoneId;

/**
 * One realistic IB account on a fake gateway: balances, a stock, an option, an index future and a
 * class-B share held; a working limit order and a working stop on the option; two fills with
 * commissions. A second account's records are mixed in, as TWS sends every account's.
 */
final class TwsScenario {
  static final String ACCOUNT = "DU1234567";
  static final String OTHER = "DU7654321";
  static final AccountId ACCOUNT_ID = AccountId.of(ACCOUNT);

  static final TwsContract AAPL = TwsContract.stock(265598, "AAPL", "NASDAQ");
  static final TwsContract BRK_B = TwsContract.stock(72063691, "BRK B", "NYSE");
  static final TwsContract SPY_CALL = TwsContract.option(512345678, "SPY", "20260320", "600", "C");
  static final TwsContract ES =
      TwsContract.future(649180695, "ES", "20261218", "ESZ6", "CME", "50");

  static final TwsOrder AAPL_BUY =
      TwsOrder.limit(13, 1376327563L, ACCOUNT, AAPL.withExchange("SMART"), "BUY", "100", "196.5")
          .withOrderRef("rebalance-1");
  static final TwsOrder SPY_SELL =
      new TwsOrder(
          14,
          1376327564L,
          0,
          ACCOUNT,
          SPY_CALL,
          "SELL",
          "2",
          "STP LMT",
          "4.25",
          "4.5",
          "GTC",
          "",
          "PreSubmitted",
          "0",
          "2",
          "0",
          "0");
  static final TwsOrder OTHER_ORDER =
      TwsOrder.market(15, 1376327565L, OTHER, AAPL.withExchange("SMART"), "BUY", "1");

  static final TwsExecution AAPL_FILL =
      TwsExecution.fill(
          "0000e0d5.69dd7411.01.01",
          TwsOrder.market(11, 1376327561L, ACCOUNT, AAPL.withExchange("SMART"), "BUY", "100"),
          "20260413 15:27:04 US/Eastern",
          "IEX",
          "100",
          "257.95",
          "1.0");
  static final TwsExecution SPY_FILL =
      TwsExecution.fill(
          "0000e0d5.69dd7420.01.01",
          TwsOrder.market(12, 1376327562L, ACCOUNT, SPY_CALL, "SELL", "2"),
          "20260413 15:40:00 US/Eastern",
          "CBOE",
          "2",
          "5.15",
          "1.3");
  static final TwsExecution OTHER_FILL =
      TwsExecution.fill(
          "0000e0d5.69dd7499.01.01",
          TwsOrder.market(16, 1376327566L, OTHER, AAPL.withExchange("SMART"), "BUY", "1"),
          "20260413 15:41:00 US/Eastern",
          "IEX",
          "1",
          "258.00",
          "1.0");

  private TwsScenario() {}

  /** A gateway holding the whole scenario. */
  static FakeTwsGateway gateway() {
    FakeTwsGateway gateway = FakeTwsGateway.start().managedAccounts(ACCOUNT, OTHER);
    gateway
        .accountValue(ACCOUNT, "AccountType", "INDIVIDUAL", "")
        .accountValue(ACCOUNT, "NetLiquidation", "100000.00", "USD")
        .accountValue(ACCOUNT, "TotalCashValue", "25000.50", "USD")
        .accountValue(ACCOUNT, "BuyingPower", "400000.00", "USD")
        .accountValue(ACCOUNT, "MaintMarginReq", "12000.00", "USD")
        .accountValue(OTHER, "NetLiquidation", "5.00", "USD")
        .accountValue(OTHER, "TotalCashValue", "5.00", "USD");
    gateway
        .position(ACCOUNT, AAPL, "100", "150.25")
        .position(ACCOUNT, SPY_CALL, "-2", "512.3")
        .position(ACCOUNT, ES, "1", "300125.5")
        .position(ACCOUNT, BRK_B, "10", "412.1")
        .position(OTHER, AAPL, "1", "150");
    gateway
        .contract(
            TwsContractDetails.future(ES, "E-mini S&P 500", "08:30 US/Central", 11004968, "IND"))
        .contract(TwsContractDetails.stock(AAPL, "APPLE INC", "US0378331005"))
        .contract(TwsContractDetails.stock(BRK_B, "BERKSHIRE HATHAWAY INC-CL B", ""))
        .contract(TwsContractDetails.option(SPY_CALL, "SPDR S&P 500 ETF TRUST", 756733));
    gateway.order(AAPL_BUY).order(SPY_SELL).order(OTHER_ORDER);
    gateway.execution(AAPL_FILL).execution(SPY_FILL).execution(OTHER_FILL);
    return gateway;
  }

  /** Short timeouts and no retry, for tests; TWS's zone-less times read as New York. */
  static IbkrConfig config(FakeTwsGateway gateway) {
    return IbkrConfig.of(gateway.host(), gateway.port(), 0)
        .withAccount(ACCOUNT_ID)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withCommissionGrace(Duration.ofMillis(300))
        .withTwsTimeZone(ZoneId.of("America/New_York"))
        .withRetry(RetrySettings.NONE);
  }
}
