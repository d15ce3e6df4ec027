package dev.ingest.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.store.redis.internal.Key;
import dev.ingest.store.redis.internal.Op;
import dev.ingest.store.redis.internal.Resp;
import dev.ingest.store.redis.internal.Script;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The capped push that every trade and bar goes through, run on Redis itself: atomic LPUSH + LTRIM
 * + PEXPIRE, and a retry that does not push twice what already arrived.
 */
class PushScriptTest {
  private static RedisClient redis;
  private final String prefix = LocalRedis.newPrefix();

  @BeforeAll
  static void connect() {
    redis = LocalRedis.client("ingest-test-script");
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @AfterEach
  void clean() {
    LocalRedis.deleteAll(redis, prefix);
  }

  private Object run(Op op, boolean retry) {
    List<byte[]> command = op.command(retry);
    // EVALSHA sha numkeys key args... -> EVAL body numkeys key args...
    List<byte[]> keys = command.subList(3, 4);
    List<byte[]> args = command.subList(4, command.size());
    return redis.eval(Script.PUSH_CAPPED.body(), keys, args);
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Op.Push push(int cap, String... values) {
    Key key = Key.of(prefix + "list");
    Op.Push push = new Op.Push(key, cap, 60_000, b(values[0]));
    for (int i = 1; i < values.length; i++) {
      // merging is how waiting pushes to one list combine
      push.merge(new Op.Push(key, cap, 60_000, b(values[i])));
    }
    return push;
  }

  @Test
  void valuesArePrependedOldestFirstSoTheNewestIsAtTheHead() {
    run(push(10, "a", "b", "c"), false);

    assertThat(redis.lrange(prefix + "list", 0, -1)).containsExactly("c", "b", "a");
    assertThat(redis.pttl(prefix + "list")).isBetween(50_000L, 60_000L);
  }

  @Test
  void theListNeverExceedsItsCap() {
    run(push(3, "a", "b", "c", "d"), false);
    run(push(3, "e"), false);

    assertThat(redis.lrange(prefix + "list", 0, -1)).containsExactly("e", "d", "c");
  }

  @Test
  void aRetrySkipsWhatTheFailedAttemptAlreadyStored() {
    // the first attempt reached Redis, but its reply was lost with the connection
    run(push(10, "t1", "t2"), false);

    run(push(10, "t1", "t2", "t3"), true);

    assertThat(redis.lrange(prefix + "list", 0, -1)).containsExactly("t3", "t2", "t1");
  }

  @Test
  void theRespFormIsTheCommandRedisCliPipeReads() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Resp.write(out, List.of(b("SET"), b("k"), b("v")));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n");
  }
}
