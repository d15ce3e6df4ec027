package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order and its latest known state. Natural key {@code (account, brokerOrderId)}; updated
 * through its life, never regressed by a late, older update (see {@link #supersedes}).
 *
 * @param brokerOrderId the broker's id: IB's permId or orderId, Alpaca's order UUID
 * @param updatedAt when the broker last changed this order (Alpaca {@code updated_at}; for IB, the
 *     time our client received the status)
 * @param submittedAt when the order was submitted, if the broker says
 * @since 0.1
 */
public record Order(
    AccountId account,
    String brokerOrderId,
    @Nullable String clientOrderId,
    Instrument instrument,
    Side side,
    OrderType type,
    BigDecimal quantity,
    BigDecimal filledQuantity,
    @Nullable BigDecimal limitPrice,
    @Nullable BigDecimal stopPrice,
    @Nullable BigDecimal averageFillPrice,
    OrderStatus status,
    @Nullable String timeInForce,
    @Nullable Instant submittedAt,
    Instant updatedAt) {

  public Order {
    Check.notNull(account, "Order.account");
    Check.notBlank(brokerOrderId, "Order.brokerOrderId");
    clientOrderId = Check.optionalNotBlank(clientOrderId, "Order.clientOrderId");
    Check.notNull(instrument, "Order.instrument");
    Check.notNull(side, "Order.side");
    Check.notNull(type, "Order.type");
    quantity = Decimals.positive(quantity, "Order.quantity");
    filledQuantity = Decimals.nonNegative(filledQuantity, "Order.filledQuantity");
    Check.that(
        filledQuantity.compareTo(quantity) <= 0,
        "Order.filledQuantity",
        "must not exceed quantity "
            + quantity.toPlainString()
            + ", was "
            + filledQuantity.toPlainString());
    limitPrice = Decimals.optional(limitPrice);
    stopPrice = Decimals.optional(stopPrice);
    averageFillPrice = Decimals.optionalNonNegative(averageFillPrice, "Order.averageFillPrice");
    Check.notNull(status, "Order.status");
    timeInForce = Check.optionalNotBlank(timeInForce, "Order.timeInForce");
    Check.notNull(updatedAt, "Order.updatedAt");
  }

  /**
   * Whether this update should replace {@code stored}, the state already kept for the same order.
   *
   * <ul>
   *   <li>A terminal state (Filled, Cancelled, ...) is never replaced by a live one: a late
   *       Submitted does not undo Filled, whatever its timestamp says.
   *   <li>Otherwise the newer {@code updatedAt} wins.
   *   <li>At equal timestamps the further status wins, then the larger filled quantity.
   * </ul>
   *
   * An update equal to {@code stored} does not supersede it.
   */
  public boolean supersedes(Order stored) {
    if (equals(stored)) {
      return false;
    }
    if (stored.status.isTerminal() && !status.isTerminal()) {
      return false;
    }
    int byTime = updatedAt.compareTo(stored.updatedAt);
    if (byTime != 0) {
      return byTime > 0;
    }
    if (status.progress() != stored.status.progress()) {
      return status.progress() > stored.status.progress();
    }
    return filledQuantity.compareTo(stored.filledQuantity) >= 0;
  }

  /** The same order in a new status at {@code at}, keeping its average fill price. */
  public Order withStatus(OrderStatus newStatus, BigDecimal filled, Instant at) {
    return withFill(newStatus, filled, averageFillPrice, at);
  }

  /** The same order after a fill: new status, filled quantity and average fill price. */
  public Order withFill(
      OrderStatus newStatus, BigDecimal filled, @Nullable BigDecimal averagePrice, Instant at) {
    return new Order(
        account,
        brokerOrderId,
        clientOrderId,
        instrument,
        side,
        type,
        quantity,
        filled,
        limitPrice,
        stopPrice,
        averagePrice,
        newStatus,
        timeInForce,
        submittedAt,
        at);
  }

  public Order withInstrument(Instrument resolved) {
    return new Order(
        account,
        brokerOrderId,
        clientOrderId,
        resolved,
        side,
        type,
        quantity,
        filledQuantity,
        limitPrice,
        stopPrice,
        averageFillPrice,
        status,
        timeInForce,
        submittedAt,
        updatedAt);
  }

  public String naturalKey() {
    return "account=" + account + " brokerOrderId=" + brokerOrderId;
  }
}
