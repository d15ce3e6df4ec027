package dev.ingest.databento.internal;

import java.util.List;

/** Symbol lists in log lines and messages. Internal. */
public final class Symbols {
  private static final int SHOWN = 5;

  private Symbols() {}

  /** {@code [ESH1, ESM1]}, or the first five and how many more. */
  public static String summary(List<String> symbols) {
    if (symbols.size() <= SHOWN) {
      return symbols.toString();
    }
    return symbols
        .subList(0, SHOWN)
        .toString()
        .replace("]", ", …+" + (symbols.size() - SHOWN) + "]");
  }
}
