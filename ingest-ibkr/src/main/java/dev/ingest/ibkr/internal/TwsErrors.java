package dev.ingest.ibkr.internal;

import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.ibkr.internal.wire.ErrorMessage;

/**
 * What an ERR_MSG means (reference §7): a notice that changes nothing, a connectivity change, the
 * end of the session, or the failure of the request or order its id names.
 */
final class TwsErrors {
  private TwsErrors() {}

  enum Kind {
    /** Informational or a warning; the request (if any) goes on. */
    NOTICE,
    /** IB's link to its servers changed (1100/1101/1102/1300); our socket is still up. */
    CONNECTIVITY,
    /** TWS is about to close our socket (326: client id in use). */
    FATAL,
    /** The request or order with this id failed. */
    FAILURE
  }

  static Kind classify(ErrorMessage error) {
    int code = error.code();
    if (code == 326) {
      return Kind.FATAL;
    }
    if (code == 1100 || code == 1101 || code == 1102 || code == 1300) {
      return Kind.CONNECTIVITY;
    }
    // 2100-2199 are warnings and farm status; these four tied to a request let it continue
    if ((code >= 2100 && code <= 2199)
        || code == 10089
        || code == 10090
        || code == 10167
        || code == 2174) {
      return Kind.NOTICE;
    }
    return Kind.FAILURE;
  }

  static ProviderRejectedException rejected(ErrorMessage error, String context) {
    return new ProviderRejectedException(
        "ibkr", 0, Integer.toString(error.code()), context, error.message());
  }
}
