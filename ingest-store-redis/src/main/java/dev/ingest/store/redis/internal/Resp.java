package dev.ingest.store.redis.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes commands in the Redis protocol (RESP2 arrays of bulk strings), the form {@code redis-cli
 * --pipe} reads. The benchmarks use it to feed the server the very command stream the sink sends.
 */
public final class Resp {
  private static final byte[] CRLF = {'\r', '\n'};

  private Resp() {}

  public static void write(OutputStream out, List<byte[]> command) throws IOException {
    out.write('*');
    out.write(Integer.toString(command.size()).getBytes(StandardCharsets.US_ASCII));
    out.write(CRLF);
    for (byte[] arg : command) {
      out.write('$');
      out.write(Integer.toString(arg.length).getBytes(StandardCharsets.US_ASCII));
      out.write(CRLF);
      out.write(arg);
      out.write(CRLF);
    }
  }
}
