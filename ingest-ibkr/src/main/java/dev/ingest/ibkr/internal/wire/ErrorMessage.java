package dev.ingest.ibkr.internal.wire;

/**
 * ERR_MSG (4) at server version 193: {@code id} is -1 for system notices, else the request or order
 * id it concerns. Texts are already {@code \\uXXXX}-unescaped.
 */
public record ErrorMessage(int id, int code, String message, String advancedOrderRejectJson) {}
