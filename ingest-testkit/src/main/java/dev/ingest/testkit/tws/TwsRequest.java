package dev.ingest.testkit.tws;

import dev.ingest.api.Beta;
import java.util.List;

/**
 * One message a client sent to the fake gateway, as its text fields ({@code [61, 1]} for
 * REQ_POSITIONS). {@code field(0)} is the message id.
 *
 * @param clientId the START_API client id of the connection it came on
 * @since 0.1
 */
@Beta
public record TwsRequest(int clientId, List<String> fields) {

  public TwsRequest {
    fields = List.copyOf(fields);
  }

  /** The outgoing message id: 61 REQ_POSITIONS, 62 REQ_ACCOUNT_SUMMARY, 7 REQ_EXECUTIONS, .... */
  public int messageId() {
    return Integer.parseInt(fields.get(0));
  }

  public String field(int index) {
    return index < fields.size() ? fields.get(index) : "";
  }

  public int intField(int index) {
    String text = field(index);
    return text.isEmpty() ? 0 : Integer.parseInt(text);
  }

  /**
   * The request id this message carries, or -1 when it has none (REQ_POSITIONS, the open-order
   * requests).
   */
  public int requestId() {
    return switch (messageId()) {
      case 1, 2, 7, 9, 10, 11, 25, 50, 51, 62, 63 -> intField(2); // after the version field
      case 20, 78, 97, 98 -> intField(1); // these carry no version field
      default -> -1;
    };
  }

  /** Pipe notation: {@code 62|1|1073741824|All|NetLiquidation|}. */
  @Override
  public String toString() {
    return "client " + clientId + ": " + FrameWriter.pipe(fields);
  }
}
