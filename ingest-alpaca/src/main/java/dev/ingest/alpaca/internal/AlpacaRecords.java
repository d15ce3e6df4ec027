package dev.ingest.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ingest.alpaca.SyntheticActivityId;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.AssetClass;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pure functions from Alpaca's wire records to the SDK's records. Every failure is a {@link
 * DataValidationException} naming the field and the record's id.
 */
final class AlpacaRecords {
  /** OCC option symbol: root, YYMMDD expiry, C or P, strike times 1000 in eight digits. */
  private static final Pattern OCC = Pattern.compile("([A-Z][A-Z0-9.]{0,5})(\\d{6})([CP])(\\d{8})");

  private static final Set<String> NOT_BALANCES =
      Set.of("id", "account_number", "status", "currency", "created_at", "crypto_status");

  private AlpacaRecords() {}

  // ---- the raw data lake (seed 001) -------------------------------------------------------

  static RawOrder rawOrder(WireOrder order) {
    return new RawOrder(
        order.id(), order.clientOrderId(), order.status(), order.updatedAt(), order.raw());
  }

  /** A REST activity as it is; fills carry their execution id, non-trade rows their net amount. */
  static RawActivity rawActivity(WireActivity activity) {
    try {
      BigDecimal net =
          activity.isFill()
              ? null
              : Json.decimal(activity.node(), "net_amount", WireActivity.RECORD);
      return new RawActivity(
          activity.id(),
          activity.activityType(),
          net,
          activity.isFill() ? activity.executionId() : null,
          activity.occurredAt(),
          activity.raw());
    } catch (DataValidationException e) {
      throw e.withContext("alpaca", "activity id=" + activity.id());
    }
  }

  /**
   * A stream fill as a FILL activity under its synthetic id, so its REST twin collapses onto it.
   * The payload is the event's {@code data} object.
   */
  static RawActivity streamFill(TradeUpdate fill) {
    String executionId = fill.executionId();
    Instant time = fill.timestamp();
    if (!fill.isFill() || executionId == null || time == null) {
      throw new DataValidationException(
          TradeUpdate.RECORD + ".event", "is not a fill with an execution id, was " + fill.event());
    }
    return new RawActivity(
        SyntheticActivityId.of(time, executionId), "FILL", null, executionId, time, fill.raw());
  }

  // ---- BrokerApi records (seed 000) -------------------------------------------------------

  static Order order(AccountId account, WireOrder wire) {
    JsonNode n = wire.node();
    String rec = WireOrder.RECORD;
    try {
      BigDecimal qty = Json.decimal(n, "qty", rec);
      if (qty == null) {
        throw new DataValidationException(
            "Order.quantity",
            "is unknown: a notional order (notional="
                + Json.text(n, "notional")
                + ") has no share quantity");
      }
      BigDecimal filled = Json.decimal(n, "filled_qty", rec);
      String type = Json.text(n, "type");
      return new Order(
          account,
          wire.id(),
          wire.clientOrderId(),
          instrument(Json.requireText(n, "symbol", rec), Json.text(n, "asset_class"), null),
          side(Json.requireText(n, "side", rec), rec),
          orderType(type != null ? type : Json.text(n, "order_type")),
          qty,
          filled == null ? BigDecimal.ZERO : filled,
          Json.decimal(n, "limit_price", rec),
          Json.decimal(n, "stop_price", rec),
          Json.decimal(n, "filled_avg_price", rec),
          orderStatus(wire.status()),
          upper(Json.text(n, "time_in_force")),
          wire.submittedAt(),
          wire.updatedAt());
    } catch (DataValidationException e) {
      throw e.withContext("alpaca", "order id=" + wire.id());
    }
  }

  /** A FILL activity as an execution; its id is the execution id after {@code ::}. */
  static Execution execution(AccountId account, WireActivity fill) {
    JsonNode n = fill.node();
    String rec = WireActivity.RECORD;
    try {
      String execId = fill.executionId();
      return new Execution(
          account,
          execId == null ? fill.id() : execId,
          Json.text(n, "order_id"),
          instrument(Json.requireText(n, "symbol", rec), Json.text(n, "asset_class"), null),
          side(Json.requireText(n, "side", rec), rec),
          Json.requireDecimal(n, "qty", rec),
          Json.requireDecimal(n, "price", rec),
          fill.occurredAt(),
          null,
          null,
          null);
    } catch (DataValidationException e) {
      throw e.withContext("alpaca", "activity id=" + fill.id());
    }
  }

  /** The option event of an OPASN, OPEXP or OPXRC/OPEXC activity, or null for any other type. */
  static @Nullable OptionEvent optionEvent(AccountId account, WireActivity activity) {
    OptionEventType type = optionEventType(activity.activityType());
    if (type == null) {
      return null;
    }
    JsonNode n = activity.node();
    String rec = WireActivity.RECORD;
    try {
      Instrument option =
          instrument(Json.requireText(n, "symbol", rec), "us_option", Json.text(n, "exchange"));
      return new OptionEvent(
          account, option, type, activity.occurredAt(), Json.requireDecimal(n, "qty", rec).abs());
    } catch (DataValidationException e) {
      throw e.withContext("alpaca", "activity id=" + activity.id());
    }
  }

  static @Nullable OptionEventType optionEventType(String activityType) {
    return switch (activityType.toUpperCase(Locale.ROOT)) {
      case "OPASN" -> OptionEventType.ASSIGNMENT;
      case "OPEXP" -> OptionEventType.EXPIRATION;
      case "OPXRC", "OPEXC" -> OptionEventType.EXERCISE;
      default -> null;
    };
  }

  static Position position(AccountId account, JsonNode n, Instant asOf) {
    String rec = "AlpacaPosition";
    String symbol = Json.requireText(n, "symbol", rec);
    try {
      BigDecimal qty = Json.requireDecimal(n, "qty", rec);
      // Alpaca signs short quantities; a positive one with side=short is turned round
      if ("short".equalsIgnoreCase(Json.text(n, "side")) && qty.signum() > 0) {
        qty = qty.negate();
      }
      return new Position(
          account,
          instrument(symbol, Json.text(n, "asset_class"), Json.text(n, "exchange")),
          qty,
          Json.decimal(n, "avg_entry_price", rec),
          Json.decimal(n, "current_price", rec),
          Json.decimal(n, "market_value", rec),
          asOf);
    } catch (DataValidationException e) {
      throw e.withContext("alpaca", "position symbol=" + symbol);
    }
  }

  /** {@code GET /v2/account}: equity is the net liquidation value; every other balance is kept. */
  static AccountSnapshot snapshot(AccountId account, JsonNode n, Instant asOf) {
    String rec = "AlpacaAccount";
    BigDecimal equity = Json.decimal(n, "equity", rec);
    if (equity == null) {
      equity = Json.requireDecimal(n, "portfolio_value", rec);
    }
    Map<String, BigDecimal> values = new TreeMap<>();
    for (Map.Entry<String, JsonNode> field : n.properties()) {
      String key = field.getKey().toLowerCase(Locale.ROOT);
      BigDecimal value = balance(field.getValue());
      if (value != null && !NOT_BALANCES.contains(key)) {
        values.put(key, value);
      }
    }
    String currency = Json.text(n, "currency");
    return new AccountSnapshot(
        account,
        asOf,
        currency == null ? "USD" : currency,
        equity,
        Json.requireDecimal(n, "cash", rec),
        Json.decimal(n, "buying_power", rec),
        values);
  }

  private static @Nullable BigDecimal balance(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (!value.isTextual()) {
      return null;
    }
    try {
      return new BigDecimal(value.asText());
    } catch (NumberFormatException e) {
      return null; // an id, a date, a status: not a balance
    }
  }

  // ---- pieces -----------------------------------------------------------------------------

  /** An instrument from Alpaca's symbol and asset class ({@code us_equity}, {@code crypto}...). */
  static Instrument instrument(
      String symbol, @Nullable String assetClass, @Nullable String exchange) {
    String cls = assetClass == null ? "us_equity" : assetClass.toLowerCase(Locale.ROOT);
    Matcher occ = OCC.matcher(symbol);
    if ("us_option".equals(cls) || (assetClass == null && occ.matches())) {
      if (!occ.matches()) {
        throw new DataValidationException(
            "Instrument.symbol", "must be an OCC option symbol, was '" + symbol + "'");
      }
      String yymmdd = occ.group(2);
      LocalDate expiry =
          LocalDate.of(
              2000 + Integer.parseInt(yymmdd.substring(0, 2)),
              Integer.parseInt(yymmdd.substring(2, 4)),
              Integer.parseInt(yymmdd.substring(4, 6)));
      BigDecimal strike = new BigDecimal(occ.group(4)).movePointLeft(3);
      OptionRight right = occ.group(3).equals("C") ? OptionRight.CALL : OptionRight.PUT;
      return Instrument.usOption(Symbol.of(symbol), Symbol.of(occ.group(1)), expiry, strike, right)
          .withExchange(exchange);
    }
    AssetClass type = "crypto".equals(cls) ? AssetClass.CRYPTO : AssetClass.STOCK;
    return new Instrument(
        Symbol.of(symbol), type, "USD", null, exchange, BigDecimal.ONE, null, null, null, null);
  }

  static Side side(String side, String record) {
    return switch (side.toLowerCase(Locale.ROOT)) {
      case "buy" -> Side.BUY;
      case "sell", "sell_short" -> Side.SELL;
      default ->
          throw new DataValidationException(
              record + ".side", "must be buy or sell, was '" + side + "'");
    };
  }

  static OrderType orderType(@Nullable String type) {
    if (type == null) {
      return OrderType.OTHER;
    }
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "market" -> OrderType.MARKET;
      case "limit" -> OrderType.LIMIT;
      case "stop" -> OrderType.STOP;
      case "stop_limit" -> OrderType.STOP_LIMIT;
      case "trailing_stop" -> OrderType.TRAILING_STOP;
      default -> OrderType.OTHER;
    };
  }

  /**
   * Alpaca's order statuses on the SDK's life cycle. {@code done_for_day}, {@code stopped}, {@code
   * suspended} and {@code calculated} are not final at Alpaca, so they stay submitted.
   */
  static OrderStatus orderStatus(String status) {
    return switch (status.toLowerCase(Locale.ROOT)) {
      case "pending_new", "pending_review", "accepted_for_bidding" -> OrderStatus.PENDING_SUBMIT;
      case "new",
          "accepted",
          "held",
          "pending_replace",
          "done_for_day",
          "stopped",
          "suspended",
          "calculated" ->
          OrderStatus.SUBMITTED;
      case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
      case "pending_cancel" -> OrderStatus.PENDING_CANCEL;
      case "filled" -> OrderStatus.FILLED;
      case "canceled" -> OrderStatus.CANCELLED;
      case "expired" -> OrderStatus.EXPIRED;
      case "replaced" -> OrderStatus.REPLACED;
      case "rejected" -> OrderStatus.REJECTED;
      default ->
          throw new DataValidationException(
              "Order.status", "is not an Alpaca order status we know, was '" + status + "'");
    };
  }

  private static @Nullable String upper(@Nullable String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }
}
