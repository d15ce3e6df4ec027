package dev.ingest.ibkr.internal;

import java.time.Duration;

/**
 * How to open one TWS session.
 *
 * @param connectOptions text after the version range in the handshake, e.g. {@code +PACEAPI}, or
 *     empty
 */
public record SessionOptions(
    String host, int port, int clientId, Duration connectTimeout, String connectOptions) {}
