package dev.ingest.ibkr;

import static dev.ingest.ibkr.TwsScenario.ACCOUNT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.IngestListener;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.sync.AccountSync;
import dev.ingest.testkit.InMemoryBrokerRecordStore;
import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsTranscript;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A conversation recorded from one gateway, replayed by another, gives the same records. */
class TranscriptReplayTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-04-13T20:00:00Z"), ZoneOffset.UTC);

  @Test
  void aRecordedSessionReplaysToTheSameSyncedRecords() {
    // Given a full account sync against the scripted gateway, recorded
    BrokerRecordStore original = new InMemoryBrokerRecordStore();
    TwsTranscript recorded;
    try (FakeTwsGateway live = TwsScenario.gateway();
        IbkrBrokerApi broker =
            IbkrBrokerApi.connect(TwsScenario.config(live), CLOCK, IngestListener.NOOP)) {
      AccountSync.sync(broker, ACCOUNT_ID, original);
      recorded = live.transcript();
    }

    // When the transcript text alone drives a fresh gateway and a fresh store
    BrokerRecordStore replayed = new InMemoryBrokerRecordStore();
    try (FakeTwsGateway replay = FakeTwsGateway.start(TwsTranscript.parse(recorded.toString()));
        IbkrBrokerApi broker =
            IbkrBrokerApi.connect(TwsScenario.config(replay), CLOCK, IngestListener.NOOP)) {
      AccountSync.Result result = AccountSync.sync(broker, ACCOUNT_ID, replayed);

      // Then
      assertThat(result.total().created()).isEqualTo(9);
    }
    assertThat(replayed.snapshots(ACCOUNT_ID)).isEqualTo(original.snapshots(ACCOUNT_ID));
    assertThat(replayed.positions(ACCOUNT_ID)).isEqualTo(original.positions(ACCOUNT_ID));
    assertThat(replayed.orders(ACCOUNT_ID)).isEqualTo(original.orders(ACCOUNT_ID));
    assertThat(replayed.executions(ACCOUNT_ID)).isEqualTo(original.executions(ACCOUNT_ID));
  }
}
