package dev.ingest.api.model;

import static dev.ingest.api.model.RecordsTest.T0;
import static dev.ingest.api.model.RecordsTest.order;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The order rule of seed 000: updated through its life, never regressed by a late update. */
class OrderSupersedesTest {

  @Test
  void aNewerStatusSupersedesAnOlderOne() {
    Order submitted = order(OrderStatus.SUBMITTED, "0", T0);
    Order filled = order(OrderStatus.FILLED, "100", T0.plusSeconds(1));

    assertThat(filled.supersedes(submitted)).isTrue();
    assertThat(submitted.supersedes(filled)).isFalse();
  }

  @Test
  void aLateSubmittedDoesNotUndoFilledEvenWithANewerTimestamp() {
    Order filled = order(OrderStatus.FILLED, "100", T0);

    assertThat(order(OrderStatus.SUBMITTED, "0", T0.plusSeconds(60)).supersedes(filled)).isFalse();
    assertThat(order(OrderStatus.PENDING_CANCEL, "100", T0.plusSeconds(60)).supersedes(filled))
        .isFalse();
  }

  @Test
  void aNewerTerminalStateMayFollowAnother() {
    Order filled = order(OrderStatus.FILLED, "100", T0);

    assertThat(order(OrderStatus.CANCELLED, "100", T0.plusSeconds(1)).supersedes(filled)).isTrue();
    assertThat(order(OrderStatus.CANCELLED, "100", T0.minusSeconds(1)).supersedes(filled))
        .isFalse();
  }

  @Test
  void atEqualTimestampsTheFurtherStatusThenTheLargerFillWins() {
    Order partial = order(OrderStatus.PARTIALLY_FILLED, "40", T0);

    assertThat(order(OrderStatus.SUBMITTED, "0", T0).supersedes(partial)).isFalse();
    assertThat(order(OrderStatus.PARTIALLY_FILLED, "60", T0).supersedes(partial)).isTrue();
    assertThat(order(OrderStatus.PARTIALLY_FILLED, "20", T0).supersedes(partial)).isFalse();
    assertThat(order(OrderStatus.FILLED, "100", T0).supersedes(partial)).isTrue();
  }

  @Test
  void anIdenticalUpdateSupersedesNothing() {
    Order partial = order(OrderStatus.PARTIALLY_FILLED, "40", T0);

    assertThat(order(OrderStatus.PARTIALLY_FILLED, "40.0", T0).supersedes(partial)).isFalse();
  }
}
