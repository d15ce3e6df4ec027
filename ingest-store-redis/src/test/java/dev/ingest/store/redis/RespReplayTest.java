package dev.ingest.store.redis;

import static dev.ingest.store.redis.Samples.SPY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.IngestListener;
import dev.ingest.store.redis.internal.Op;
import dev.ingest.store.redis.internal.Ops;
import dev.ingest.store.redis.internal.Resp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * The benchmark's baseline replays the sink's commands, written as RESP, through {@code redis-cli
 * --pipe}. This checks that the replayed stream is the sink's in effect: Redis accepts every
 * command, and the sink reads back what was written.
 */
class RespReplayTest {
  private static RedisClient redis;
  private final String prefix = LocalRedis.newPrefix();

  @BeforeAll
  static void connect() {
    redis = LocalRedis.client("ingest-test-resp");
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @AfterEach
  void clean() {
    LocalRedis.deleteAll(redis, prefix);
  }

  @Test
  void theSinksCommandsReplayedByRedisCliPipeLeaveWhatTheSinkWouldHave(@TempDir Path dir)
      throws Exception {
    RedisSinkConfig config = RedisSinkConfig.defaults().withPrefix(prefix);
    Ops ops = new Ops(config);
    List<Op> written = new ArrayList<>();
    written.add(ops.ticker(Samples.ticker(SPY)));
    written.add(ops.book(Samples.book(SPY, "ARCA")));
    written.addAll(ops.trade(Samples.trade(SPY, 1), "w-1"));
    written.addAll(ops.trade(Samples.trade(SPY, 2), "w-2"));
    Path file = dir.resolve("stream.resp");
    int commands = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (Op op : written) {
        for (List<byte[]> command : op.commands(false, true)) {
          Resp.write(out, command);
          commands++;
        }
      }
    }

    String result = pipe(file);

    assertThat(result).contains("errors: 0, replies: " + commands);
    try (RedisMarketDataSink sink =
        RedisMarketDataSink.create(redis, config, IngestListener.NOOP)) {
      assertThat(sink.ticker(SPY)).contains(Samples.ticker(SPY));
      assertThat(sink.book(SPY, "ARCA")).contains(Samples.book(SPY, "ARCA"));
      assertThat(sink.recentTrades(SPY, 10))
          .containsExactly(Samples.trade(SPY, 2), Samples.trade(SPY, 1));
    }
    assertThat(redis.pttl(prefix + "market:SPY:trades")).isPositive();
  }

  private static String pipe(Path file) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", "6379", "--pipe")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    return output;
  }
}
