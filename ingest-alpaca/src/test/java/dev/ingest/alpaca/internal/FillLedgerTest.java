package dev.ingest.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FillLedgerTest {
  private static final Instant T = Instant.parse("2024-03-01T14:30:00Z");
  private static final FillKey KEY =
      new FillKey("order-1", new BigDecimal("4"), new BigDecimal("4"));
  private final FillLedger ledger = new FillLedger();

  @Test
  void twinsWithTheSameIdAreBothAppendedForTheLakeToCollapse() {
    assertThat(ledger.onStream(KEY, "20240301093000000::e1")).isInstanceOf(FillLedger.Append.class);
    ledger.recordStream(KEY, "20240301093000000::e1", T, true);

    assertThat(ledger.onRest(KEY, "20240301093000000::e1")).isInstanceOf(FillLedger.Append.class);
    ledger.recordRest(KEY, "20240301093000000::e1", T);

    assertThat(ledger.expire(T.plusSeconds(1), T)).isEmpty();
  }

  @Test
  void aRestTwinUnderAnotherIdIsNotWrittenAndIsReportedOnce() {
    ledger.recordStream(KEY, "20240301093000000::stream", T, true);

    var first = ledger.onRest(KEY, "20240301093000001::rest");
    var again = ledger.onRest(KEY, "20240301093000001::rest");

    assertThat(first).isEqualTo(new FillLedger.TwinElsewhere("20240301093000000::stream", true));
    assertThat(again).isEqualTo(new FillLedger.TwinElsewhere("20240301093000000::stream", false));
    assertThat(ledger.expire(T.plusSeconds(1), T)).isEmpty();
  }

  @Test
  void aStreamCopyArrivingAfterItsRestTwinUnderAnotherIdIsNotWritten() {
    ledger.recordRest(KEY, "20240301093000001::rest", T);

    assertThat(ledger.onStream(KEY, "20240301093000000::stream"))
        .isEqualTo(new FillLedger.TwinElsewhere("20240301093000001::rest", true));
  }

  @Test
  void aStreamFillThatNeverMetItsTwinIsReportedOnceWhenItLeavesTheWindow() {
    ledger.recordStream(KEY, "20240301093000000::lonely", T, true);

    assertThat(ledger.expire(T, T.minusSeconds(600))).isEmpty();
    assertThat(ledger.expire(T.plusMillis(1), T.minusSeconds(600)))
        .extracting(FillLedger.Unmatched::activityId)
        .containsExactly("20240301093000000::lonely");
    assertThat(ledger.expire(T.plusMillis(2), T.minusSeconds(600))).isEmpty();
    assertThat(ledger.expire(T.plusSeconds(700), T.plusMillis(1))).isEmpty();
    assertThat(ledger.size()).isZero();
  }

  @Test
  void fillsWithoutAKeyAlwaysGoByTheirIds() {
    assertThat(ledger.onStream(null, "a")).isInstanceOf(FillLedger.Append.class);
    ledger.recordStream(null, "a", T, true);
    assertThat(ledger.onRest(null, "b")).isInstanceOf(FillLedger.Append.class);
    assertThat(ledger.size()).isZero();
  }
}
