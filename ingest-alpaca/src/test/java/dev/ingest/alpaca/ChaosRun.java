package dev.ingest.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingest.alpaca.testing.Await;
import dev.ingest.alpaca.testing.FakeAlpaca;
import dev.ingest.alpaca.testing.ManualScheduler;
import dev.ingest.alpaca.testing.RecordingListener;
import dev.ingest.alpaca.testing.TestClock;
import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import dev.ingest.api.store.LakeSlug;
import dev.ingest.api.store.RawDataLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One chaos schedule: a scripted account trades (submits, partial fills, fills, cancels, a dividend
 * now and then) while, at random moments drawn from the seed, the stream is cut, events arrive out
 * of order or twice, a malformed frame slips in, and the ingester itself is restarted. At the end
 * the lake's raw tables are compared with the account's REST truth.
 */
final class ChaosRun {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SYMBOLS = {"AAPL", "MSFT", "TSLA", "NVDA", "AMD", "SPY"};
  private static final Duration HEAL = AlpacaIngesterConfig.DEFAULT.healingInterval();

  /** What one schedule did and how the lake compared with the truth. */
  record Outcome(
      long seed,
      boolean hypothesisHolds,
      int steps,
      int eventsEmitted,
      int eventsDelivered,
      int cuts,
      int restarts,
      int orders,
      int fills,
      int lost,
      int duplicated,
      int ordersWrong,
      int mismatchesReported,
      int unmatchedReported,
      List<String> problems) {

    boolean ok() {
      return problems.isEmpty();
    }
  }

  private final long seed;
  private final Random random;
  private final TestClock clock;
  private final ManualScheduler scheduler;
  private final RawDataLake lake;
  private final LakeSlug slug;
  private final RecordingListener listener = new RecordingListener();
  private final FakeAlpaca alpaca;
  private final boolean hypothesisHolds;
  private AlpacaIngester ingester;
  private int cuts;
  private int restarts;

  ChaosRun(long seed, RawDataLake lake, LakeSlug slug) {
    this.seed = seed;
    this.random = new Random(seed);
    // winter and summer schedules, so synthetic ids cross EST and EDT
    Instant start =
        (seed % 2 == 0
                ? Instant.parse("2024-01-09T14:30:00Z")
                : Instant.parse("2024-07-09T13:30:00Z"))
            .plusSeconds(random.nextInt(3_600));
    this.clock = new TestClock(start);
    this.scheduler = new ManualScheduler(clock);
    this.lake = lake;
    this.slug = slug;
    this.alpaca = new FakeAlpaca(clock, seed);
    this.hypothesisHolds = seed % 3 != 0;
    if (!hypothesisHolds) {
      alpaca.breakSyntheticIdHypothesis();
    }
  }

  Outcome run() {
    try {
      int steps = 250 + random.nextInt(100);
      int startAt = random.nextInt(15);
      int stopAt = random.nextDouble() < 0.3 ? 40 + random.nextInt(steps - 80) : -1;
      int restartAt = stopAt < 0 ? -1 : stopAt + 3 + random.nextInt(10);
      for (int step = 0; step < steps; step++) {
        if (step == startAt || step == restartAt) {
          start();
          if (step == restartAt) {
            restarts++;
          }
        }
        if (step == stopAt) {
          ingester.close();
          ingester = null;
        }
        trade();
        if (ingester != null) {
          chaos();
        }
        // now and then a quiet spell longer than the healing lookback, so that old GTC orders
        // finishing unseen can be found only through the orders held open
        tick(
            random.nextDouble() < 0.02
                ? Duration.ofMinutes(11 + random.nextInt(20))
                : Duration.ofMillis(200 + random.nextInt(5_800)));
      }
      alpaca.holdEvents(false);
      alpaca.heldFrames();
      if (ingester == null) {
        start();
      }
      // one full healing interval after the last event, so a pass has seen everything
      tick(HEAL.plusSeconds(1));
      ingester.close();
      scheduler.rethrowFailures();
      return compare(steps);
    } finally {
      if (ingester != null) {
        ingester.close();
      }
      alpaca.close();
    }
  }

  private void start() {
    ingester =
        AlpacaIngester.builder(lake)
            .destination(slug.value(), alpaca.config())
            .clock(clock)
            .scheduler(scheduler)
            .listener(listener)
            .config(
                AlpacaIngesterConfig.DEFAULT.withReconnectDelays(
                    Duration.ofSeconds(1), Duration.ofSeconds(8)))
            .build();
    ingester.start();
    scheduler.advance(Duration.ZERO, this::settle);
  }

  /** One thing happens on the account. */
  private void trade() {
    List<String> open = alpaca.openOrderIds();
    double dice = random.nextDouble();
    if (open.size() < 3 || dice < 0.22) {
      String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
      alpaca.submit(
          symbol,
          random.nextBoolean() ? "buy" : "sell",
          BigDecimal.valueOf(1 + random.nextInt(20)),
          random.nextDouble() < 0.3 ? "gtc" : "day");
      return;
    }
    if (dice < 0.24) {
      alpaca.dividend(SYMBOLS[random.nextInt(SYMBOLS.length)], new BigDecimal("1.37"));
      return;
    }
    String order = open.get(random.nextInt(open.size()));
    BigDecimal remaining = alpaca.remaining(order);
    BigDecimal price =
        BigDecimal.valueOf(100 + random.nextInt(400))
            .add(BigDecimal.valueOf(random.nextInt(100), 2))
            .setScale(2, RoundingMode.UNNECESSARY);
    if (dice < 0.70) {
      int qty = 1 + random.nextInt(Math.max(1, remaining.intValue()));
      alpaca.fill(order, BigDecimal.valueOf(Math.min(qty, remaining.intValue())), price);
    } else if (dice < 0.86) {
      alpaca.fill(order, remaining, price);
    } else {
      alpaca.cancel(order);
    }
  }

  /** Something goes wrong on the stream, now and then. */
  private void chaos() {
    double dice = random.nextDouble();
    if (dice < 0.06) {
      cuts++;
      alpaca.cutStream();
    } else if (dice < 0.09) {
      // the next events arrive late and newest first
      alpaca.holdEvents(true);
    } else if (dice < 0.12) {
      String last = alpaca.lastFrame();
      if (last != null) {
        alpaca.send(last);
      }
    } else if (dice < 0.13) {
      alpaca.send("{\"stream\":\"trade_updates\",\"data\":{\"event\":\"fill\",\"order\":{\"id\":");
    }
    if (dice > 0.5) {
      List<String> frames = new ArrayList<>(alpaca.heldFrames());
      alpaca.holdEvents(false);
      Collections.reverse(frames);
      frames.forEach(alpaca::send);
    }
  }

  private void tick(Duration by) {
    scheduler.advance(by, this::settle);
  }

  /** After each task, let a handshake the task started finish before time moves on. */
  private void settle() {
    if (ingester == null) {
      return;
    }
    Await.until(
        "stream settled (seed " + seed + ")",
        () -> {
          StreamState s = ingester.status().get(slug).stream();
          return s != StreamState.CONNECTING && s != StreamState.AUTHENTICATING;
        });
  }

  // ---- the comparison ---------------------------------------------------------------------

  private Outcome compare(int steps) {
    List<String> problems = new ArrayList<>();

    Map<String, String> truthOrders = alpaca.orderStates();
    Map<String, String> storedOrders = new TreeMap<>();
    for (RawOrder o : lake.orders(slug)) {
      storedOrders.put(o.id(), o.status() + "@" + o.updatedAt());
    }
    int ordersWrong = 0;
    for (Map.Entry<String, String> t : truthOrders.entrySet()) {
      String stored = storedOrders.get(t.getKey());
      if (!t.getValue().equals(stored)) {
        ordersWrong++;
        problems.add("order " + t.getKey() + " is " + stored + ", truth " + t.getValue());
      }
    }
    if (storedOrders.size() != truthOrders.size()) {
      problems.add("orders stored " + storedOrders.size() + ", truth " + truthOrders.size());
    }

    List<RawActivity> stored = lake.activities(slug);
    int lost;
    int duplicated;
    if (hypothesisHolds) {
      Set<String> truthIds = new HashSet<>(alpaca.activityIds());
      Set<String> storedIds = new HashSet<>();
      stored.forEach(a -> storedIds.add(a.id()));
      Set<String> missing = new HashSet<>(truthIds);
      missing.removeAll(storedIds);
      Set<String> extra = new HashSet<>(storedIds);
      extra.removeAll(truthIds);
      lost = missing.size();
      duplicated = extra.size() + (stored.size() - storedIds.size());
      missing.forEach(id -> problems.add("activity lost " + id));
      extra.forEach(id -> problems.add("activity not in REST truth " + id));
    } else {
      // ids differ by construction: a fill is the same fill by (order, cum_qty, qty)
      Map<String, Integer> storedKeys = new HashMap<>();
      int nonFills = 0;
      for (RawActivity a : stored) {
        if (a.activityType().equals("FILL")) {
          storedKeys.merge(key(a.rawJson()), 1, Integer::sum);
        } else {
          nonFills++;
        }
      }
      lost = 0;
      duplicated = 0;
      for (String key : alpaca.fillKeys()) {
        Integer n = storedKeys.remove(key);
        if (n == null) {
          lost++;
          problems.add("fill lost " + key);
        } else if (n > 1) {
          duplicated += n - 1;
          problems.add("fill stored " + n + " times " + key);
        }
      }
      duplicated += storedKeys.size();
      storedKeys.keySet().forEach(k -> problems.add("fill not in REST truth " + k));
      int truthNonFills = alpaca.activityIds().size() - alpaca.fillCount();
      if (nonFills != truthNonFills) {
        problems.add("non-fill activities stored " + nonFills + ", truth " + truthNonFills);
        lost += Math.max(0, truthNonFills - nonFills);
      }
    }
    if (!listener.unmatched.isEmpty()) {
      problems.add("stream fills reported without a REST twin: " + listener.unmatched);
    }
    if (hypothesisHolds && !listener.mismatches.isEmpty()) {
      problems.add("id mismatches reported though ids agree: " + listener.mismatches);
    }
    return new Outcome(
        seed,
        hypothesisHolds,
        steps,
        alpaca.eventsEmitted.get(),
        alpaca.eventsSent.get(),
        cuts,
        restarts,
        truthOrders.size(),
        alpaca.fillCount(),
        lost,
        duplicated,
        ordersWrong,
        listener.mismatches.size(),
        listener.unmatched.size(),
        problems.size() > 20 ? problems.subList(0, 20) : problems);
  }

  /** {@code order cum_qty qty} of a stored fill, whichever source wrote it. */
  private static String key(String rawJson) {
    try {
      JsonNode n = JSON.readTree(rawJson);
      JsonNode order = n.get("order");
      if (order != null) {
        return order.get("id").asText()
            + " "
            + plain(order.get("filled_qty").asText())
            + " "
            + plain(n.get("qty").asText());
      }
      return n.get("order_id").asText()
          + " "
          + plain(n.get("cum_qty").asText())
          + " "
          + plain(n.get("qty").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String plain(String decimal) {
    return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
  }
}
