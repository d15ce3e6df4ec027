package dev.ingest.ibkr.crosscheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Node and npm for the {@code @stoqey/ib} checks: finds {@code node}, installs the pinned
 * package from {@code src/test/node} with {@code npm ci} when it is missing, runs a script.
 */
public final class NodeTool {
  /** Where package.json, its lock and the scripts live (module-relative, as surefire runs). */
  public static final Path DIR = Path.of("src/test/node");

  public static final String STOQEY_VERSION = "1.6.10";

  private NodeTool() {}

  /** The output of {@code node --version}, or null when node is not installed. */
  public static String nodeVersion() {
    try {
      Result r = run(List.of("node", "--version"), Path.of("."), 20);
      return r.exit == 0 ? r.stdout.strip() : null;
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /** Installs {@code @stoqey/ib} from the lock file unless the pinned version is there. */
  public static void ensureStoqey() {
    Path installed = DIR.resolve("node_modules/@stoqey/ib/package.json");
    try {
      if (Files.exists(installed)
          && Files.readString(installed).contains("\"version\": \"" + STOQEY_VERSION + "\"")) {
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), DIR, 300);
    if (r.exit != 0) {
      throw new AssertionError(
          "npm ci in " + DIR.toAbsolutePath() + " failed (exit " + r.exit + "):\n" + r.stderr);
    }
  }

  /** What a process printed and how it ended. */
  public record Result(int exit, String stdout, String stderr) {}

  public static Result run(List<String> command, Path dir, long timeoutSeconds) {
    try {
      Path out = Files.createTempFile("node-out", ".txt");
      Path err = Files.createTempFile("node-err", ".txt");
      try {
        Process p =
            new ProcessBuilder(new ArrayList<>(command))
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }
}
