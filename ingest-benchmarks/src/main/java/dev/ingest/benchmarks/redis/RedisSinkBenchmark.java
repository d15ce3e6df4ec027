package dev.ingest.benchmarks.redis;

import dev.ingest.api.IngestListener;
import dev.ingest.api.market.BookLevel;
import dev.ingest.api.market.OrderBook;
import dev.ingest.api.market.Prices;
import dev.ingest.api.market.Ticker;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import dev.ingest.store.redis.RedisMarketDataSink;
import dev.ingest.store.redis.RedisSinkConfig;
import dev.ingest.store.redis.RedisSurface;
import dev.ingest.store.redis.internal.Op;
import dev.ingest.store.redis.internal.Ops;
import dev.ingest.store.redis.internal.Resp;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Ticker + book + trade writes per second through {@link RedisMarketDataSink}, beside the server's
 * own limit for the same work measured in the same run: the identical command stream, generated
 * from the sink's own {@link Ops} and written as RESP, fed to {@code redis-cli --pipe}. The ratio
 * {@code sink / redisCliPipeSameCommands} is how close the sink gets to what Redis can take.
 *
 * <p>One round writes a ticker, a book and a trade for each of {@value #SYMBOLS} symbols (no key
 * repeats within a round, so the sink's coalescing never thins the stream) and waits for {@code
 * flush()}. Per symbol the sink sends {@code SET} ticker, {@code SET} book, the capped push ({@code
 * MULTI}, {@code LPUSH}, {@code LTRIM}, {@code PEXPIRE}, {@code EXEC}) and {@code SET} last: 8
 * commands for 3 records. Scores are records per second.
 *
 * <p>{@code redisCliPipePlainMix} feeds the same writes without the transaction ({@code SET},
 * {@code SET}, {@code LPUSH}, {@code LTRIM}, {@code PEXPIRE}, {@code SET}), for reference: what the
 * atomic cap costs the server. The trade lists fill to their cap of 1000 during warm-up, so every
 * push also trims, as in production.
 *
 * <pre>
 * mvn -B -ntp -pl ingest-benchmarks -am package -DskipTests
 * flock /tmp/jmh.lock java -jar ingest-benchmarks/target/benchmarks.jar RedisSinkBenchmark -f 1 -wi 2 -i 3
 * </pre>
 *
 * Needs Redis on 127.0.0.1:6379 (or {@code -p host=... -p port=...}) and {@code redis-cli} on the
 * path. Keys go under a random {@code bench:} prefix (about 60 MB at most) and are deleted after.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class RedisSinkBenchmark {
  static final int SYMBOLS = 250;
  static final int RECORDS_PER_ROUND = 3 * SYMBOLS;
  /* rounds per redis-cli run: 400k commands, enough that starting redis-cli is noise */
  static final int PIPE_ROUNDS = 200;

  private static final Pattern PIPE_RESULT = Pattern.compile("errors: (\\d+), replies: (\\d+)");

  @Param("127.0.0.1")
  public String host;

  @Param("6379")
  public int port;

  private RedisClient client;
  private RedisMarketDataSink sink;
  private String prefix;
  private Ticker[] tickers;
  private OrderBook[] books;
  private Trade[] trades;
  private Path sameCommands;
  private Path plainMix;
  private long sameCommandCount;
  private long plainMixCount;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    prefix = "bench:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    client = RedisClient.create(new HostAndPort(host, port));
    RedisSinkConfig config = RedisSinkConfig.defaults().withPrefix(prefix);
    sink = RedisMarketDataSink.create(client, config, IngestListener.NOOP);
    records();
    Ops ops = new Ops(config);
    sameCommands = Files.createTempFile("ingest-bench-same-", ".resp");
    plainMix = Files.createTempFile("ingest-bench-plain-", ".resp");
    sameCommandCount = writeSameCommands(ops, sameCommands);
    plainMixCount = writePlainMix(ops, config, plainMix);
  }

  private void records() {
    Instant t0 = Instant.parse("2024-03-01T14:30:00.123456789Z");
    tickers = new Ticker[SYMBOLS];
    books = new OrderBook[SYMBOLS];
    trades = new Trade[SYMBOLS];
    for (int i = 0; i < SYMBOLS; i++) {
      Symbol s = Symbol.of("SYM" + i);
      long bid = 100 * Prices.SCALE + i * 10_000_000L;
      long ask = bid + 10_000_000L;
      Instant t = t0.plusNanos(i * 1_000L);
      tickers[i] = new Ticker(s, t, bid, 300 + i, ask, 200, bid + 5_000_000L, 100);
      books[i] =
          new OrderBook(
              s,
              "ARCA",
              t,
              List.of(
                  new BookLevel(bid, 300, "ARCA"),
                  new BookLevel(bid - 10_000_000L, 500, "NSDQ"),
                  new BookLevel(bid - 20_000_000L, 700, null)),
              List.of(
                  new BookLevel(ask, 200, "ARCA"),
                  new BookLevel(ask + 10_000_000L, 400, "EDGX"),
                  new BookLevel(ask + 20_000_000L, 900, null)));
      trades[i] = new Trade(s, t, bid + 5_000_000L, 100, "ARCA", Side.BUY);
    }
  }

  /* the sink's own commands for PIPE_ROUNDS rounds, as RESP */
  private long writeSameCommands(Ops ops, Path file) throws IOException {
    long commands = 0;
    long id = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int round = 0; round < PIPE_ROUNDS; round++) {
        for (int i = 0; i < SYMBOLS; i++) {
          List<Op> batch = new ArrayList<>(4);
          batch.add(ops.ticker(tickers[i]));
          batch.add(ops.book(books[i]));
          // the same id shape the sink uses: writer id, '-', a counter in base 36
          batch.addAll(ops.trade(trades[i], "2v3y1kq8zj0w6-" + Long.toString(++id, 36)));
          for (Op op : batch) {
            for (List<byte[]> command : op.commands(false, true)) {
              Resp.write(out, command);
              commands++;
            }
          }
        }
      }
    }
    return commands;
  }

  /* the same writes without the script: SET, SET, LPUSH, LTRIM, PEXPIRE, SET */
  private long writePlainMix(Ops ops, RedisSinkConfig config, Path file) throws IOException {
    byte[] ttl = bytes(Long.toString(config.ttl(RedisSurface.MARKET_DATA).toMillis()));
    long commands = 0;
    long id = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int round = 0; round < PIPE_ROUNDS; round++) {
        for (int i = 0; i < SYMBOLS; i++) {
          Resp.write(out, ops.ticker(tickers[i]).command(false));
          Resp.write(out, ops.book(books[i]).command(false));
          List<Op> trade = ops.trade(trades[i], "2v3y1kq8zj0w6-" + Long.toString(++id, 36));
          List<byte[]> push = trade.get(0).command(false); // EVALSHA sha 1 key cap ttl retry value
          byte[] key = push.get(3);
          byte[] value = push.get(7);
          Resp.write(out, List.of(bytes("LPUSH"), key, value));
          Resp.write(out, List.of(bytes("LTRIM"), key, bytes("0"), bytes("999")));
          Resp.write(out, List.of(bytes("PEXPIRE"), key, ttl));
          Resp.write(out, trade.get(1).command(false));
          commands += 6;
        }
      }
    }
    return commands;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One round through the sink: 3 records per symbol, then wait until Redis has them all. */
  @Benchmark
  @OperationsPerInvocation(RECORDS_PER_ROUND)
  public void sink() {
    for (int i = 0; i < SYMBOLS; i++) {
      sink.writeTicker(tickers[i]);
      sink.writeBook(books[i]);
      sink.writeTrade(trades[i]);
    }
    sink.flush();
  }

  /** The sink's exact command stream for {@value #PIPE_ROUNDS} rounds, by redis-cli --pipe. */
  @Benchmark
  @OperationsPerInvocation(RECORDS_PER_ROUND * PIPE_ROUNDS)
  public void redisCliPipeSameCommands() {
    pipe(sameCommands, sameCommandCount);
  }

  /** The same writes as plain, non-atomic commands, by redis-cli --pipe (reference only). */
  @Benchmark
  @OperationsPerInvocation(RECORDS_PER_ROUND * PIPE_ROUNDS)
  public void redisCliPipePlainMix() {
    pipe(plainMix, plainMixCount);
  }

  private void pipe(Path file, long expectedReplies) {
    try {
      Process p =
          new ProcessBuilder("redis-cli", "-h", host, "-p", Integer.toString(port), "--pipe")
              .redirectInput(file.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      Matcher m = PIPE_RESULT.matcher(output);
      if (exit != 0
          || !m.find()
          || !m.group(1).equals("0")
          || Long.parseLong(m.group(2)) != expectedReplies) {
        throw new IllegalStateException("redis-cli --pipe failed: exit=" + exit + " " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("redis-cli must be on the path", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    sink.close();
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams match = new ScanParams().match(prefix + "*").count(1000);
    do {
      ScanResult<String> page = client.scan(cursor, match);
      if (!page.getResult().isEmpty()) {
        client.unlink(page.getResult().toArray(String[]::new));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    client.close();
    Files.deleteIfExists(sameCommands);
    Files.deleteIfExists(plainMix);
  }
}
