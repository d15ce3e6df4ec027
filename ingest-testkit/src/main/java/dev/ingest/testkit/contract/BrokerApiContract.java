package dev.ingest.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.BrokerCapability;
import dev.ingest.api.error.IngestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BrokerApi} promises, whatever the broker. Extend it and return a connection to
 * an account that has at least one record of each kind the broker can fetch (a scripted fake
 * gateway or WireMock server behind it) from {@link #openBroker()}.
 *
 * @since 0.1
 */
public abstract class BrokerApiContract {
  protected BrokerApi broker;

  protected abstract BrokerApi openBroker();

  @BeforeEach
  void open() {
    broker = openBroker();
  }

  @AfterEach
  void close() {
    broker.close();
  }

  private List<List<?>> fetchAll() {
    return List.of(
        broker.fetchAccountSnapshots(),
        broker.fetchPositions(),
        broker.fetchOpenOrders(),
        broker.fetchExecutions(),
        broker.fetchOptionEvents());
  }

  @Test
  void everyFetchReturnsAnUnmodifiableListOfTheAccountsRecords() {
    for (List<?> records : fetchAll()) {
      assertThat(records).isNotNull().doesNotContainNull();
      assertThatThrownBy(() -> records.add(null)).isInstanceOf(UnsupportedOperationException.class);
    }
    broker
        .fetchAccountSnapshots()
        .forEach(r -> assertThat(r.account()).isEqualTo(broker.account()));
    broker.fetchPositions().forEach(r -> assertThat(r.account()).isEqualTo(broker.account()));
    broker.fetchOpenOrders().forEach(r -> assertThat(r.account()).isEqualTo(broker.account()));
    broker.fetchExecutions().forEach(r -> assertThat(r.account()).isEqualTo(broker.account()));
    broker.fetchOptionEvents().forEach(r -> assertThat(r.account()).isEqualTo(broker.account()));
  }

  @Test
  void theAccountHasARecordOfEachKindTheBrokerDeclares() {
    var capabilities = broker.capabilities();
    if (capabilities.contains(BrokerCapability.ACCOUNT_SNAPSHOTS)) {
      assertThat(broker.fetchAccountSnapshots()).isNotEmpty();
    }
    if (capabilities.contains(BrokerCapability.POSITIONS)) {
      assertThat(broker.fetchPositions()).isNotEmpty();
    }
    if (capabilities.contains(BrokerCapability.OPEN_ORDERS)) {
      assertThat(broker.fetchOpenOrders()).isNotEmpty();
    }
    if (capabilities.contains(BrokerCapability.EXECUTIONS)) {
      assertThat(broker.fetchExecutions()).isNotEmpty();
    }
  }

  @Test
  void fetchingTwiceFromAnUnchangedAccountGivesTheSameRecords() {
    assertThat(broker.fetchOpenOrders())
        .containsExactlyInAnyOrderElementsOf(broker.fetchOpenOrders());
    assertThat(broker.fetchExecutions())
        .containsExactlyInAnyOrderElementsOf(broker.fetchExecutions());
    assertThat(broker.fetchPositions())
        .usingElementComparator((a, b) -> a.sameHolding(b) ? 0 : 1)
        .containsExactlyInAnyOrderElementsOf(broker.fetchPositions());
  }

  @Test
  void executionsSinceAreASuffixOfAllExecutions() {
    var all = broker.fetchExecutions();
    Instant since =
        all.stream().map(e -> e.executedAt()).max(Instant::compareTo).orElse(Instant.EPOCH);

    assertThat(broker.fetchExecutions(since))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.executedAt()).isAfterOrEqualTo(since))
        .isSubsetOf(all);
  }

  @Test
  void closeIsIdempotentAndFetchingAfterItFailsWithAnIngestException() {
    broker.close();
    broker.close();

    assertThatThrownBy(broker::fetchOpenOrders).isInstanceOf(IngestException.class);
  }

  @Test
  void toStringRevealsNoSecret() {
    assertThat(broker.toString())
        .doesNotContainIgnoringCase("secret=")
        .doesNotContainIgnoringCase("token=");
  }
}
