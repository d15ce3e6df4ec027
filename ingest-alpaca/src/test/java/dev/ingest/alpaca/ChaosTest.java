package dev.ingest.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.store.LakeSlug;
import dev.ingest.api.store.RawDataLake;
import dev.ingest.testkit.InMemoryRawDataLake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chaos test of issue 5 on the in-memory lake: at least 50 seeded schedules (set {@code
 * -Dchaos.schedules}, {@code -Dchaos.seed} and {@code -Dchaos.threads} to run more, replay one, or
 * run them one at a time). Each must end with the stored raw tables equal to the REST truth:
 * nothing lost, nothing twice.
 */
class ChaosTest {
  static final Logger log = LoggerFactory.getLogger(ChaosTest.class);

  @Test
  void noFillIsLostOrStoredTwiceWhileTheStreamIsCutAtRandom() throws Exception {
    Summary summary = runSchedules("memory", seed -> new InMemoryRawDataLake());

    assertThat(summary.failures).isEmpty();
    assertThat(summary.lost).isZero();
    assertThat(summary.duplicated).isZero();
    assertThat(summary.fills).isPositive();
  }

  /**
   * Runs the configured schedules on lakes from {@code lakes}, a few at a time (each has its own
   * account, clock, scheduler and tables), and writes the figures to {@code target/}.
   */
  static Summary runSchedules(String lakeName, LongFunction<RawDataLake> lakes)
      throws IOException, InterruptedException, ExecutionException {
    int schedules = Integer.getInteger("chaos.schedules", 50);
    long firstSeed = Long.getLong("chaos.seed", 20_240_301L);
    int threads = Integer.getInteger("chaos.threads", 3);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<ChaosRun.Outcome>> runs = new ArrayList<>();
    try {
      for (int i = 0; i < schedules; i++) {
        long seed = firstSeed + i;
        runs.add(
            pool.submit(
                () ->
                    new ChaosRun(
                            seed,
                            lakes.apply(seed),
                            LakeSlug.of("chaos_" + Long.toString(seed, 36)))
                        .run()));
      }
      Summary summary = new Summary();
      for (Future<ChaosRun.Outcome> run : runs) {
        ChaosRun.Outcome outcome = run.get();
        summary.add(outcome);
        log(outcome);
      }
      String line = summary.line(lakeName);
      log.info(line);
      Path report = Path.of("target", "chaos-" + lakeName + ".txt");
      Files.createDirectories(report.getParent());
      Files.writeString(report, line + System.lineSeparator());
      return summary;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void log(ChaosRun.Outcome outcome) {
    log.info(
        "chaos schedule seed={} hypothesis={} steps={} events={} delivered={} cuts={}"
            + " restarts={} orders={} fills={} lost={} duplicated={} ordersWrong={}"
            + " mismatches={} problems={}",
        outcome.seed(),
        outcome.hypothesisHolds(),
        outcome.steps(),
        outcome.eventsEmitted(),
        outcome.eventsDelivered(),
        outcome.cuts(),
        outcome.restarts(),
        outcome.orders(),
        outcome.fills(),
        outcome.lost(),
        outcome.duplicated(),
        outcome.ordersWrong(),
        outcome.mismatchesReported(),
        outcome.problems());
  }

  static final class Summary {
    int schedules;
    int brokenHypothesis;
    long events;
    long delivered;
    long cuts;
    long restarts;
    long orders;
    long fills;
    long lost;
    long duplicated;
    long ordersWrong;
    long mismatches;
    final List<String> failures = new ArrayList<>();

    void add(ChaosRun.Outcome o) {
      schedules++;
      brokenHypothesis += o.hypothesisHolds() ? 0 : 1;
      events += o.eventsEmitted();
      delivered += o.eventsDelivered();
      cuts += o.cuts();
      restarts += o.restarts();
      orders += o.orders();
      fills += o.fills();
      lost += o.lost();
      duplicated += o.duplicated();
      ordersWrong += o.ordersWrong();
      mismatches += o.mismatchesReported();
      if (!o.ok()) {
        failures.add("seed " + o.seed() + ": " + o.problems());
      }
    }

    String line(String lake) {
      return "chaos summary lake="
          + lake
          + " schedules="
          + schedules
          + " (ids disagreeing on purpose in "
          + brokenHypothesis
          + ") streamEvents="
          + events
          + " delivered="
          + delivered
          + " cuts="
          + cuts
          + " restarts="
          + restarts
          + " orders="
          + orders
          + " fills="
          + fills
          + " lost="
          + lost
          + " duplicated="
          + duplicated
          + " ordersNotAtTruth="
          + ordersWrong
          + " idMismatchesReported="
          + mismatches
          + " failedSchedules="
          + failures.size();
    }
  }
}
