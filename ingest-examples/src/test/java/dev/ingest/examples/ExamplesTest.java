package dev.ingest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.sync.SyncSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  @Test
  void theSecondOrdersSyncShowsTheFillAndTheNewOrder() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    List<SyncSummary> summaries =
        OrdersSyncExample.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(summaries.get(0)).isEqualTo(new SyncSummary(2, 0, 0, 2));
    assertThat(summaries.get(1)).isEqualTo(new SyncSummary(1, 1, 1, 3));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("first sync:  created=2, updated=0, unchanged=0, total=2")
        .contains("second sync: created=1, updated=1, unchanged=1, total=3")
        .contains("order 1001 is now FILLED");
  }

  @Test
  void theQuickStartPrintsWhatItsCommentSays() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "orders: created=1, updated=0, unchanged=0, total=1",
            "all:    created=2, updated=0, unchanged=1, total=3");
  }

  @Test
  void theReadmeQuotesTheQuickStartExactly() throws IOException {
    String source = Files.readString(Path.of("src/main/java/dev/ingest/examples/QuickStart.java"));
    String region = between(source, "// region quickstart\n", "    // endregion quickstart");
    String readme = Files.readString(Path.of("../README.md"));

    String unindented =
        region.lines().map(l -> l.replaceFirst("^    ", "")).collect(Collectors.joining("\n"));
    assertThat(readme).contains(unindented);
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
