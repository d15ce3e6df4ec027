package dev.ingest.store.jdbc.internal;

import static dev.ingest.store.jdbc.internal.Column.bigint;
import static dev.ingest.store.jdbc.internal.Column.date;
import static dev.ingest.store.jdbc.internal.Column.decimal;
import static dev.ingest.store.jdbc.internal.Column.instant;
import static dev.ingest.store.jdbc.internal.Column.integer;
import static dev.ingest.store.jdbc.internal.Column.text;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The tables of the schema (see {@code migration/V1__broker_records.sql}) as record mappings. */
final class Tables {
  private Tables() {}

  static final RecordTable<Instrument> INSTRUMENTS =
      new RecordTable<>(
          "instruments",
          "Instrument",
          List.of(
              text("instrument_key", "Instrument.key"),
              text("symbol", "Instrument.symbol"),
              text("asset_class", "Instrument.assetClass"),
              text("currency", "Instrument.currency"),
              bigint("con_id", "Instrument.conId"),
              text("exchange", "Instrument.exchange"),
              decimal("multiplier", "Instrument.multiplier"),
              date("expiry", "Instrument.expiry"),
              decimal("strike", "Instrument.strike"),
              text("option_right", "Instrument.right"),
              text("underlying", "Instrument.underlying")),
          List.of("instrument_key"),
          null,
          i -> "instrument=" + i.key(),
          null,
          (i, id) ->
              new Object[] {
                i.key(),
                i.symbol().value(),
                i.assetClass().name(),
                i.currency(),
                i.conId() == null ? null : i.conId().value(),
                i.exchange(),
                i.multiplier(),
                i.expiry(),
                i.strike(),
                i.right() == null ? null : i.right().name(),
                i.underlying() == null ? null : i.underlying().value()
              });

  static final RecordTable<AccountSnapshot> SNAPSHOTS =
      new RecordTable<>(
          "account_snapshots",
          "AccountSnapshot",
          List.of(
              text("account", "AccountSnapshot.account"),
              instant("as_of", "AccountSnapshot.asOf"),
              text("currency", "AccountSnapshot.currency"),
              decimal("net_liquidation", "AccountSnapshot.netLiquidation"),
              decimal("total_cash", "AccountSnapshot.totalCash"),
              decimal("buying_power", "AccountSnapshot.buyingPower")),
          List.of("account", "as_of"),
          null,
          AccountSnapshot::naturalKey,
          null,
          (s, id) ->
              new Object[] {
                s.account().value(),
                s.asOf(),
                s.currency(),
                s.netLiquidation(),
                s.totalCash(),
                s.buyingPower()
              });

  /** One entry of {@link AccountSnapshot#values()}. */
  record SnapshotValue(AccountId account, Instant asOf, String name, BigDecimal value) {}

  static final RecordTable<SnapshotValue> SNAPSHOT_VALUES =
      new RecordTable<>(
          "account_snapshot_values",
          "AccountSnapshot",
          List.of(
              text("account", "AccountSnapshot.account"),
              instant("as_of", "AccountSnapshot.asOf"),
              text("name", "AccountSnapshot.values"),
              decimal("value", "AccountSnapshot.values")),
          List.of("account", "as_of", "name"),
          null,
          v -> "account=" + v.account() + " asOf=" + v.asOf() + " value=" + v.name(),
          null,
          (v, id) -> new Object[] {v.account().value(), v.asOf(), v.name(), v.value()});

  static final RecordTable<Position> POSITIONS =
      new RecordTable<>(
          "positions",
          "Position",
          List.of(
              text("account", "Position.account"),
              bigint("instrument_id", "Position.instrument"),
              decimal("quantity", "Position.quantity"),
              decimal("average_cost", "Position.averageCost"),
              decimal("market_price", "Position.marketPrice"),
              decimal("market_value", "Position.marketValue"),
              instant("as_of", "Position.asOf")),
          List.of("account", "instrument_id"),
          "positions-guard.sql",
          Position::naturalKey,
          Position::instrument,
          (p, id) ->
              new Object[] {
                p.account().value(),
                id,
                p.quantity(),
                p.averageCost(),
                p.marketPrice(),
                p.marketValue(),
                p.asOf()
              });

  static final RecordTable<Order> ORDERS =
      new RecordTable<>(
          "orders",
          "Order",
          List.of(
              text("account", "Order.account"),
              text("broker_order_id", "Order.brokerOrderId"),
              text("client_order_id", "Order.clientOrderId"),
              bigint("instrument_id", "Order.instrument"),
              text("side", "Order.side"),
              text("order_type", "Order.type"),
              decimal("quantity", "Order.quantity"),
              decimal("filled_quantity", "Order.filledQuantity"),
              decimal("limit_price", "Order.limitPrice"),
              decimal("stop_price", "Order.stopPrice"),
              decimal("average_fill_price", "Order.averageFillPrice"),
              text("status", "Order.status"),
              integer("status_progress", "Order.status"),
              text("time_in_force", "Order.timeInForce"),
              instant("submitted_at", "Order.submittedAt"),
              instant("updated_at", "Order.updatedAt")),
          List.of("account", "broker_order_id"),
          "orders-guard.sql",
          Order::naturalKey,
          Order::instrument,
          (o, id) ->
              new Object[] {
                o.account().value(),
                o.brokerOrderId(),
                o.clientOrderId(),
                id,
                o.side().name(),
                o.type().name(),
                o.quantity(),
                o.filledQuantity(),
                o.limitPrice(),
                o.stopPrice(),
                o.averageFillPrice(),
                o.status().name(),
                o.status().progress(),
                o.timeInForce(),
                o.submittedAt(),
                o.updatedAt()
              });

  static final RecordTable<Execution> EXECUTIONS =
      new RecordTable<>(
          "executions",
          "Execution",
          List.of(
              text("exec_id", "Execution.execId"),
              text("account", "Execution.account"),
              text("broker_order_id", "Execution.brokerOrderId"),
              bigint("instrument_id", "Execution.instrument"),
              text("side", "Execution.side"),
              decimal("quantity", "Execution.quantity"),
              decimal("price", "Execution.price"),
              instant("executed_at", "Execution.executedAt"),
              decimal("commission", "Execution.commission"),
              text("commission_currency", "Execution.commissionCurrency"),
              text("exchange", "Execution.exchange")),
          List.of("exec_id"),
          null,
          Execution::naturalKey,
          Execution::instrument,
          (e, id) ->
              new Object[] {
                e.execId(),
                e.account().value(),
                e.brokerOrderId(),
                id,
                e.side().name(),
                e.quantity(),
                e.price(),
                e.executedAt(),
                e.commission(),
                e.commissionCurrency(),
                e.exchange()
              });

  static final RecordTable<OptionEvent> OPTION_EVENTS =
      new RecordTable<>(
          "option_events",
          "OptionEvent",
          List.of(
              text("account", "OptionEvent.account"),
              bigint("instrument_id", "OptionEvent.instrument"),
              instant("event_at", "OptionEvent.eventAt"),
              text("event_type", "OptionEvent.type"),
              decimal("quantity", "OptionEvent.quantity")),
          List.of("account", "instrument_id", "event_at", "event_type"),
          null,
          OptionEvent::naturalKey,
          OptionEvent::instrument,
          (e, id) ->
              new Object[] {e.account().value(), id, e.eventAt(), e.type().name(), e.quantity()});

  static final RecordTable<RawOrder> RAW_ORDERS =
      new RecordTable<>(
          "raw_orders",
          "RawOrder",
          List.of(
              text("id", "RawOrder.id"),
              text("client_order_id", "RawOrder.clientOrderId"),
              text("status", "RawOrder.status"),
              instant("updated_at", "RawOrder.updatedAt"),
              text("raw_text", "RawOrder.rawJson")),
          List.of("id"),
          "raw-orders-guard.sql",
          o -> "id=" + o.id(),
          null,
          (o, id) ->
              new Object[] {o.id(), o.clientOrderId(), o.status(), o.updatedAt(), o.rawJson()});

  static final RecordTable<RawActivity> RAW_ACTIVITIES =
      new RecordTable<>(
          "raw_activities",
          "RawActivity",
          List.of(
              text("id", "RawActivity.id"),
              text("activity_type", "RawActivity.activityType"),
              decimal("net_amount", "RawActivity.netAmount"),
              text("execution_id", "RawActivity.executionId"),
              instant("occurred_at", "RawActivity.occurredAt"),
              text("raw_text", "RawActivity.rawJson")),
          List.of("id"),
          null,
          a -> "id=" + a.id(),
          null,
          (a, id) ->
              new @Nullable Object[] {
                a.id(),
                a.activityType(),
                a.netAmount(),
                a.executionId(),
                a.occurredAt(),
                a.rawJson()
              });
}
