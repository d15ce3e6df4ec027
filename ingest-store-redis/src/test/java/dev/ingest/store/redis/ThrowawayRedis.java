package dev.ingest.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A redis-server of the test's own on a free loopback port: to restart it mid-stream, or to run it
 * with cluster support (the shared server on 6379 has none). Started by the test, stopped by it.
 */
final class ThrowawayRedis implements AutoCloseable {
  private final boolean cluster;
  private final Path dir;
  private final int port;
  private Process process;

  private ThrowawayRedis(boolean cluster) {
    this.cluster = cluster;
    try {
      this.dir = Files.createTempDirectory("ingest-redis-");
      try (ServerSocket socket = new ServerSocket(0)) {
        this.port = socket.getLocalPort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plain server, started. */
  static ThrowawayRedis standalone() {
    ThrowawayRedis redis = new ThrowawayRedis(false);
    redis.start();
    return redis;
  }

  /** A one-node Redis Cluster owning all 16384 slots, started and in state ok. */
  static ThrowawayRedis cluster() {
    ThrowawayRedis redis = new ThrowawayRedis(true);
    redis.start();
    try (Connection c = redis.connection()) {
      c.executeCommand(
          new redis.clients.jedis.CommandArguments(Protocol.Command.CLUSTER)
              .add("ADDSLOTSRANGE")
              .add(0)
              .add(16383));
    }
    redis.await(() -> redis.command("CLUSTER", "INFO").contains("cluster_state:ok"));
    return redis;
  }

  HostAndPort address() {
    return new HostAndPort("127.0.0.1", port);
  }

  int port() {
    return port;
  }

  void start() {
    List<String> command =
        new ArrayList<>(
            List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString()));
    if (cluster) {
      command.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"));
    }
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis.log").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server must be installed for the store tests", e);
    }
    await(() -> command("PING").equals("PONG"));
  }

  /** Stops the server at once (no save), as a crash or a restart would. */
  void stop() {
    if (process == null) {
      return;
    }
    process.destroy(); // SIGTERM: redis exits without saving, since saving is off
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** A reply as text, or "" when the server does not answer. */
  String command(String... args) {
    try (Connection c = connection()) {
      Object reply =
          c.executeCommand(
              new redis.clients.jedis.CommandArguments(() -> args[0].getBytes())
                  .addObjects((Object[]) java.util.Arrays.copyOfRange(args, 1, args.length)));
      return reply instanceof byte[] b ? new String(b) : String.valueOf(reply);
    } catch (JedisException e) {
      return "";
    }
  }

  Connection connection() {
    return new Connection(address());
  }

  private void await(java.util.function.BooleanSupplier ready) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!ready.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server on port " + port + " did not come up");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    stop();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
