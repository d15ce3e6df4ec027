package dev.ingest.databento;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.model.Symbol;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Five million records decode in a heap of 64 MiB, far less than the 240 MB they occupy as DBN.
 * Runs in its own surefire execution with {@code -Xmx64m} (see the pom); the first assertion makes
 * sure the bound is really in force.
 */
class BoundedMemoryTest {
  private static final long RECORDS = 5_000_000L;

  @ParameterizedTest(name = "zstd={0}")
  @ValueSource(booleans = {false, true})
  void fiveMillionRecordsDecodeInSixtyFourMegabytes(boolean zstd) {
    // Given a heap of at most 64 MiB
    assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(64L * 1024 * 1024);

    // And a 5-million-trade stream generated as it is read
    try (DbnReader reader = DbnReader.open(new SyntheticDbn(RECORDS, zstd));
        Stream<DatabentoRecord> records = reader.records()) {

      // When every record is decoded and materialized
      long count = 0;
      long sizes = 0;
      Iterator<DatabentoRecord> it = records.iterator();
      while (it.hasNext()) {
        DatabentoTrade trade = (DatabentoTrade) it.next();
        // Then each is the one generated, in order
        if (trade.sequence() != count || !trade.symbol().equals(Symbol.of("SYN"))) {
          throw new AssertionError("record " + count + " is " + trade);
        }
        sizes += trade.size();
        count++;
      }
      assertThat(count).isEqualTo(RECORDS);
      assertThat(sizes).isEqualTo(expectedSizes());
    }
  }

  private static long expectedSizes() {
    long sum = 0;
    for (long i = 0; i < RECORDS; i++) {
      sum += 1 + i % 50;
    }
    return sum;
  }
}
