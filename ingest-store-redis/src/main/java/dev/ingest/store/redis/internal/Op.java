package dev.ingest.store.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * One pending write: exactly one Redis command once sent. Ops waiting in {@link RedisWriter} are
 * coalesced by {@link #identity()}: a newer SET of a key replaces the older one still waiting (only
 * the newest value would survive in Redis anyway), and pushes to one list are merged into one
 * command, keeping at most the list's cap (older values would be trimmed straight away).
 *
 * <p>Not thread-safe: the writer's lock guards an op while it waits, the writer thread owns it once
 * taken.
 */
public abstract sealed class Op
    permits Op.SetKey, Op.SetField, Op.DeleteField, Op.Push, Op.Replace {
  private final String identity;
  /* the number of the oldest write this op carries; see RedisWriter.flush */
  long firstSeq;
  @Nullable Response<?> response;
  /* after a NOSCRIPT answer, send the script's body instead of its SHA */
  boolean useEval;

  Op(String identity) {
    this.identity = identity;
  }

  /** What coalesces: the key, or key and hash field. */
  final String identity() {
    return identity;
  }

  /** This op with {@code newer} (same identity) applied after it. */
  public Op merge(Op newer) {
    return newer;
  }

  /** Appends the command to {@code pipeline}, keeping its response. */
  abstract void append(AbstractPipeline pipeline, boolean retry);

  /** The command as arguments ({@code SET key value PX 3600000}), as a cluster client sends it. */
  public abstract List<byte[]> command(boolean retry);

  /**
   * The commands {@link #append} sends, for RESP replay: usually just {@link #command}; a push to a
   * single Redis is a transaction of several.
   *
   * @param standalone whether the pipeline is a single Redis' (not a cluster's)
   */
  public List<List<byte[]>> commands(boolean retry, boolean standalone) {
    return List.of(command(retry));
  }

  /** Whether a reply means "not applied, try again with fresh state" (a guarded replace). */
  boolean isConflict(@Nullable Object reply) {
    return false;
  }

  /** An error carried inside a successful reply (a failed command within EXEC), or null. */
  @Nullable JedisDataException errorIn(@Nullable Object reply) {
    return null;
  }

  /** The command name and key, for logs. */
  abstract String describe();

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /* TTLs and caps: a handful of values, encoded once instead of per command */
  private static final java.util.concurrent.ConcurrentHashMap<Long, byte[]> NUMBERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code n} in decimal ASCII; shared arrays for the few values cached, so never mutate. */
  static byte[] number(long n) {
    byte[] cached = NUMBERS.get(n);
    if (cached != null) {
      return cached;
    }
    byte[] bytes = Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    if (NUMBERS.size() < 64) {
      NUMBERS.putIfAbsent(n, bytes);
    }
    return bytes;
  }

  private static final byte[] SET = bytes("SET");
  private static final byte[] PX = bytes("PX");
  private static final byte[] EVALSHA = bytes("EVALSHA");
  private static final byte[] EVAL = bytes("EVAL");
  private static final byte[] ONE = bytes("1");
  private static final byte[] ZERO = bytes("0");

  /** {@code SET key value [PX ttl]}. */
  public static final class SetKey extends Op {
    private final byte[] key;
    private final byte[] value;
    private final long ttlMillis;

    public SetKey(Key key, byte[] value, long ttlMillis) {
      super(key.text());
      this.key = key.bytes();
      this.value = value;
      this.ttlMillis = ttlMillis;
    }

    @Override
    void append(AbstractPipeline pipeline, boolean retry) {
      if (pipeline instanceof Pipeline) {
        // one Redis: the raw command skips Jedis' per-call parameter objects and reply decoding
        response =
            ttlMillis > 0
                ? pipeline.sendCommand(Protocol.Command.SET, key, value, PX, number(ttlMillis))
                : pipeline.sendCommand(Protocol.Command.SET, key, value);
      } else {
        // a cluster pipeline routes by the key, which only the typed call marks
        response =
            ttlMillis > 0
                ? pipeline.set(key, value, SetParams.setParams().px(ttlMillis))
                : pipeline.set(key, value);
      }
    }

    @Override
    public List<byte[]> command(boolean retry) {
      return ttlMillis > 0
          ? List.of(SET, key, value, PX, number(ttlMillis))
          : List.of(SET, key, value);
    }

    @Override
    String describe() {
      return "SET " + identity();
    }
  }

  /** {@code HSET key field value}. */
  public static final class SetField extends Op {
    private final byte[] key;
    private final byte[] field;
    private final byte[] value;

    public SetField(Key key, String field, byte[] value) {
      super(key.text() + '\u0000' + field);
      this.key = key.bytes();
      this.field = bytes(field);
      this.value = value;
    }

    @Override
    void append(AbstractPipeline pipeline, boolean retry) {
      response = pipeline.hset(key, field, value);
    }

    @Override
    public List<byte[]> command(boolean retry) {
      return List.of(bytes("HSET"), key, field, value);
    }

    @Override
    String describe() {
      return "HSET " + identity().replace('\u0000', ' ');
    }
  }

  /** {@code HDEL key field}; coalesces with {@link SetField} of the same field. */
  public static final class DeleteField extends Op {
    private final byte[] key;
    private final byte[] field;

    public DeleteField(Key key, String field) {
      super(key.text() + '\u0000' + field);
      this.key = key.bytes();
      this.field = bytes(field);
    }

    @Override
    void append(AbstractPipeline pipeline, boolean retry) {
      response = pipeline.hdel(key, field);
    }

    @Override
    public List<byte[]> command(boolean retry) {
      return List.of(bytes("HDEL"), key, field);
    }

    @Override
    String describe() {
      return "HDEL " + identity().replace('\u0000', ' ');
    }
  }

  /** A command as the pipeline sends it. */
  private record Command(Protocol.Command name, byte[]... args) {
    List<byte[]> asList() {
      List<byte[]> all = new ArrayList<>(args.length + 1);
      all.add(name.getRaw());
      all.addAll(java.util.Arrays.asList(args));
      return all;
    }
  }

  /**
   * Prepends values to a capped list atomically: LPUSH, LTRIM to the cap and PEXPIRE. On a single
   * Redis the three go in a MULTI/EXEC transaction (the cheapest atomic form for the server); on a
   * cluster, whose pipelines cannot carry transactions, and on every retry, they go as {@code
   * push_capped.lua}. Values are unique (trades carry a sink-assigned id), which lets the script on
   * a retry skip the ones that already arrived.
   */
  public static final class Push extends Op {
    private final Key key;
    private final int cap;
    private final long ttlMillis;
    /* oldest first */
    private final ArrayDeque<byte[]> values = new ArrayDeque<>(4);

    public Push(Key key, int cap, long ttlMillis, byte[] value) {
      super(key.text());
      this.key = key;
      this.cap = cap;
      this.ttlMillis = ttlMillis;
      values.add(value);
    }

    @Override
    public Op merge(Op newer) {
      Push next = (Push) newer;
      values.addAll(next.values);
      while (values.size() > cap) {
        values.removeFirst();
      }
      return this;
    }

    /** How many values this push carries. */
    public int size() {
      return values.size();
    }

    private static boolean transactional(AbstractPipeline pipeline, boolean retry) {
      return !retry && pipeline instanceof Pipeline;
    }

    @Override
    void append(AbstractPipeline pipeline, boolean retry) {
      if (!retry && !useEval && pipeline instanceof Pipeline) {
        for (Command c : transaction()) {
          response = pipeline.sendCommand(c.name(), c.args());
        }
        return; // the response kept is EXEC's
      }
      List<byte[]> keys = List.of(key.bytes());
      List<byte[]> args = args(retry);
      response =
          useEval
              ? pipeline.eval(Script.PUSH_CAPPED.bodyBytes(), keys, args)
              : pipeline.evalsha(Script.PUSH_CAPPED.shaBytes(), keys, args);
    }

    /* MULTI, LPUSH, LTRIM, PEXPIRE, EXEC */
    private List<Command> transaction() {
      byte[][] push = new byte[values.size() + 1][];
      push[0] = key.bytes();
      int i = 1;
      for (byte[] v : values) {
        push[i++] = v;
      }
      List<Command> commands = new ArrayList<>(5);
      commands.add(new Command(Protocol.Command.MULTI));
      commands.add(new Command(Protocol.Command.LPUSH, push));
      commands.add(new Command(Protocol.Command.LTRIM, key.bytes(), ZERO, number(cap - 1L)));
      if (ttlMillis > 0) {
        commands.add(new Command(Protocol.Command.PEXPIRE, key.bytes(), number(ttlMillis)));
      }
      commands.add(new Command(Protocol.Command.EXEC));
      return commands;
    }

    @Override
    @Nullable JedisDataException errorIn(@Nullable Object reply) {
      if (reply instanceof List<?> results) {
        for (Object result : results) {
          if (result instanceof JedisDataException e) {
            return e;
          }
        }
      }
      return null;
    }

    private List<byte[]> args(boolean retry) {
      List<byte[]> args = new ArrayList<>(values.size() + 3);
      args.add(number(cap));
      args.add(number(ttlMillis));
      args.add(retry ? ONE : ZERO);
      args.addAll(values);
      return args;
    }

    @Override
    public List<byte[]> command(boolean retry) {
      List<byte[]> command = new ArrayList<>(values.size() + 6);
      command.add(EVALSHA);
      command.add(Script.PUSH_CAPPED.shaBytes());
      command.add(ONE);
      command.add(key.bytes());
      command.addAll(args(retry));
      return command;
    }

    @Override
    public List<List<byte[]>> commands(boolean retry, boolean standalone) {
      return standalone && !retry
          ? transaction().stream().map(Command::asList).toList()
          : List.of(command(retry));
    }

    @Override
    String describe() {
      return "push " + identity() + " values=" + values.size();
    }
  }

  /**
   * Replaces several keys at once with {@code replace.lua}, optionally guarded by the SHA-1 of a
   * key's current value, and publishes a notification. The keys to delete may depend on what is
   * stored (an options chain's old greeks); {@link #prepare} fills them in before each send.
   */
  public abstract static non-sealed class Replace extends Op {
    private static final byte[] NO_GUARD = bytes("*");

    protected Replace(String identity) {
      super(identity);
    }

    /** The key the guard checks; null for an unguarded replace. */
    protected abstract @Nullable Key guardKey();

    /** Keys to set with their values and TTLs. */
    protected abstract List<Entry> sets();

    /** Keys to delete. */
    protected abstract List<Key> deletes();

    protected abstract Key channel();

    protected abstract byte[] message();

    /** The SHA-1 hex the guard key's value must have ({@code ""} for absent). */
    protected String expectedGuard() {
      return "";
    }

    /**
     * Reads what the replacement depends on, before the command is built. Runs on the writer
     * thread, outside the pipeline; may throw the client's connection exceptions.
     */
    protected void prepare(redis.clients.jedis.UnifiedJedis client) {}

    /** One key to set. */
    public record Entry(Key key, byte[] value, long ttlMillis) {}

    @Override
    void append(AbstractPipeline pipeline, boolean retry) {
      List<byte[]> command = command(retry);
      int numKeys = Integer.parseInt(new String(command.get(2), StandardCharsets.US_ASCII));
      List<byte[]> keys = command.subList(3, 3 + numKeys);
      List<byte[]> args = command.subList(3 + numKeys, command.size());
      response =
          useEval
              ? pipeline.eval(Script.REPLACE.bodyBytes(), keys, args)
              : pipeline.evalsha(Script.REPLACE.shaBytes(), keys, args);
    }

    @Override
    public List<byte[]> command(boolean retry) {
      List<Entry> sets = sets();
      List<Key> deletes = deletes();
      Key guard = guardKey();
      List<byte[]> command = new ArrayList<>(8 + 3 * sets.size() + deletes.size());
      command.add(EVALSHA);
      command.add(Script.REPLACE.shaBytes());
      command.add(number(1 + sets.size() + deletes.size()));
      command.add(guard != null ? guard.bytes() : sets.get(0).key().bytes());
      sets.forEach(e -> command.add(e.key().bytes()));
      deletes.forEach(k -> command.add(k.bytes()));
      command.add(guard != null ? bytes(expectedGuard()) : NO_GUARD);
      command.add(number(sets.size()));
      command.add(channel().bytes());
      command.add(message());
      for (Entry e : sets) {
        command.add(e.value());
        command.add(number(e.ttlMillis()));
      }
      return command;
    }

    @Override
    boolean isConflict(@Nullable Object reply) {
      return reply instanceof Long l && l == 0L;
    }

    @Override
    String describe() {
      return "EVALSHA replace " + identity();
    }
  }
}
