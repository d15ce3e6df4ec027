package dev.ingest.testkit;

import static dev.ingest.testkit.TestRecords.ACCOUNT;
import static dev.ingest.testkit.TestRecords.T0;
import static dev.ingest.testkit.TestRecords.aapl;
import static dev.ingest.testkit.TestRecords.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.TransportException;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.testkit.contract.BrokerApiContract;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class FakeBrokerApiTest {

  @Nested
  class Contract extends BrokerApiContract {
    @Override
    protected BrokerApi openBroker() {
      FakeBrokerApi fake = FakeBrokerApi.forAccount(ACCOUNT);
      TestRecords.loadFullAccount(fake, ACCOUNT);
      return fake;
    }
  }

  @Test
  void aScriptedFailureHitsOnlyTheNextFetch() {
    try (FakeBrokerApi broker = FakeBrokerApi.forAccount(ACCOUNT)) {
      broker.putOrder(order(ACCOUNT, "1", aapl(), OrderStatus.SUBMITTED, "0", T0));
      broker.failNextFetch(new TransportException("fake", "socket reset"));

      assertThatThrownBy(broker::fetchOpenOrders).hasMessage("socket reset");
      assertThat(broker.fetchOpenOrders()).hasSize(1);
      assertThat(broker.fetchCount()).isEqualTo(2);
    }
  }

  @Test
  void aJsonFixtureLoadsExactDecimalsAndDefaults() {
    try (FakeBrokerApi broker =
        FakeBrokerApi.fromJson(Fixtures.open("dev/ingest/testkit/broker-account.json"))) {
      assertThat(broker.account().value()).isEqualTo("U1234567");
      assertThat(broker.fetchPositions())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.averageCost().toPlainString()).isEqualTo("170.25");
                assertThat(p.instrument().currency()).isEqualTo("USD");
                assertThat(p.instrument().conId().value()).isEqualTo(265598L);
              });
      assertThat(broker.fetchOpenOrders())
          .singleElement()
          .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.SUBMITTED));
      assertThat(broker.fetchAccountSnapshots().get(0).netLiquidation().toPlainString())
          .isEqualTo("100250.5");
    }
  }

  @Test
  void anInvalidFixtureRecordIsNamedBySectionAndIndex() {
    String json =
        "{\"account\":\"U1\",\"executions\":[{\"execId\":\"e1\",\"instrument\":{\"symbol\":\"AAPL\",\"assetClass\":\"STOCK\"},"
            + "\"side\":\"BUY\",\"quantity\":\"-5\",\"price\":\"1\",\"executedAt\":\"2024-03-01T14:30:00Z\"}]}";

    assertThatThrownBy(
            () ->
                BrokerFixture.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("Execution.quantity")
        .hasMessageContaining("executions[0]");
  }

  @Test
  void theLeakCheckFailsATestThatLeavesABrokerOpen() {
    var results =
        EngineTestKit.engine("junit-jupiter")
            .selectors(
                org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(LeakyTest.class))
            .execute();

    results.testEvents().assertStatistics(stats -> stats.failed(1).succeeded(1));
  }

  @org.junit.jupiter.api.extension.ExtendWith(BrokerLeakCheck.class)
  static class LeakyTest {
    @Test
    void leaks() {
      FakeBrokerApi.forAccount(ACCOUNT);
    }

    @Test
    void closes() {
      FakeBrokerApi.forAccount(ACCOUNT).close();
    }
  }
}
