package dev.ingest.ibkr.internal.wire;

/**
 * Undoes TWS's {@code \\uXXXX} escaping (server version 153 and later) in the few fields that carry
 * it: error texts, the advanced-reject JSON and contract long names. Malformed escapes stay as they
 * are; the text is the provider's, not ours to reject.
 */
final class Unicode {
  private Unicode() {}

  static String unescape(String text) {
    int at = text.indexOf("\\u");
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (at >= 0) {
      out.append(text, from, at);
      int code = at + 6 <= text.length() ? hex4(text, at + 2) : -1;
      if (code < 0) {
        out.append("\\u");
        from = at + 2;
      } else {
        out.append((char) code);
        from = at + 6;
      }
      at = text.indexOf("\\u", from);
    }
    return out.append(text, from, text.length()).toString();
  }

  private static int hex4(String text, int start) {
    int value = 0;
    for (int i = start; i < start + 4; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
