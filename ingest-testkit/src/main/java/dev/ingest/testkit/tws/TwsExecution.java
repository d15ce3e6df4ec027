package dev.ingest.testkit.tws;

import dev.ingest.api.Beta;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fill the fake gateway reports with EXECUTION_DATA, and its COMMISSION_REPORT when {@code
 * commission} is set. Numbers are wire text.
 *
 * @param time as TWS writes it: {@code 20260413 15:27:04 US/Eastern}
 * @param exchange the execution venue
 * @param side {@code BOT} or {@code SLD}
 * @param commission the commission report's amount, or null to send no report
 * @since 0.1
 */
@Beta
public record TwsExecution(
    String execId,
    int orderId,
    long permId,
    int clientId,
    String account,
    TwsContract contract,
    String time,
    String exchange,
    String side,
    String shares,
    String price,
    String cumQty,
    String avgPrice,
    String orderRef,
    @Nullable String commission,
    String commissionCurrency) {

  public TwsExecution {
    Objects.requireNonNull(execId, "execId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(shares, "shares");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(cumQty, "cumQty");
    Objects.requireNonNull(avgPrice, "avgPrice");
    Objects.requireNonNull(orderRef, "orderRef");
    Objects.requireNonNull(commissionCurrency, "commissionCurrency");
  }

  /** One complete fill of an order ({@code cumQty = shares}) with a USD commission. */
  public static TwsExecution fill(
      String execId,
      TwsOrder order,
      String time,
      String exchange,
      String shares,
      String price,
      String commission) {
    return new TwsExecution(
        execId,
        order.orderId(),
        order.permId(),
        order.clientId(),
        order.account(),
        order.contract(),
        time,
        exchange,
        order.action().equals("BUY") ? "BOT" : "SLD",
        shares,
        price,
        shares,
        price,
        order.orderRef(),
        commission,
        "USD");
  }

  /** The same fill without a commission report. */
  public TwsExecution withoutCommission() {
    return new TwsExecution(
        execId,
        orderId,
        permId,
        clientId,
        account,
        contract,
        time,
        exchange,
        side,
        shares,
        price,
        cumQty,
        avgPrice,
        orderRef,
        null,
        commissionCurrency);
  }
}
