package dev.ingest.ibkr.internal.wire;

/**
 * Receives each decoded incoming message. A message arrives here only once all of its fields were
 * read and checked, so a handler never sees half a frame. Every method defaults to doing nothing.
 *
 * <p>Called on the decoding thread, one message at a time.
 */
public interface TwsHandler {

  default void nextValidId(int orderId) {}

  /** The comma-separated list as sent ({@code DU111,DU222}, maybe with a trailing comma). */
  default void managedAccounts(String accountsList) {}

  default void error(ErrorMessage error) {}

  default void currentTime(long epochSeconds) {}

  default void accountSummary(AccountSummaryMessage message) {}

  default void accountSummaryEnd(int reqId) {}

  default void position(PositionMessage message) {}

  default void positionEnd() {}

  default void openOrder(OpenOrderMessage message) {}

  default void orderStatus(OrderStatusMessage message) {}

  default void openOrderEnd() {}

  default void execution(ExecutionMessage message) {}

  default void executionEnd(int reqId) {}

  default void commissionReport(CommissionReportMessage message) {}

  default void contractDetails(ContractDetailsMessage message) {}

  default void contractDetailsEnd(int reqId) {}

  /** A message TWS may send that this client does not decode (ticks, news, ...); skipped whole. */
  default void skipped(int messageId) {}
}
