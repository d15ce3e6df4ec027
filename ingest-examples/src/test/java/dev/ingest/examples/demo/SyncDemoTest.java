package dev.ingest.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.sync.AccountSync;
import dev.ingest.api.sync.SyncSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncDemoTest {

  @Test
  void theDemoPrintsBothRoundsOfSummariesAndTheRowsFromTheFile(@TempDir Path dir) {
    // Given the recorded account and an empty SQLite file
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Path file = dir.resolve("demo.db");

    // When the demo syncs, the market moves, and it syncs again
    List<AccountSync.Result> rounds =
        SyncDemo.run(file, new PrintStream(printed, true, StandardCharsets.UTF_8));

    // Then the first round creates the account and the second shows exactly what moved
    assertThat(rounds.get(0).total()).isEqualTo(new SyncSummary(15, 0, 0, 15));
    assertThat(rounds.get(1).orders()).isEqualTo(new SyncSummary(0, 1, 4, 5));
    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(output.lines())
        .containsSubsequence(
            "snapshots: created=1 updated=0 unchanged=0 total=1",
            "positions: created=4 updated=0 unchanged=0 total=4",
            "orders: created=5 updated=0 unchanged=0 total=5",
            "executions: created=5 updated=0 unchanged=0 total=5",
            "option_events: created=0 updated=0 unchanged=0 total=0",
            "snapshots: created=1 updated=0 unchanged=1 total=2",
            "positions: created=0 updated=2 unchanged=2 total=4",
            "orders: created=0 updated=1 unchanged=4 total=5",
            "executions: created=1 updated=0 unchanged=5 total=6",
            "option_events: created=1 updated=0 unchanged=0 total=1");
    // and the rows read back from the file show the fill and the expiry
    assertThat(output)
        .containsPattern("c47ff82f-fa83-4083-9121-3623f4b3cb8d +TSLA +SELL +FILLED +5 +886.55")
        .containsPattern("TSLA200605C01000000 +EXPIRATION");
    assertThat(file).exists();
  }

  @Test
  void runningTheDemoAgainStartsFromAnEmptyFile(@TempDir Path dir) {
    Path file = dir.resolve("demo.db");
    SyncDemo.run(file, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    List<AccountSync.Result> again =
        SyncDemo.run(
            file, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(again.get(0).total().created()).isEqualTo(15);
  }

  @Test
  void theReadmeRunsThisDemoWithItsFirstCommandUnderRunTheDemo() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    int section = readme.indexOf("Run the demo");
    assertThat(section).as("a heading containing 'Run the demo'").isPositive();
    assertThat(readme.lastIndexOf("\n#", section)).isEqualTo(readme.lastIndexOf('\n', section));
    assertThat(section).isGreaterThan(readme.indexOf("## Use it"));

    String afterHeading = readme.substring(section);
    int open = afterHeading.indexOf("```");
    int start = afterHeading.indexOf('\n', open) + 1;
    String command = afterHeading.substring(start, afterHeading.indexOf("```", start)).strip();

    assertThat(command)
        .doesNotContain("\n")
        .contains("-Dexec.mainClass=" + SyncDemo.class.getName())
        .contains("-pl ingest-examples exec:java");
  }
}
