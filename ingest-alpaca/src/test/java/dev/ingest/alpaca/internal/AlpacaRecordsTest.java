package dev.ingest.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.AssetClass;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.OptionEventType;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.OrderType;
import dev.ingest.api.model.Position;
import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import dev.ingest.api.model.Side;
import dev.ingest.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlpacaRecordsTest {
  private static final AccountId ACCOUNT = AccountId.of("PA2XNN7L2QU0");
  private static final Instant NOW = Instant.parse("2020-06-03T14:00:00Z");

  private static List<Json.Element> array(String fixture) throws Exception {
    return Json.arrayElements(Fixtures.text("dev/ingest/alpaca/" + fixture));
  }

  private static WireActivity activity(Json.Element e) {
    return WireActivity.from(e.node(), e.raw());
  }

  @Test
  void aRecordedOrderBecomesARawOrderKeepingItsPayload() throws Exception {
    Json.Element e = array("orders_list_status_all.json").get(0);

    RawOrder raw = AlpacaRecords.rawOrder(WireOrder.from(e.node(), e.raw()));

    assertThat(raw.id()).isEqualTo("ebfc1c74-fd4a-46e1-b4e7-7f6f8ab1ef7a");
    assertThat(raw.clientOrderId()).isEqualTo("e08ad98f-07a4-40a8-9b6e-7186b0b7dd8d");
    assertThat(raw.status()).isEqualTo("accepted");
    assertThat(raw.updatedAt()).isEqualTo(Instant.parse("2020-05-24T01:08:24.888924Z"));
    assertThat(raw.rawJson())
        .isEqualTo(Fixtures.text("dev/ingest/alpaca/order_get_by_id.json").strip());
  }

  @Test
  void aRecordedOrderMapsToAnSdkOrder() throws Exception {
    Json.Element e = array("orders_list_status_all.json").get(0);

    Order order = AlpacaRecords.order(ACCOUNT, WireOrder.from(e.node(), e.raw()));

    assertThat(order.status()).isEqualTo(OrderStatus.SUBMITTED);
    assertThat(order.type()).isEqualTo(OrderType.MARKET);
    assertThat(order.side()).isEqualTo(Side.BUY);
    assertThat(order.quantity()).isEqualByComparingTo("1");
    assertThat(order.filledQuantity()).isEqualByComparingTo("0");
    assertThat(order.averageFillPrice()).isNull();
    assertThat(order.instrument().symbol().value()).isEqualTo("AAPL");
    assertThat(order.timeInForce()).isEqualTo("DAY");
    assertThat(order.submittedAt()).isEqualTo(Instant.parse("2020-05-24T01:08:24.881019Z"));
  }

  @Test
  void recordedFillsBecomeRawActivitiesWithTheirExecutionIds() throws Exception {
    List<Json.Element> fills = array("activities_fill_list_2020-06.json");

    RawActivity partial = AlpacaRecords.rawActivity(activity(fills.get(4)));

    assertThat(partial.id()).isEqualTo("20200602093022170::6e0a9fb0-1505-4021-b7f7-cdc2f86d201a");
    assertThat(partial.activityType()).isEqualTo("FILL");
    assertThat(partial.executionId()).isEqualTo("6e0a9fb0-1505-4021-b7f7-cdc2f86d201a");
    assertThat(partial.netAmount()).isNull();
    assertThat(partial.occurredAt()).isEqualTo(Instant.parse("2020-06-02T13:30:22.170536Z"));
    assertThat(partial.rawJson()).isEqualTo(fills.get(4).raw()).contains("\"partial_fill\"");
  }

  @Test
  void nonTradeActivitiesKeepTheirRestIdsAndNetAmounts() throws Exception {
    List<Json.Element> docs = array("activities_docs_examples_div_jnlc_csd_fill.json");

    RawActivity div = AlpacaRecords.rawActivity(activity(docs.get(0)));
    RawActivity jnlc = AlpacaRecords.rawActivity(activity(docs.get(1)));

    assertThat(div.id()).isEqualTo("20190801011955195::5f596936-6f23-4cef-bdf1-3806aae57dbf");
    assertThat(div.activityType()).isEqualTo("DIV");
    assertThat(div.netAmount()).isEqualByComparingTo("1.02");
    assertThat(div.executionId()).isNull();
    // a date-only activity happened at midnight New York time (EDT in August)
    assertThat(div.occurredAt()).isEqualTo(Instant.parse("2019-08-01T04:00:00Z"));
    assertThat(jnlc.netAmount()).isEqualByComparingTo("15");
    assertThat(jnlc.occurredAt()).isEqualTo(Instant.parse("2021-01-08T05:00:00Z"));
  }

  @Test
  void anUnknownActivityTypeIsKeptNotRejected() throws Exception {
    String json =
        "{\"id\":\"20240102000000000::x\",\"activity_type\":\"NEWTYPE\",\"date\":\"2024-01-02\"}";
    Json.Element e = Json.value(json);

    RawActivity raw = AlpacaRecords.rawActivity(activity(e));

    assertThat(raw.activityType()).isEqualTo("NEWTYPE");
    assertThat(raw.rawJson()).isEqualTo(json);
  }

  @Test
  void aStreamFillBecomesAFillUnderItsSyntheticId() throws Exception {
    // DERIVED fixture: partial_fill of the recorded TSLA order (see README)
    String frames =
        Fixtures.text("dev/ingest/alpaca/derived_stream_partial_fill_then_fill_TSLA.json");
    Json.Element first = Json.arrayElements(frames).get(0);
    TradeUpdate update =
        TradeUpdate.from(
            first.node().get("data"),
            Json.rawAt(first.raw(), "data"),
            Json.rawAt(first.raw(), "data", "order"));

    RawActivity fill = AlpacaRecords.streamFill(update);

    assertThat(fill.id()).isEqualTo("20200602093022170::6e0a9fb0-1505-4021-b7f7-cdc2f86d201a");
    assertThat(fill.executionId()).isEqualTo("6e0a9fb0-1505-4021-b7f7-cdc2f86d201a");
    assertThat(fill.rawJson()).startsWith("{").contains("\"event\": \"partial_fill\"");
    assertThat(FillKey.ofStream(update))
        .isEqualTo(FillKey.ofRest(array("activities_fill_list_2020-06.json").get(4).node()));
  }

  @Test
  void theDocsStreamFillParsesNanosecondsAndOffsets() throws Exception {
    String frame = Fixtures.text("dev/ingest/alpaca/stream_fill_crypto_docs.json");
    Json.Element e = Json.value(frame);

    TradeUpdate update =
        TradeUpdate.from(
            e.node().get("data"), Json.rawAt(frame, "data"), Json.rawAt(frame, "data", "order"));

    assertThat(update.timestamp()).isEqualTo(Instant.parse("2022-04-19T17:45:05.024916716Z"));
    assertThat(update.order().updatedAt())
        .isEqualTo(Instant.parse("2022-04-19T17:45:05.027690731Z"));
    assertThat(update.qty()).isEqualByComparingTo("1790.86");
    assertThat(AlpacaRecords.order(ACCOUNT, update.order()).instrument().assetClass())
        .isEqualTo(AssetClass.CRYPTO);
  }

  @Test
  void aFillEventWithoutAnExecutionIdIsRefusedNamingTheField() throws Exception {
    String frame = Fixtures.text("dev/ingest/alpaca/stream_fill_crypto_docs.json");
    String broken =
        frame.replace("\"execution_id\": \"2f63ea93-423d-4169-b3f6-3fdafc10c418\",", "");
    Json.Element e = Json.value(broken);

    assertThatThrownBy(
            () ->
                TradeUpdate.from(
                    e.node().get("data"),
                    Json.rawAt(broken, "data"),
                    Json.rawAt(broken, "data", "order")))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("TradeUpdate.execution_id")
        .hasMessageContaining("event=fill");
  }

  @Test
  void recordedFillsMapToExecutions() throws Exception {
    Json.Element e = array("activities_fill_list_2020-06.json").get(0);

    Execution execution = AlpacaRecords.execution(ACCOUNT, activity(e));

    assertThat(execution.execId()).isEqualTo("486a1a31-4d0c-494b-aaca-afa36477ddb8");
    assertThat(execution.brokerOrderId()).isEqualTo("c47ff82f-fa83-4083-9121-3623f4b3cb8d");
    assertThat(execution.side()).isEqualTo(Side.SELL);
    assertThat(execution.quantity()).isEqualByComparingTo("5");
    assertThat(execution.price()).isEqualByComparingTo("886.55");
    assertThat(execution.executedAt()).isEqualTo(Instant.parse("2020-06-03T13:30:14.199812Z"));
  }

  @Test
  void recordedPositionsAndAccountMap() throws Exception {
    List<Json.Element> positions = array("positions_list.json");
    Json.Element account = Json.value(Fixtures.text("dev/ingest/alpaca/account.json"));

    Position tsla = AlpacaRecords.position(ACCOUNT, positions.get(0).node(), NOW);
    AccountSnapshot snapshot = AlpacaRecords.snapshot(ACCOUNT, account.node(), NOW);

    assertThat(tsla.instrument().symbol().value()).isEqualTo("TSLA");
    assertThat(tsla.instrument().exchange()).isEqualTo("NASDAQ");
    assertThat(tsla.quantity()).isEqualByComparingTo("5");
    assertThat(tsla.averageCost()).isEqualByComparingTo("892.736");
    assertThat(snapshot.netLiquidation()).isEqualByComparingTo("100000");
    assertThat(snapshot.totalCash()).isEqualByComparingTo("100000");
    assertThat(snapshot.buyingPower()).isEqualByComparingTo("400000");
    assertThat(snapshot.values()).containsKeys("multiplier", "sma", "daytrade_count");
    assertThat(snapshot.values()).doesNotContainKeys("account_number", "id");
  }

  @Test
  void anOptionAssignmentBecomesAnOptionEvent() throws Exception {
    // NOT a recording: no OPASN payload is public; shape from Alpaca's non-trade activity docs
    String json =
        "{\"id\":\"20240315000000000::0f0e\",\"activity_type\":\"OPASN\",\"date\":\"2024-03-15\","
            + "\"net_amount\":\"0\",\"symbol\":\"AAPL240315C00180000\",\"qty\":\"-1\"}";

    OptionEvent event = AlpacaRecords.optionEvent(ACCOUNT, activity(Json.value(json)));

    assertThat(event.type()).isEqualTo(OptionEventType.ASSIGNMENT);
    assertThat(event.quantity()).isEqualByComparingTo("1");
    assertThat(event.instrument().strike()).isEqualByComparingTo(new BigDecimal("180"));
    assertThat(event.instrument().right()).isEqualTo(OptionRight.CALL);
    assertThat(event.instrument().expiry()).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(event.instrument().underlying().value()).isEqualTo("AAPL");
  }

  @Test
  void aNotionalOrderIsReportedAsHavingNoQuantity() throws Exception {
    String json =
        Fixtures.text("dev/ingest/alpaca/order_get_by_id.json")
            .replace("\"qty\":\"1\"", "\"qty\":null,\"notional\":\"250\"");
    Json.Element e = Json.value(json);

    assertThatThrownBy(() -> AlpacaRecords.order(ACCOUNT, WireOrder.from(e.node(), e.raw())))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("Order.quantity")
        .hasMessageContaining("notional")
        .hasMessageContaining("ebfc1c74-fd4a-46e1-b4e7-7f6f8ab1ef7a");
  }

  @Test
  void anOrderWithoutUpdatedAtIsRefusedNamingFieldAndId() throws Exception {
    String json = "{\"id\":\"o-1\",\"status\":\"new\"}";
    Json.Element e = Json.value(json);

    assertThatThrownBy(() -> WireOrder.from(e.node(), e.raw()))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("AlpacaOrder.updated_at")
        .hasMessageContaining("id=o-1");
  }
}
