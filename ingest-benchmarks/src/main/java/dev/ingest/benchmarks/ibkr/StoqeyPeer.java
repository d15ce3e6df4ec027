package dev.ingest.benchmarks.ibkr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code @stoqey/ib} decoding the same bytes, in a Node process driven line by line: each {@link
 * #decodeOnce()} asks it to decode the whole stream and waits for its answer. One round trip costs
 * tens of microseconds against milliseconds of decoding, so the peer is measured nearly bare.
 *
 * <p>Its scripts and pinned package live in {@code ingest-ibkr/src/test/node} (override with {@code
 * -Dingest.stoqey.dir=...}); run the benchmarks from the repository root.
 */
final class StoqeyPeer implements AutoCloseable {
  private final Process node;
  private final BufferedReader out;
  private final Writer in;
  private final int frames;

  StoqeyPeer(byte[] stream, int frames) throws IOException {
    Path dir = Path.of(System.getProperty("ingest.stoqey.dir", "ingest-ibkr/src/test/node"));
    if (!Files.exists(dir.resolve("decode-bench.js"))) {
      throw new IllegalStateException(
          "no decode-bench.js in "
              + dir.toAbsolutePath()
              + ": run from the repository root or set -Dingest.stoqey.dir");
    }
    if (!Files.exists(dir.resolve("node_modules/@stoqey/ib"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), dir);
    }
    Path file = Files.createTempFile("tws-stream", ".bin");
    file.toFile().deleteOnExit();
    Files.write(file, stream);
    this.frames = frames;
    this.node =
        new ProcessBuilder("node", "decode-bench.js", file.toString(), Integer.toString(frames))
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    this.out =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("ready " + frames + " ")) {
      close();
      throw new IllegalStateException("stoqey could not decode the stream: " + ready);
    }
  }

  /** Decodes the stream once in Node; returns the frames it decoded. */
  int decodeOnce() throws IOException {
    in.write("run\n");
    in.flush();
    String done = out.readLine();
    if (done == null || !done.equals("done " + frames)) {
      throw new IllegalStateException("stoqey answered: " + done);
    }
    return frames;
  }

  @Override
  public void close() throws IOException {
    try {
      in.write("quit\n");
      in.flush();
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!node.waitFor(5, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      node.destroyForcibly();
    }
  }

  private static void run(List<String> command, Path dir) throws IOException {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(command + " failed in " + dir.toAbsolutePath());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }
}
