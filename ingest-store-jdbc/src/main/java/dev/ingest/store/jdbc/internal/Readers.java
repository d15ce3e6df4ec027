package dev.ingest.store.jdbc.internal;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AssetClass;
import dev.ingest.api.model.ConId;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Instrument;
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
import dev.ingest.api.model.Symbol;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds records from result rows. Records validate themselves again on the way out, so a row
 * edited by hand into something invalid fails loudly, naming the field, instead of spreading.
 */
final class Readers {
  private final Dialect dialect;

  Readers(Dialect dialect) {
    this.dialect = dialect;
  }

  Instrument instrument(ResultSet rs) throws SQLException {
    Long conId = bigint(rs, "i_con_id");
    String right = text(rs, "i_option_right");
    String underlying = text(rs, "i_underlying");
    return new Instrument(
        Symbol.of(rs.getString("i_symbol")),
        AssetClass.valueOf(rs.getString("i_asset_class")),
        rs.getString("i_currency"),
        conId == null ? null : ConId.of(conId),
        text(rs, "i_exchange"),
        decimal(rs, "i_multiplier"),
        (LocalDate) dialect.read(rs, "i_expiry", ColumnType.DATE),
        decimal(rs, "i_strike"),
        right == null ? null : OptionRight.valueOf(right),
        underlying == null ? null : Symbol.of(underlying));
  }

  Position position(ResultSet rs) throws SQLException {
    return new Position(
        AccountId.of(rs.getString("account")),
        instrument(rs),
        decimal(rs, "quantity"),
        decimal(rs, "average_cost"),
        decimal(rs, "market_price"),
        decimal(rs, "market_value"),
        instant(rs, "as_of"));
  }

  Order order(ResultSet rs) throws SQLException {
    return new Order(
        AccountId.of(rs.getString("account")),
        rs.getString("broker_order_id"),
        text(rs, "client_order_id"),
        instrument(rs),
        Side.valueOf(rs.getString("side")),
        OrderType.valueOf(rs.getString("order_type")),
        decimal(rs, "quantity"),
        decimal(rs, "filled_quantity"),
        decimal(rs, "limit_price"),
        decimal(rs, "stop_price"),
        decimal(rs, "average_fill_price"),
        OrderStatus.valueOf(rs.getString("status")),
        text(rs, "time_in_force"),
        instant(rs, "submitted_at"),
        instant(rs, "updated_at"));
  }

  Execution execution(ResultSet rs) throws SQLException {
    return new Execution(
        AccountId.of(rs.getString("account")),
        rs.getString("exec_id"),
        text(rs, "broker_order_id"),
        instrument(rs),
        Side.valueOf(rs.getString("side")),
        decimal(rs, "quantity"),
        decimal(rs, "price"),
        instant(rs, "executed_at"),
        decimal(rs, "commission"),
        text(rs, "commission_currency"),
        text(rs, "exchange"));
  }

  OptionEvent optionEvent(ResultSet rs) throws SQLException {
    return new OptionEvent(
        AccountId.of(rs.getString("account")),
        instrument(rs),
        OptionEventType.valueOf(rs.getString("event_type")),
        instant(rs, "event_at"),
        decimal(rs, "quantity"));
  }

  RawOrder rawOrder(ResultSet rs) throws SQLException {
    return new RawOrder(
        rs.getString("id"),
        text(rs, "client_order_id"),
        rs.getString("status"),
        instant(rs, "updated_at"),
        rs.getString("raw_text"));
  }

  RawActivity rawActivity(ResultSet rs) throws SQLException {
    return new RawActivity(
        rs.getString("id"),
        rs.getString("activity_type"),
        decimal(rs, "net_amount"),
        text(rs, "execution_id"),
        instant(rs, "occurred_at"),
        rs.getString("raw_text"));
  }

  @Nullable BigDecimal decimal(ResultSet rs, String column) throws SQLException {
    return (BigDecimal) dialect.read(rs, column, ColumnType.DECIMAL);
  }

  @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    return (Instant) dialect.read(rs, column, ColumnType.INSTANT);
  }

  private static @Nullable String text(ResultSet rs, String column) throws SQLException {
    return rs.getString(column);
  }

  private static @Nullable Long bigint(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
