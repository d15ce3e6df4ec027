package dev.ingest.testkit.tws;

import dev.ingest.api.Beta;
import java.util.List;

/**
 * One client connection to the fake gateway, as a {@link TwsResponder} sees it: send frames
 * (well-formed or not), or hang up. Thread-safe.
 *
 * @since 0.1
 */
@Beta
public interface GatewaySession {

  /** The client id this connection started the API with. */
  int clientId();

  /** Sends one frame of these text fields. */
  void send(List<String> fields);

  /** Sends one frame written in pipe notation, e.g. {@code "62|1|"}. */
  void send(String pipeText);

  /** Sends bytes as they are: a broken length, half a frame, anything. */
  void sendRaw(byte[] bytes);

  /** Closes this client's socket, as TWS does after error 326 or when it exits. */
  void disconnect();
}
