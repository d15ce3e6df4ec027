package dev.ingest.testkit.tws;

import dev.ingest.api.Beta;
import java.util.Objects;

/**
 * An order the fake gateway reports with OPEN_ORDER followed by ORDER_STATUS. Quantities and prices
 * are wire text. Move it through its life with {@link #withStatus} and put it back into the
 * gateway: {@code Submitted -> Filled -> Cancelled}.
 *
 * @param status TWS's status: {@code PreSubmitted}, {@code Submitted}, {@code Filled}, {@code
 *     Cancelled}, {@code Inactive}, ...
 * @param lmtPrice {@code ""} when the order has none
 * @since 0.1
 */
@Beta
public record TwsOrder(
    int orderId,
    long permId,
    int clientId,
    String account,
    TwsContract contract,
    String action,
    String totalQuantity,
    String orderType,
    String lmtPrice,
    String auxPrice,
    String tif,
    String orderRef,
    String status,
    String filled,
    String remaining,
    String avgFillPrice,
    String lastFillPrice) {

  public TwsOrder {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(totalQuantity, "totalQuantity");
    Objects.requireNonNull(orderType, "orderType");
    Objects.requireNonNull(lmtPrice, "lmtPrice");
    Objects.requireNonNull(auxPrice, "auxPrice");
    Objects.requireNonNull(tif, "tif");
    Objects.requireNonNull(orderRef, "orderRef");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(filled, "filled");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(avgFillPrice, "avgFillPrice");
    Objects.requireNonNull(lastFillPrice, "lastFillPrice");
  }

  /** A working DAY limit order placed by client 0, nothing filled yet. */
  public static TwsOrder limit(
      int orderId,
      long permId,
      String account,
      TwsContract contract,
      String action,
      String quantity,
      String limitPrice) {
    return new TwsOrder(
        orderId,
        permId,
        0,
        account,
        contract,
        action,
        quantity,
        "LMT",
        limitPrice,
        "0.0",
        "DAY",
        "",
        "Submitted",
        "0",
        quantity,
        "0",
        "0");
  }

  /** A working DAY market order placed by client 0. */
  public static TwsOrder market(
      int orderId, long permId, String account, TwsContract contract, String action, String qty) {
    return new TwsOrder(
        orderId,
        permId,
        0,
        account,
        contract,
        action,
        qty,
        "MKT",
        "0.0",
        "0.0",
        "DAY",
        "",
        "Submitted",
        "0",
        qty,
        "0",
        "0");
  }

  /** The order in a new state, as ORDER_STATUS reports it. */
  public TwsOrder withStatus(
      String newStatus, String newFilled, String newRemaining, String newAvgFillPrice) {
    return new TwsOrder(
        orderId,
        permId,
        clientId,
        account,
        contract,
        action,
        totalQuantity,
        orderType,
        lmtPrice,
        auxPrice,
        tif,
        orderRef,
        newStatus,
        newFilled,
        newRemaining,
        newAvgFillPrice,
        newFilled.equals("0") ? lastFillPrice : newAvgFillPrice);
  }

  /** Completely filled at {@code avgPrice}. */
  public TwsOrder filledAt(String avgPrice) {
    return withStatus("Filled", totalQuantity, "0", avgPrice);
  }

  public TwsOrder withClientId(int value) {
    return new TwsOrder(
        orderId,
        permId,
        value,
        account,
        contract,
        action,
        totalQuantity,
        orderType,
        lmtPrice,
        auxPrice,
        tif,
        orderRef,
        status,
        filled,
        remaining,
        avgFillPrice,
        lastFillPrice);
  }

  public TwsOrder withOrderRef(String value) {
    return new TwsOrder(
        orderId,
        permId,
        clientId,
        account,
        contract,
        action,
        totalQuantity,
        orderType,
        lmtPrice,
        auxPrice,
        tif,
        value,
        status,
        filled,
        remaining,
        avgFillPrice,
        lastFillPrice);
  }
}
