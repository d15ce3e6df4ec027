package dev.ingest.testkit.tws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The gateway's own small frame writer: fields as UTF-8 text, each followed by NUL, behind a 4-byte
 * big-endian length. Deliberately shares nothing with ingest-ibkr's codec, so that the fake checks
 * the client instead of agreeing with it.
 */
final class FrameWriter {
  private FrameWriter() {}

  static byte[] frame(List<String> fields) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream(fields.size() * 8);
    for (String field : fields) {
      if (field.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a TWS field cannot hold NUL: " + field);
      }
      payload.writeBytes(field.getBytes(StandardCharsets.UTF_8));
      payload.write(0);
    }
    int length = payload.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 4);
    out.write(length >>> 24);
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
    out.writeBytes(payload.toByteArray());
    return out.toByteArray();
  }

  /** A pipe-notation line ({@code 61|3|DU1|...|}) as fields; the trailing pipe is required. */
  static List<String> fields(String pipeText) {
    if (!pipeText.endsWith("|")) {
      throw new IllegalArgumentException(
          "a frame in pipe notation ends with '|' after its last field: " + pipeText);
    }
    return List.of(pipeText.substring(0, pipeText.length() - 1).split("\\|", -1));
  }

  static String pipe(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (String f : fields) {
      out.append(f).append('|');
    }
    return out.toString();
  }
}
