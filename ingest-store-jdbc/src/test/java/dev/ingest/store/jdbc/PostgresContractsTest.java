package dev.ingest.store.jdbc;

import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.InstrumentStore;
import dev.ingest.api.store.RawDataLake;
import dev.ingest.testkit.contract.BrokerRecordStoreContract;
import dev.ingest.testkit.contract.InstrumentStoreContract;
import dev.ingest.testkit.contract.RawDataLakeContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit's store contracts on real PostgreSQL, in a schema of this class's own. Broker records
 * run twice: row by row (small batches) and through the COPY staging path (a threshold of one
 * record), since both must keep the same rules.
 */
class PostgresContractsTest {
  @RegisterExtension static final PostgresSchema pg = new PostgresSchema();

  @Nested
  class BrokerRecords extends BrokerRecordStoreContract {
    JdbcStore jdbc;

    @Override
    protected int concurrentSyncs() {
      return 8;
    }

    @Override
    protected BrokerRecordStore createStore() {
      pg.truncateAll();
      jdbc = pg.open();
      return jdbc.records();
    }

    @AfterEach
    void closeStore() {
      jdbc.close();
    }
  }

  @Nested
  class BrokerRecordsThroughCopy extends BrokerRecordStoreContract {
    JdbcStore jdbc;

    @Override
    protected int concurrentSyncs() {
      return 8;
    }

    @Override
    protected BrokerRecordStore createStore() {
      pg.truncateAll();
      jdbc = pg.open(pg.config().withCopyThreshold(1));
      return jdbc.records();
    }

    @AfterEach
    void closeStore() {
      jdbc.close();
    }
  }

  @Nested
  class Instruments extends InstrumentStoreContract {
    JdbcStore jdbc;

    @Override
    protected InstrumentStore createStore() {
      pg.truncateAll();
      jdbc = pg.open();
      return jdbc.records().instruments();
    }

    @AfterEach
    void closeStore() {
      jdbc.close();
    }
  }

  @Nested
  class Lake extends RawDataLakeContract {
    JdbcStore jdbc;

    @Override
    protected RawDataLake createLake() {
      pg.truncateAll();
      jdbc = pg.open();
      return jdbc.lake();
    }

    @AfterEach
    void closeStore() {
      jdbc.close();
    }
  }

  @Nested
  class LakeThroughCopy extends RawDataLakeContract {
    JdbcStore jdbc;

    @Override
    protected RawDataLake createLake() {
      pg.truncateAll();
      jdbc = pg.open(pg.config().withCopyThreshold(1));
      return jdbc.lake();
    }

    @AfterEach
    void closeStore() {
      jdbc.close();
    }
  }
}
