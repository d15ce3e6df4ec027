package dev.ingest.databento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.market.Prices;
import dev.ingest.api.model.Symbol;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DatabentoTextReaderTest {
  private static final String DBN = "databento-python/GLBX.MDP3/test_data.mbp-1.dbn.zst";

  private static DbnMetadata metadata() {
    try (DbnReader reader = DbnReader.open(new ByteArrayInputStream(TestFixtures.bytes(DBN)))) {
      return reader.metadata();
    }
  }

  private static List<DatabentoRecord> fromDbn() {
    try (DbnReader reader = DbnReader.open(new ByteArrayInputStream(TestFixtures.bytes(DBN)))) {
      return reader.records().toList();
    }
  }

  private static String text(String fixture) {
    return new String(TestFixtures.bytes(fixture), StandardCharsets.UTF_8);
  }

  @Test
  void theOfficialCsvEqualsTheDbnItWasEncodedFrom() {
    // Given the official encoder's raw CSV of the GLBX mbp-1 file, and that file's metadata
    String csv = text("databento-python/GLBX.MDP3/test_data.mbp-1.csv");

    // When it is read
    try (Stream<DatabentoRecord> records =
        DatabentoTextReader.csv(new StringReader(csv), metadata())) {
      // Then every record equals the one decoded from DBN, symbol included
      assertThat(records.toList()).hasSize(4).isEqualTo(fromDbn());
    }
  }

  @Test
  void theOfficialPrettyJsonEqualsTheDbnItWasEncodedFrom() {
    // Given the official JSON lines with pretty prices, ISO timestamps and symbols
    String json =
        text("databento-python/GLBX.MDP3/test_data.mbp-1.pretty_px-pretty_ts-map_symbols.json");

    // When read without any metadata, then the symbols come from the lines themselves
    try (Stream<DatabentoRecord> records = DatabentoTextReader.json(new StringReader(json), null)) {
      assertThat(records.toList()).hasSize(4).isEqualTo(fromDbn());
    }
  }

  @Test
  void csvWithoutMetadataOrSymbolsNamesRecordsByInstrumentId() {
    String csv = text("databento-python/GLBX.MDP3/test_data.mbp-1.csv");
    try (Stream<DatabentoRecord> records = DatabentoTextReader.csv(new StringReader(csv), null)) {
      DatabentoMbp1 first = (DatabentoMbp1) records.findFirst().orElseThrow();
      assertThat(first.symbol()).isEqualTo(Symbol.of("5482"));
      assertThat(first.mappedSymbol()).isNull();
      assertThat(first.price()).isEqualTo(3702250000000L);
    }
  }

  @Test
  void prettyEmptyValuesMeanUnsetAndV3QuantitiesAreStrings() {
    // Given pretty statistics lines in both encodings, with unset price, ts_ref and quantity
    String csv =
        "ts_recv,ts_event,rtype,publisher_id,instrument_id,ts_ref,price,quantity,sequence,"
            + "ts_in_delta,stat_type,channel_id,update_action,stat_flags,symbol\n"
            + "2020-12-28T01:09:29.471598612Z,2020-12-28T01:09:29.470220283Z,24,1,5482,,,"
            + "2147483647,210043,22850,8,0,1,255,ESH1\n";
    String json =
        "{\"ts_recv\":\"1609117769471598612\",\"hd\":{\"ts_event\":\"1609117769470220283\","
            + "\"rtype\":24,\"publisher_id\":1,\"instrument_id\":5482},\"ts_ref\":null,"
            + "\"price\":null,\"quantity\":\"2147483647\",\"sequence\":210043,"
            + "\"ts_in_delta\":22850,\"stat_type\":8,\"channel_id\":0,\"update_action\":1,"
            + "\"stat_flags\":255,\"symbol\":\"ESH1\"}\n";

    // When read
    DatabentoStatistic fromCsv =
        (DatabentoStatistic) DatabentoTextReader.csv(new StringReader(csv), null).toList().get(0);
    DatabentoStatistic fromJson =
        (DatabentoStatistic) DatabentoTextReader.json(new StringReader(json), null).toList().get(0);

    // Then the unset values are the DBN sentinels; a v3 (string) quantity stays as sent
    assertThat(fromCsv.price()).isEqualTo(Prices.UNDEFINED);
    assertThat(fromCsv.tsRef()).isEqualTo(DatabentoStatistic.UNDEF_TIMESTAMP);
    assertThat(fromCsv.quantity()).isEqualTo(DatabentoStatistic.UNDEF_QUANTITY);
    assertThat(fromCsv.tsRecv()).isEqualTo(1609117769471598612L);
    assertThat(fromJson.price()).isEqualTo(Prices.UNDEFINED);
    assertThat(fromJson.quantity()).isEqualTo(2147483647L);
    assertThat(fromJson.tsEvent()).isEqualTo(fromCsv.tsEvent());
  }

  @Test
  void rawJsonOhlcvLinesBecomeBars() {
    String json =
        "{\"hd\":{\"ts_event\":\"1658441851000000000\",\"rtype\":33,\"publisher_id\":1,"
            + "\"instrument_id\":323},\"open\":\"5000\",\"high\":\"8000\",\"low\":\"3000\","
            + "\"close\":\"6000\",\"volume\":\"55000\"}";

    DatabentoBar bar =
        (DatabentoBar) DatabentoTextReader.json(new StringReader(json), null).toList().get(0);

    assertThat(bar)
        .isEqualTo(
            new DatabentoBar(
                Symbol.of("323"),
                null,
                0x21,
                1,
                323,
                1658441851000000000L,
                5000,
                8000,
                3000,
                6000,
                55000));
  }

  @Test
  void aBadValueFailsNamingRecordFieldAndLine() {
    String csv =
        text("databento-python/GLBX.MDP3/test_data.mbp-1.csv")
            .replace(",3702750000000,1,130,17470", ",37.0x,1,130,17470");

    assertThatThrownBy(() -> DatabentoTextReader.csv(new StringReader(csv), null).toList())
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("DatabentoMbp1.price")
        .hasMessageContaining("37.0x")
        .hasMessageContaining("line=4");
  }

  @Test
  void anEndlessLineFailsInsteadOfFillingTheHeap() {
    java.io.Reader endless =
        new java.io.Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, '1');
            return length;
          }

          @Override
          public void close() {}
        };

    assertThatThrownBy(() -> DatabentoTextReader.json(endless, null).findFirst())
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("longer than")
        .hasMessageContaining("line=1");
  }

  @Test
  void crlfLineEndingsAreAccepted() {
    String csv = text("databento-python/GLBX.MDP3/test_data.mbp-1.csv").replace("\n", "\r\n");
    try (Stream<DatabentoRecord> records =
        DatabentoTextReader.csv(new StringReader(csv), metadata())) {
      assertThat(records.toList()).isEqualTo(fromDbn());
    }
  }
}
