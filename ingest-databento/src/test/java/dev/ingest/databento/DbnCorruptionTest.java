package dev.ingest.databento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ingest.api.error.IngestException;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncated, corrupted and hostile input: always a typed error carrying the byte offset, never a
 * hang, an endless loop, an unchecked surprise or an OutOfMemoryError.
 */
class DbnCorruptionTest {
  private static final Duration BUDGET = Duration.ofSeconds(30);

  /** What decoding some bytes came to: the records read, then the error if there was one. */
  private record Outcome(int records, IngestException error) {}

  private static Outcome decode(byte[] bytes) {
    int n = 0;
    try (DbnReader reader = DbnReader.open(new ByteArrayInputStream(bytes))) {
      while (reader.next() != null) {
        n++;
      }
      return new Outcome(n, null);
    } catch (DbnFormatException | DbnTruncatedException e) {
      return new Outcome(n, e);
    } catch (RuntimeException e) {
      return fail("untyped failure on %d bytes: %s", bytes.length, e, e);
    }
  }

  private static long offset(IngestException e) {
    return e instanceof DbnFormatException f ? f.offset() : ((DbnTruncatedException) e).offset();
  }

  private static int metadataEnd(byte[] plain) {
    return 8 + ByteBuffer.wrap(plain, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dbn/test_data.trades.dbn",
        "dbn/test_data.statistics.v3.dbn.zst",
        "databento-rs/test_data.mbp-1.dbn",
        "databento-python/LIVE/test_data.live.dbn.zst",
        "dbn/test_data.ohlcv-1m.v2.dbn.zst"
      })
  void truncatingPlainDbnAtEveryOffsetFailsAtTheCutItemOrEndsOnARecordBoundary(String fixture) {
    // Given the decoded DBN bytes and the offsets where records start
    byte[] plain = TestFixtures.dbn(fixture);
    int metadataEnd = metadataEnd(plain);
    List<Integer> boundaries = recordBoundaries(plain, metadataEnd);
    int total = boundaries.size() - 1;

    assertTimeoutPreemptively(
        BUDGET,
        () -> {
          for (int cut = 0; cut < plain.length; cut++) {
            // When the stream ends at `cut`
            Outcome outcome = decode(Arrays.copyOf(plain, cut));

            // Then a cut on a record boundary is a shorter, valid stream; any other cut is a
            // truncation reported at the start of the item it cut
            int whole = boundaries.indexOf(cut);
            if (cut >= metadataEnd && whole >= 0) {
              assertThat(outcome.error()).as("cut at %d", cut).isNull();
              assertThat(outcome.records()).as("cut at %d", cut).isLessThanOrEqualTo(whole);
            } else {
              assertThat(outcome.error())
                  .as("cut at %d", cut)
                  .isInstanceOf(DbnTruncatedException.class);
              assertThat(offset(outcome.error())).as("cut at %d", cut).isBetween(0L, (long) cut);
              if (cut > metadataEnd) {
                int cutRecord = lastBoundaryBefore(boundaries, cut);
                assertThat(offset(outcome.error())).isEqualTo(cutRecord);
                assertThat(outcome.error().getMessage()).contains("offset " + cutRecord);
              }
            }
          }
        });
    assertThat(total).isPositive();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dbn/test_data.trades.v1.dbn.zst",
        "databento-python/LIVE/test_data.live.dbn.zst",
        "databento-python/GLBX.MDP3/test_data.statistics.dbn.zst"
      })
  void truncatingAZstdStreamAtEveryOffsetIsReportedAsTruncation(String fixture) {
    byte[] compressed = TestFixtures.bytes(fixture);
    assertTimeoutPreemptively(
        BUDGET,
        () -> {
          for (int cut = 0; cut < compressed.length; cut++) {
            Outcome outcome = decode(Arrays.copyOf(compressed, cut));
            assertThat(outcome.error())
                .as("cut at %d of %d", cut, compressed.length)
                .isInstanceOfAny(DbnTruncatedException.class, DbnFormatException.class);
            assertThat(offset(outcome.error())).isNotNegative();
          }
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dbn/test_data.mbp-1.dbn",
        "dbn/test_data.statistics.dbn",
        "databento-rs/test_data.trades.dbn",
        "databento-python/LIVE/test_data.live.dbn.zst",
        "databento-python/IFEU.IMPACT/test_data.statistics.dbn.zst"
      })
  void flippingAnyByteDecodesOrFailsTypedWithAnOffsetInsideTheStream(String fixture) {
    byte[] plain = TestFixtures.dbn(fixture);
    assertTimeoutPreemptively(
        BUDGET,
        () -> {
          for (int at = 0; at < plain.length; at++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
              byte[] corrupt = plain.clone();
              corrupt[at] ^= (byte) mask;
              Outcome outcome = decode(corrupt);
              if (outcome.error() != null) {
                assertThat(offset(outcome.error()))
                    .as("flip 0x%02X at %d", mask, at)
                    .isBetween(0L, (long) plain.length);
              }
            }
          }
        });
  }

  @Test
  void flippingCompressedBytesNeverHangsOrFailsUntyped() {
    byte[] compressed = TestFixtures.bytes("databento-python/LIVE/test_data.live.dbn.zst");
    assertTimeoutPreemptively(
        BUDGET,
        () -> {
          for (int at = 0; at < compressed.length; at++) {
            byte[] corrupt = compressed.clone();
            corrupt[at] ^= (byte) 0xA5;
            decode(corrupt); // fails the test itself on anything untyped
          }
        });
  }

  @Test
  void randomMutationsAndGarbageNeverHangOrFailUntyped() {
    Random random = new Random(20240601L);
    byte[] plain = TestFixtures.dbn("databento-python/LIVE/test_data.live.dbn.zst");
    assertTimeoutPreemptively(
        BUDGET,
        () -> {
          for (int round = 0; round < 3000; round++) {
            byte[] corrupt = plain.clone();
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
              corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            }
            decode(corrupt);
          }
          for (int round = 0; round < 500; round++) {
            byte[] garbage = new byte[random.nextInt(2048)];
            random.nextBytes(garbage);
            if (garbage.length >= 4 && random.nextBoolean()) {
              garbage[0] = 'D';
              garbage[1] = 'B';
              garbage[2] = 'N';
              garbage[3] = (byte) (1 + random.nextInt(3));
            }
            decode(garbage);
          }
        });
  }

  @Test
  void aMetadataLengthOfFourGigabytesFailsAsTruncationWithoutAllocatingIt() {
    byte[] plain = TestFixtures.dbn("dbn/test_data.trades.dbn");
    ByteBuffer.wrap(plain, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFFFF_FFFF);

    Outcome outcome = decode(plain);

    assertThat(outcome.error()).isInstanceOf(DbnTruncatedException.class);
    assertThat(offset(outcome.error())).isEqualTo(plain.length);
  }

  @Test
  void aSymbolCountBeyondTheMetadataFailsNamingTheCount() {
    byte[] plain = TestFixtures.dbn("dbn/test_data.trades.dbn");
    ByteBuffer.wrap(plain, 112, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFFFF_FFFF);

    IngestException error = decode(plain).error();

    assertThat(error)
        .isInstanceOf(DbnFormatException.class)
        .hasMessageContaining("offset 112")
        .hasMessageContaining("symbols.count");
    assertThat(((DbnFormatException) error).field()).isEqualTo("symbols.count");
  }

  @Test
  void anIntervalCountBeyondTheMetadataFailsNamingIt() {
    // v2, one symbol (71 bytes), empty partial and not_found, one mapping of ESH1
    byte[] plain = TestFixtures.dbn("dbn/test_data.trades.dbn");
    int intervalCountAt = 112 + 4 + 71 + 4 + 4 + 4 + 71;
    ByteBuffer.wrap(plain, intervalCountAt, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(1 << 30);

    IngestException error = decode(plain).error();

    assertThat(error).isInstanceOf(DbnFormatException.class);
    assertThat(((DbnFormatException) error).field()).isEqualTo("mappings.interval_count");
    assertThat(offset(error)).isEqualTo(intervalCountAt);
  }

  @Test
  void anImpossibleMappingDateFailsNamingTheField() {
    byte[] plain = TestFixtures.dbn("dbn/test_data.trades.dbn");
    int startDateAt = 112 + 4 + 71 + 4 + 4 + 4 + 71 + 4;
    ByteBuffer.wrap(plain, startDateAt, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(20201341);

    IngestException error = decode(plain).error();

    assertThat(error)
        .isInstanceOf(DbnFormatException.class)
        .hasMessageContaining("mappings.start_date")
        .hasMessageContaining("20201341");
    assertThat(offset(error)).isEqualTo(startDateAt);
  }

  @Test
  void aRecordLengthBelowTheHeaderFailsAtTheRecord() {
    byte[] plain = TestFixtures.dbn("dbn/test_data.trades.dbn");
    int second = metadataEnd(plain) + 48;
    plain[second] = 3; // 12 bytes

    Outcome outcome = decode(plain);

    assertThat(outcome.records()).isEqualTo(1);
    assertThat(outcome.error()).isInstanceOf(DbnFormatException.class);
    assertThat(offset(outcome.error())).isEqualTo(second);
    assertThat(((DbnFormatException) outcome.error()).field()).isEqualTo("length");
  }

  @Test
  void aV3StatisticWithTheV2SizeFailsRatherThanReadingPastIt() {
    byte[] plain = TestFixtures.dbn("dbn/test_data.statistics.v3.dbn.zst");
    int first = metadataEnd(plain);
    plain[first] = 16; // 64 bytes: the v1/v2 size

    Outcome outcome = decode(plain);

    assertThat(outcome.error())
        .isInstanceOf(DbnFormatException.class)
        .hasMessageContaining("needs at least 80");
    assertThat(offset(outcome.error())).isEqualTo(first);
  }

  @Test
  void unsupportedVersionsAndForeignFilesAreRefusedAtTheirFirstBytes() {
    byte[] v4 = TestFixtures.dbn("dbn/test_data.trades.dbn");
    v4[3] = 4;
    assertThat(decode(v4).error())
        .isInstanceOf(DbnFormatException.class)
        .hasMessageContaining("offset 3")
        .hasMessageContaining("version 4");

    byte[] dbz = {0x50, 0x2A, 0x4D, 0x18, 0, 0, 0, 0, 0, 0};
    assertThat(decode(dbz).error())
        .isInstanceOf(DbnFormatException.class)
        .hasMessageContaining("field=magic");

    assertThat(decode(new byte[0]).error()).isInstanceOf(DbnTruncatedException.class);
  }

  @Test
  void anAbsurdSymbolLengthIsRefused() {
    byte[] plain = TestFixtures.dbn("dbn/test_data.trades.dbn");
    ByteBuffer.wrap(plain, 53, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0);
    assertThat(decode(plain).error())
        .isInstanceOf(DbnFormatException.class)
        .hasMessageContaining("symbol_cstr_len");
  }

  private static List<Integer> recordBoundaries(byte[] plain, int metadataEnd) {
    List<Integer> boundaries = new java.util.ArrayList<>();
    int at = metadataEnd;
    boundaries.add(at);
    while (at < plain.length) {
      at += (plain[at] & 0xFF) * 4;
      boundaries.add(at);
    }
    assertThat(at).isEqualTo(plain.length);
    return boundaries;
  }

  private static int lastBoundaryBefore(List<Integer> boundaries, int cut) {
    int best = boundaries.get(0);
    for (int b : boundaries) {
      if (b < cut) {
        best = b;
      }
    }
    return best;
  }
}
