package dev.ingest.store.jdbc;

import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.InstrumentStore;
import dev.ingest.api.store.RawDataLake;
import dev.ingest.testkit.contract.BrokerRecordStoreContract;
import dev.ingest.testkit.contract.InstrumentStoreContract;
import dev.ingest.testkit.contract.RawDataLakeContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's store contracts on the embedded default: a SQLite file in a temp directory. */
class SqliteContractsTest {

  @Nested
  class BrokerRecords extends BrokerRecordStoreContract {
    @TempDir Path dir;
    JdbcStore jdbc;

    @Override
    protected BrokerRecordStore createStore() {
      jdbc = JdbcStore.sqlite(dir.resolve("ingest.db"));
      return jdbc.records();
    }

    @AfterEach
    void closeStore() {
      jdbc.close();
    }
  }

  @Nested
  class Instruments extends InstrumentStoreContract {
    @TempDir Path dir;
    JdbcStore jdbc;

    @Override
    protected InstrumentStore createStore() {
      jdbc = JdbcStore.sqlite(dir.resolve("ingest.db"));
      return jdbc.records().instruments();
    }

    @AfterEach
    void closeStore() {
      jdbc.close();
    }
  }

  @Nested
  class Lake extends RawDataLakeContract {
    @TempDir Path dir;
    JdbcStore jdbc;

    @Override
    protected RawDataLake createLake() {
      jdbc = JdbcStore.sqlite(dir.resolve("ingest.db"));
      return jdbc.lake();
    }

    @AfterEach
    void closeStore() {
      jdbc.close();
    }
  }
}
