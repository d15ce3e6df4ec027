package dev.ingest.ibkr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AssetClass;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.Symbol;
import dev.ingest.ibkr.internal.wire.AccountSummaryMessage;
import dev.ingest.ibkr.internal.wire.WireContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class IbkrRecordsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void ibsStatusesMapOntoTheSyncLifeCycle() {
    assertThat(IbkrRecords.status("PendingSubmit", BigDecimal.ZERO))
        .isEqualTo(OrderStatus.PENDING_SUBMIT);
    assertThat(IbkrRecords.status("PreSubmitted", BigDecimal.ZERO))
        .isEqualTo(OrderStatus.SUBMITTED);
    assertThat(IbkrRecords.status("Submitted", BigDecimal.TEN))
        .isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(IbkrRecords.status("PendingCancel", BigDecimal.ZERO))
        .isEqualTo(OrderStatus.PENDING_CANCEL);
    assertThat(IbkrRecords.status("ApiCancelled", BigDecimal.ZERO))
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(IbkrRecords.status("Filled", BigDecimal.TEN)).isEqualTo(OrderStatus.FILLED);
    assertThat(IbkrRecords.status("Inactive", BigDecimal.ZERO)).isEqualTo(OrderStatus.REJECTED);
    assertThatThrownBy(() -> IbkrRecords.status("Dormant", BigDecimal.ZERO))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("Order.status");
  }

  @Test
  void executionTimesInEveryFormTwsWrites() {
    assertThat(IbkrTimes.parse("20260413 15:27:04 US/Eastern", NEW_YORK, "t"))
        .isEqualTo(Instant.parse("2026-04-13T19:27:04Z"));
    assertThat(IbkrTimes.parse("20250708 02:35:00 America/New_York", NEW_YORK, "t"))
        .isEqualTo(Instant.parse("2025-07-08T06:35:00Z"));
    // older builds: two spaces, TWS-local time
    assertThat(IbkrTimes.parse("20230224  12:04:56", NEW_YORK, "t"))
        .isEqualTo(Instant.parse("2023-02-24T17:04:56Z"));
    assertThat(IbkrTimes.parse("20260413-19:27:04", NEW_YORK, "t"))
        .isEqualTo(Instant.parse("2026-04-13T19:27:04Z"));
    assertThat(IbkrTimes.parse("20260115 10:30:00 EST", NEW_YORK, "t"))
        .isEqualTo(Instant.parse("2026-01-15T15:30:00Z"));
    assertThat(IbkrTimes.parse("1776108424", NEW_YORK, "t"))
        .isEqualTo(Instant.ofEpochSecond(1776108424L));
    assertThatThrownBy(() -> IbkrTimes.parse("yesterday", NEW_YORK, "Execution.executedAt"))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("Execution.executedAt");
    assertThatThrownBy(() -> IbkrTimes.parse("20260413 15:27:04 Mars/Base", NEW_YORK, "t"))
        .hasMessageContaining("Mars/Base");
  }

  @Test
  void expiriesWithAndWithoutTheirTime() {
    assertThat(IbkrTimes.expiry("20261218", "f")).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(IbkrTimes.expiry("20261218 08:30 US/Central", "f"))
        .isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(IbkrTimes.expiry("20261218 08:30:00 US/Central", "f"))
        .isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(IbkrTimes.expiry("202612", "f")).isNull();
    assertThat(IbkrTimes.expiry("", "f")).isNull();
  }

  @Test
  void anOptionWithoutLocalSymbolGetsItsOccSymbol() {
    WireContract call =
        new WireContract(
            1, "AAPL", "OPT", "20240119", 182.5, "C", "100", "SMART", "", "USD", "", "AAPL");
    Instrument option = IbkrRecords.instrument(call, null);
    assertThat(option.symbol()).isEqualTo(Symbol.of("AAPL240119C00182500"));
    assertThat(option.assetClass()).isEqualTo(AssetClass.OPTION);
  }

  @Test
  void forexIsNamedByItsPair() {
    WireContract eur =
        new WireContract(
            12087792, "EUR", "CASH", "", 0.0, "", "", "IDEALPRO", "", "USD", "EUR.USD", "EUR.USD");
    assertThat(IbkrRecords.instrument(eur, null).symbol()).isEqualTo(Symbol.of("EUR.USD"));
  }

  @Test
  void aSnapshotNeedsNetLiquidationAndIgnoresTextTags() {
    AccountId account = AccountId.of("DU1");
    List<AccountSummaryMessage> rows =
        List.of(
            new AccountSummaryMessage(1, "DU1", "AccountType", "INDIVIDUAL", ""),
            new AccountSummaryMessage(1, "DU1", "TotalCashValue", "1,000.50", "USD"));
    assertThatThrownBy(() -> IbkrRecords.snapshot(account, rows, Instant.EPOCH))
        .isInstanceOf(DataValidationException.class);
    assertThat(IbkrRecords.snapshot(account, List.of(), Instant.EPOCH)).isEmpty();
  }

  @Test
  void aNonNumericExtraTagIsLeftOutButANonNumericBalanceIsAnError() {
    AccountId account = AccountId.of("DU1");
    AccountSummaryMessage net = new AccountSummaryMessage(1, "DU1", "NetLiquidation", "10", "USD");
    AccountSummaryMessage cash = new AccountSummaryMessage(1, "DU1", "TotalCashValue", "5", "USD");
    AccountSummaryMessage odd = new AccountSummaryMessage(1, "DU1", "Leverage", "n/a", "");
    assertThat(IbkrRecords.snapshot(account, List.of(net, cash, odd), Instant.EPOCH))
        .hasValueSatisfying(s -> assertThat(s.values()).isEmpty());
    AccountSummaryMessage bad = new AccountSummaryMessage(1, "DU1", "TotalCashValue", "n/a", "USD");
    assertThatThrownBy(() -> IbkrRecords.snapshot(account, List.of(net, bad), Instant.EPOCH))
        .hasMessageContaining("AccountSnapshot.TotalCashValue");
  }
}
