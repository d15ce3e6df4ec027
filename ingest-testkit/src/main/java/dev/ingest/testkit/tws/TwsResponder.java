package dev.ingest.testkit.tws;

import dev.ingest.api.Beta;

/**
 * Answers one kind of request in place of the gateway's scripted state: send what you like, send
 * nothing (a request TWS never answers), or disconnect.
 *
 * <pre>{@code
 * gateway.onRequest(61, (request, session) -> session.send("61|3|DU1|abc|..."));
 * }</pre>
 *
 * @since 0.1
 */
@Beta
@FunctionalInterface
public interface TwsResponder {
  void respond(TwsRequest request, GatewaySession session);
}
