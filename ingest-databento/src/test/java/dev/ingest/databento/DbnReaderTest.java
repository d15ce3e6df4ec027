package dev.ingest.databento;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import dev.ingest.api.market.Prices;
import dev.ingest.api.market.Quote;
import dev.ingest.api.market.Trade;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DbnReaderTest {

  private static List<DatabentoRecord> decode(byte[] bytes) {
    try (DbnReader reader = DbnReader.open(new ByteArrayInputStream(bytes))) {
      return reader.records().toList();
    }
  }

  private static List<DatabentoRecord> decode(String fixture) {
    return decode(TestFixtures.bytes(fixture));
  }

  @Test
  void aMixedLiveStreamModelsWhatItKnowsAndSkipsTheRestByLength() {
    // Given the mixed v3 stream of the live gateway (46 records of 9 kinds)
    try (DbnReader reader =
        DbnReader.open(
            new ByteArrayInputStream(
                TestFixtures.bytes("databento-python/LIVE/test_data.live.dbn.zst")))) {
      // When it is read
      List<DatabentoRecord> records = reader.records().toList();

      // Then the modelled kinds are all there, and MBO, MBP-10 and definitions were skipped
      Map<String, Long> kinds =
          records.stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.getClass().getSimpleName() + "/" + r.rtype(), Collectors.counting()));
      assertThat(kinds)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "DatabentoSymbolMapping/22", 20L,
                  "DatabentoBar/33", 2L,
                  "DatabentoBar/32", 2L,
                  "DatabentoStatistic/24", 9L,
                  "DatabentoMbp1/1", 2L,
                  "DatabentoTrade/0", 2L));
      assertThat(reader.skippedRecords()).isEqualTo(2 + 5 + 2);
      assertThat(reader.metadata().schema()).isNull();
      assertThat(reader.metadata().stypeIn()).isNull();

      // and the first of each kind is the README's, named by the stream's symbol mappings
      Symbol esz4 = Symbol.of("ESZ4");
      assertThat(first(records, DatabentoBar.class))
          .isEqualTo(
              new DatabentoBar(
                  esz4,
                  "ESZ4",
                  0x21,
                  1,
                  183748L,
                  1700510400000000000L,
                  4756000000000L,
                  4756000000000L,
                  4756000000000L,
                  4756000000000L,
                  2L));
      assertThat(first(records, DatabentoStatistic.class))
          .isEqualTo(
              new DatabentoStatistic(
                  esz4,
                  "ESZ4",
                  1,
                  183748L,
                  1700519938386227977L,
                  1700519938386517391L,
                  1700438400000000000L,
                  4753750000000L,
                  Long.MAX_VALUE,
                  3054L,
                  19839,
                  3,
                  0,
                  1,
                  2));
      assertThat(first(records, DatabentoTrade.class))
          .isEqualTo(
              new DatabentoTrade(
                  esz4,
                  "ESZ4",
                  1,
                  183748L,
                  1700510417922683019L,
                  1700510417922883941L,
                  4756000000000L,
                  2L,
                  'T',
                  'B',
                  0,
                  0,
                  15583,
                  5109302L));
    }
  }

  private static <T> T first(List<DatabentoRecord> records, Class<T> type) {
    return records.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  @Test
  void pricesConvertToExactDecimalsAndRawValuesStayRaw() {
    // Given a trade at the real ES level and an OHLCV bar at 100x it (synthetic test data)
    DatabentoTrade trade = (DatabentoTrade) decode("dbn/test_data.trades.dbn").get(0);
    DatabentoBar bar = (DatabentoBar) decode("dbn/test_data.ohlcv-1m.dbn").get(0);
    DatabentoBar option =
        (DatabentoBar) decode("databento-python/OPRA.PILLAR/test_data.ohlcv-1m.dbn.zst").get(0);

    // Then the raw fixed-point values are kept and convert exactly
    assertThat(trade.price()).isEqualTo(3720250000000L);
    assertThat(Prices.toDecimal(trade.price())).isEqualTo(new BigDecimal("3720.25"));
    assertThat(bar.open()).isEqualTo(372025000000000L);
    assertThat(Prices.toDecimal(bar.open())).isEqualTo(new BigDecimal("372025"));
    assertThat(Prices.toDecimal(option.close())).isEqualTo(new BigDecimal("0.33"));
    assertThat(trade.eventTime()).hasToString("2020-12-28T13:00:00.098821953Z");
    assertThat(bar.interval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theSameDataDecodesAlikeInEveryVersionAndContainer() {
    assertThat(decode("dbn/test_data.trades.v1.dbn.zst"))
        .isEqualTo(decode("dbn/test_data.trades.v2.dbn.zst"))
        .isEqualTo(decode("dbn/test_data.trades.dbn"))
        .isEqualTo(decode("databento-rs/test_data.trades.dbn"));
    assertThat(decode("dbn/test_data.tbbo.v1.dbn.zst"))
        .isEqualTo(decode("dbn/test_data.tbbo.v2.dbn.zst"))
        .isEqualTo(decode("dbn/test_data.tbbo.v3.dbn.zst"));
    assertThat(decode("dbn/test_data.mbp-1.v1.dbn.zst"))
        .isEqualTo(decode("dbn/test_data.mbp-1.v2.dbn.zst"))
        .isEqualTo(decode("dbn/test_data.mbp-1.dbn"))
        .isEqualTo(decode("databento-rs/test_data.mbp-1.dbn"));
    assertThat(decode("dbn/test_data.ohlcv-1m.v2.dbn.zst"))
        .isEqualTo(decode("dbn/test_data.ohlcv-1m.v3.dbn.zst"))
        .isEqualTo(decode("dbn/test_data.ohlcv-1m.dbn"));
    // v1/v2 statistics carry a 32-bit quantity; widened, they equal v3's 64-bit records
    assertThat(decode("databento-rs/test_data.statistics.dbn"))
        .isEqualTo(decode("dbn/test_data.statistics.dbn"))
        .isEqualTo(decode("dbn/test_data.statistics.v2.dbn.zst"))
        .isEqualTo(decode("dbn/test_data.statistics.v3.dbn.zst"));
  }

  @Test
  void concatenatedZstdFramesDecodeAsOneStream() {
    // Given a stream compressed as one frame for the metadata and one per record
    String fixture = "databento-python/GLBX.MDP3/test_data.mbp-1.dbn.zst";
    byte[] plain = TestFixtures.dbn(fixture);
    int metadataEnd = 8 + ByteBuffer.wrap(plain, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    frames.writeBytes(Zstd.compress(java.util.Arrays.copyOfRange(plain, 0, metadataEnd)));
    for (int at = metadataEnd; at < plain.length; at += 80) {
      frames.writeBytes(Zstd.compress(java.util.Arrays.copyOfRange(plain, at, at + 80)));
    }

    // When it is decoded, then it equals the single-frame file
    assertThat(decode(frames.toByteArray())).hasSize(4).isEqualTo(decode(fixture));
  }

  @Test
  void recordsWithTsOutAreReadByTheirLengthByte() {
    // Given a stream whose metadata says ts_out and whose records each carry 8 more bytes
    byte[] plain = TestFixtures.dbn("dbn/test_data.trades.dbn");
    int metadataEnd = 8 + ByteBuffer.wrap(plain, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, metadataEnd);
    byte[] withTsOut = out.toByteArray();
    withTsOut[52] = 1;
    out.reset();
    out.writeBytes(withTsOut);
    for (int at = metadataEnd; at < plain.length; at += 48) {
      byte[] record = java.util.Arrays.copyOfRange(plain, at, at + 56);
      record[0] = 14; // 56 bytes
      java.util.Arrays.fill(record, 48, 56, (byte) 0x7F);
      out.writeBytes(record);
    }

    // When it is decoded
    try (DbnReader reader = DbnReader.open(new ByteArrayInputStream(out.toByteArray()))) {
      // Then the same trades come out
      assertThat(reader.metadata().tsOut()).isTrue();
      assertThat(reader.records().toList()).isEqualTo(decode("dbn/test_data.trades.dbn"));
    }
  }

  @Test
  void tbboRecordsConvertToTheSdksQuoteAndTrade() {
    // Given a TBBO record: a buyer-initiated NVDA trade and the book just before it
    DatabentoMbp1 tbbo =
        (DatabentoMbp1) decode("databento-python/XNAS.ITCH/test_data.tbbo.dbn.zst").get(0);

    // When converted
    Trade trade = tbbo.toTrade();
    Quote quote = tbbo.toQuote();

    // Then both carry the record's values
    assertThat(trade.symbol()).isEqualTo(Symbol.of("NVDA"));
    assertThat(trade.price()).isEqualTo(521000000000L);
    assertThat(trade.size()).isEqualTo(36);
    assertThat(trade.aggressor()).isEqualTo(Side.BUY);
    assertThat(trade.timestamp()).isEqualTo(tbbo.eventTime());
    assertThat(quote.bidPrice()).isEqualTo(520000000000L);
    assertThat(quote.askPrice()).isEqualTo(521000000000L);
    assertThat(quote.bidSize()).isEqualTo(100);
    assertThat(quote.askSize()).isEqualTo(40);
  }

  @Test
  void symbolsOutsideTheSdkAlphabetKeepTheirTextAndGetASafeSymbol() {
    // Given ICE and OPRA symbols with spaces and '!'
    DatabentoTrade ice =
        (DatabentoTrade) decode("databento-python/NDEX.IMPACT/test_data.trades.dbn.zst").get(0);
    DatabentoTrade opra =
        (DatabentoTrade) decode("databento-python/OPRA.PILLAR/test_data.trades.dbn.zst").get(0);

    // Then Databento's text is kept exactly, and the symbol is usable as a key
    assertThat(ice.mappedSymbol()).isEqualTo("TFM FMH0024!");
    assertThat(ice.symbol()).isEqualTo(Symbol.of("TFMFMH0024_"));
    assertThat(opra.mappedSymbol()).isEqualTo("AAPL  250221C00250000");
    assertThat(opra.symbol()).isEqualTo(Symbol.of("AAPL250221C00250000"));
  }

  @Test
  void emptyResultsHaveMetadataAndNoRecords() {
    try (DbnReader reader =
        DbnReader.open(
            new ByteArrayInputStream(TestFixtures.bytes("dbn/test_data.ohlcv-1d.v3.dbn.zst")))) {
      assertThat(reader.metadata().schema()).isEqualTo("ohlcv-1d");
      assertThat(reader.next()).isNull();
      assertThat(reader.next()).isNull();
    }
  }
}
