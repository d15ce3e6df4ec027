package dev.ingest.ibkr.internal.wire;

import java.util.ArrayList;
import java.util.List;

/** Collects every decoded message, in order, as records (END messages as small markers). */
final class Recorder implements TwsHandler {
  record End(String message, int reqId) {}

  record Skipped(int id) {}

  record Accounts(String list) {}

  record NextId(int orderId) {}

  record Time(long epochSeconds) {}

  final List<Object> messages = new ArrayList<>();

  static List<Object> decodeAll(byte[] stream) {
    Recorder recorder = new Recorder();
    TwsDecoder decoder = new TwsDecoder(recorder);
    FrameReader frames = new FrameReader(new java.io.ByteArrayInputStream(stream));
    try {
      while (frames.next()) {
        decoder.decode(
            frames.buffer(), frames.payloadStart(), frames.payloadEnd(), frames.payloadOffset());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return recorder.messages;
  }

  static Object decodeOne(String pipeText) {
    List<Object> all = decodeAll(WireText.frame(pipeText));
    if (all.size() != 1) {
      throw new AssertionError("expected one message, got " + all);
    }
    return all.get(0);
  }

  @Override
  public void nextValidId(int orderId) {
    messages.add(new NextId(orderId));
  }

  @Override
  public void managedAccounts(String accountsList) {
    messages.add(new Accounts(accountsList));
  }

  @Override
  public void error(ErrorMessage error) {
    messages.add(error);
  }

  @Override
  public void currentTime(long epochSeconds) {
    messages.add(new Time(epochSeconds));
  }

  @Override
  public void accountSummary(AccountSummaryMessage message) {
    messages.add(message);
  }

  @Override
  public void accountSummaryEnd(int reqId) {
    messages.add(new End("ACCOUNT_SUMMARY_END", reqId));
  }

  @Override
  public void position(PositionMessage message) {
    messages.add(message);
  }

  @Override
  public void positionEnd() {
    messages.add(new End("POSITION_END", 0));
  }

  @Override
  public void openOrder(OpenOrderMessage message) {
    messages.add(message);
  }

  @Override
  public void orderStatus(OrderStatusMessage message) {
    messages.add(message);
  }

  @Override
  public void openOrderEnd() {
    messages.add(new End("OPEN_ORDER_END", 0));
  }

  @Override
  public void execution(ExecutionMessage message) {
    messages.add(message);
  }

  @Override
  public void executionEnd(int reqId) {
    messages.add(new End("EXECUTION_DATA_END", reqId));
  }

  @Override
  public void commissionReport(CommissionReportMessage message) {
    messages.add(message);
  }

  @Override
  public void contractDetails(ContractDetailsMessage message) {
    messages.add(message);
  }

  @Override
  public void contractDetailsEnd(int reqId) {
    messages.add(new End("CONTRACT_DATA_END", reqId));
  }

  @Override
  public void skipped(int messageId) {
    messages.add(new Skipped(messageId));
  }
}
