package dev.ingest.ibkr.internal;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.internal.Decimals;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.AssetClass;
import dev.ingest.api.model.ConId;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.OrderStatus;
import dev.ingest.api.model.OrderType;
import dev.ingest.api.model.Position;
import dev.ingest.api.model.Side;
import dev.ingest.api.model.Symbol;
import dev.ingest.ibkr.internal.wire.AccountSummaryMessage;
import dev.ingest.ibkr.internal.wire.CommissionReportMessage;
import dev.ingest.ibkr.internal.wire.ContractDetailsMessage;
import dev.ingest.ibkr.internal.wire.ExecutionMessage;
import dev.ingest.ibkr.internal.wire.OpenOrderMessage;
import dev.ingest.ibkr.internal.wire.OrderStatusMessage;
import dev.ingest.ibkr.internal.wire.PositionMessage;
import dev.ingest.ibkr.internal.wire.WireContract;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Maps TWS wire messages to the api records with pure static functions, applying IB's rules:
 * symbols without spaces ({@code BRK B -> BRK.B}, OCC option symbols unpadded), secType to asset
 * class (a future on an index is an index future), text multipliers, expiries, con_id, and IB's
 * order statuses onto the sync life cycle. A field that cannot be mapped throws {@link
 * DataValidationException} naming the record and field; callers skip that record and report it.
 */
public final class IbkrRecords {
  /** Summary tags that are text, not amounts. */
  private static final List<String> TEXT_TAGS = List.of("AccountType", "HighestSeverity");

  /** The tags a snapshot is made of; their values must be amounts. */
  private static final List<String> CORE_TAGS =
      List.of("NetLiquidation", "TotalCashValue", "BuyingPower");

  private static final DateTimeFormatter OCC_DATE = DateTimeFormatter.ofPattern("yyMMdd");

  private IbkrRecords() {}

  // ------------------------------------------------------------------ instruments

  /**
   * The instrument a contract block names. {@code details}, when known, says what the block alone
   * cannot: whether a future's underlying is an index, the exact expiry, the listing exchange.
   */
  public static Instrument instrument(WireContract c, @Nullable ContractDetailsMessage details) {
    String record = "Instrument";
    AssetClass assetClass = assetClass(c.secType(), details, c.symbol());
    String currency = c.currency().isEmpty() ? "USD" : c.currency();
    ConId conId = c.conId() > 0 ? ConId.of(c.conId()) : null;
    String exchange = firstNonBlank(c.primaryExch(), c.exchange());
    if (details != null && !details.contract().primaryExch().isEmpty()) {
      exchange = details.contract().primaryExch();
    }
    BigDecimal multiplier = multiplier(c.multiplier(), record + ".multiplier");
    LocalDate expiry = null;
    BigDecimal strike = null;
    OptionRight right = null;
    Symbol underlying = null;
    Symbol symbol;
    switch (assetClass) {
      case OPTION, FUTURE_OPTION -> {
        expiry = expiryOf(c, details, record + ".expiry");
        strike = Decimals.fromDouble(c.strike(), record + ".strike");
        right = right(c.right(), record + ".right");
        underlying = ibSymbol(c.symbol(), record + ".underlying");
        symbol =
            c.localSymbol().isBlank()
                ? occSymbol(c.symbol(), expiry, right, strike)
                : ibSymbol(c.localSymbol().replace(" ", ""), record + ".symbol");
      }
      case FUTURE, INDEX_FUTURE -> {
        expiry = expiryOf(c, details, record + ".expiry");
        underlying = ibSymbol(c.symbol(), record + ".underlying");
        symbol =
            c.localSymbol().isBlank()
                ? underlying
                : ibSymbol(c.localSymbol().replace(" ", ""), record + ".symbol");
      }
      case FOREX -> symbol = ibSymbol(c.symbol() + "." + currency, record + ".symbol");
      default -> symbol = ibSymbol(c.symbol(), record + ".symbol");
    }
    return new Instrument(
        symbol,
        assetClass,
        currency,
        conId,
        exchange,
        multiplier,
        expiry,
        strike,
        right,
        underlying);
  }

  /** The instrument of a contract-details answer: everything comes from TWS itself. */
  public static Instrument instrument(ContractDetailsMessage details) {
    return instrument(details.contract(), details);
  }

  /** IB writes class-B shares with a space ({@code BRK B}); our symbols have none. */
  public static Symbol ibSymbol(String text, String field) {
    String value = text.strip().replace(' ', '.');
    try {
      return Symbol.of(value);
    } catch (DataValidationException e) {
      throw new DataValidationException(field, "not a usable symbol: '" + text + "'");
    }
  }

  /** Our symbol back in IB's spelling: {@code BRK.B -> BRK B}. */
  public static String toIbSymbol(Symbol symbol) {
    return symbol.value().replace('.', ' ');
  }

  static AssetClass assetClass(
      String secType, @Nullable ContractDetailsMessage details, String symbol) {
    return switch (secType) {
      // ETFs are STK too; only contract details tell them apart (stockType), and positions,
      // orders and fills carry none, so every STK is a stock and one conId one asset class
      case "STK" -> AssetClass.STOCK;
      case "OPT" -> AssetClass.OPTION;
      case "FUT", "CONTFUT" ->
          details != null && details.underSecType().equals("IND")
              ? AssetClass.INDEX_FUTURE
              : AssetClass.FUTURE;
      case "FOP" -> AssetClass.FUTURE_OPTION;
      case "IND" -> AssetClass.INDEX;
      case "CASH" -> AssetClass.FOREX;
      case "CRYPTO" -> AssetClass.CRYPTO;
      case "BOND" -> AssetClass.BOND;
      default -> AssetClass.OTHER;
    };
  }

  private static @Nullable LocalDate expiryOf(
      WireContract c, @Nullable ContractDetailsMessage details, String field) {
    if (details != null) {
      for (String text :
          List.of(
              details.lastTradeDate(),
              details.realExpirationDate(),
              details.contract().lastTradeDateOrContractMonth())) {
        LocalDate date = IbkrTimes.expiry(text, field);
        if (date != null) {
          return date;
        }
      }
    }
    return IbkrTimes.expiry(c.lastTradeDateOrContractMonth(), field);
  }

  private static OptionRight right(String text, String field) {
    return switch (text) {
      case "C", "CALL" -> OptionRight.CALL;
      case "P", "PUT" -> OptionRight.PUT;
      default ->
          throw new DataValidationException(
              field, "must be C or P for an option, was '" + text + "'");
    };
  }

  /** {@code AAPL240119C00190000}: root, yyMMdd, C/P, strike x 1000 in eight digits. */
  static Symbol occSymbol(String root, LocalDate expiry, OptionRight right, BigDecimal strike) {
    String millis = strike.movePointRight(3).setScale(0, RoundingMode.HALF_UP).toPlainString();
    return Symbol.of(
        root.strip().replace(' ', '.')
            + OCC_DATE.format(expiry)
            + (right == OptionRight.CALL ? 'C' : 'P')
            + "0".repeat(Math.max(0, 8 - millis.length()))
            + millis);
  }

  private static BigDecimal multiplier(String text, String field) {
    if (text.isBlank()) {
      return BigDecimal.ONE;
    }
    BigDecimal value = Decimals.parse(text, field);
    return value.signum() > 0 ? value : BigDecimal.ONE;
  }

  // ------------------------------------------------------------------ account

  /**
   * One snapshot from the account's ACCOUNT_SUMMARY rows, or empty when TWS sent none for it.
   * NetLiquidation and TotalCashValue are required; every other numeric tag goes into {@code
   * values}.
   */
  public static Optional<AccountSnapshot> snapshot(
      AccountId account, List<AccountSummaryMessage> rows, Instant asOf) {
    Map<String, BigDecimal> values = new TreeMap<>();
    Map<String, String> currencies = new TreeMap<>();
    for (AccountSummaryMessage row : rows) {
      if (!row.account().equals(account.value()) || TEXT_TAGS.contains(row.tag())) {
        continue;
      }
      String text = row.value().replace(",", "").strip();
      if (text.isEmpty()) {
        continue;
      }
      BigDecimal value;
      try {
        value = Decimals.parse(text, "AccountSnapshot." + row.tag());
      } catch (DataValidationException e) {
        if (CORE_TAGS.contains(row.tag())) {
          throw e;
        }
        // a tag TWS adds or words differently must not cost the whole snapshot
        continue;
      }
      values.put(row.tag(), value);
      currencies.put(row.tag(), row.currency());
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal netLiquidation = values.remove("NetLiquidation");
    BigDecimal totalCash = values.remove("TotalCashValue");
    BigDecimal buyingPower = values.remove("BuyingPower");
    String currency = currencies.getOrDefault("NetLiquidation", "");
    return Optional.of(
        new AccountSnapshot(
            account,
            asOf,
            currency.isBlank() ? null : currency,
            netLiquidation,
            totalCash,
            buyingPower,
            values));
  }

  // ------------------------------------------------------------------ positions

  public static Position position(
      AccountId account,
      PositionMessage message,
      @Nullable ContractDetailsMessage details,
      Instant asOf) {
    BigDecimal quantity = message.position();
    if (quantity == null) {
      throw new DataValidationException("Position.quantity", "TWS sent it unset");
    }
    return new Position(
        account,
        instrument(message.contract(), details),
        quantity,
        price(message.avgCost()),
        null,
        null,
        asOf);
  }

  // ------------------------------------------------------------------ orders

  /** IB's order statuses on the sync life cycle; a live order with fills is partially filled. */
  public static OrderStatus status(String ibStatus, BigDecimal filled) {
    boolean fills = filled.signum() > 0;
    return switch (ibStatus) {
      case "ApiPending", "PendingSubmit" -> OrderStatus.PENDING_SUBMIT;
      case "PreSubmitted", "Submitted" ->
          fills ? OrderStatus.PARTIALLY_FILLED : OrderStatus.SUBMITTED;
      case "PendingCancel" -> OrderStatus.PENDING_CANCEL;
      case "ApiCancelled", "Cancelled" -> OrderStatus.CANCELLED;
      case "Filled" -> OrderStatus.FILLED;
      // TWS: "received by the system but no longer active because it was rejected or cancelled"
      case "Inactive" -> OrderStatus.REJECTED;
      default ->
          throw new DataValidationException(
              "Order.status", "unknown TWS order status '" + ibStatus + "'");
    };
  }

  public static OrderType orderType(String ibType) {
    return switch (ibType) {
      case "MKT" -> OrderType.MARKET;
      case "LMT" -> OrderType.LIMIT;
      case "STP" -> OrderType.STOP;
      case "STP LMT" -> OrderType.STOP_LIMIT;
      case "TRAIL", "TRAIL LIMIT" -> OrderType.TRAILING_STOP;
      case "MOC" -> OrderType.MARKET_ON_CLOSE;
      case "LOC" -> OrderType.LIMIT_ON_CLOSE;
      default -> OrderType.OTHER;
    };
  }

  /** IB's permId is stable across client ids and sessions; manual orders without one use ids. */
  public static String brokerOrderId(long permId, int clientId, int orderId) {
    return permId != 0 ? Long.toString(permId) : "client" + clientId + ".order" + orderId;
  }

  /**
   * The order as the broker sees it now: OPEN_ORDER for what was asked, the latest ORDER_STATUS
   * (when one came) for how far it got.
   *
   * @param updatedAt when this state was first seen (the caller keeps it stable across syncs)
   */
  public static Order order(
      AccountId account,
      OpenOrderMessage o,
      @Nullable OrderStatusMessage status,
      @Nullable ContractDetailsMessage details,
      Instant updatedAt) {
    BigDecimal quantity = o.totalQuantity();
    if (quantity == null) {
      throw new DataValidationException("Order.quantity", "TWS sent it unset");
    }
    String ibStatus = status != null ? status.status() : o.status();
    BigDecimal filled =
        status != null && status.filled() != null
            ? status.filled()
            : ibStatus.equals("Filled") ? quantity : BigDecimal.ZERO;
    OrderType type = orderType(o.orderType());
    BigDecimal limit =
        switch (type) {
          case LIMIT, STOP_LIMIT, LIMIT_ON_CLOSE -> price(o.lmtPrice());
          default -> null;
        };
    BigDecimal stop =
        switch (type) {
          case STOP, STOP_LIMIT -> price(o.auxPrice());
          case TRAILING_STOP -> price(o.trailStopPrice());
          default -> null;
        };
    BigDecimal averageFill =
        status != null && filled.signum() > 0 ? price(status.avgFillPrice()) : null;
    return new Order(
        account,
        brokerOrderId(o.permId(), o.clientId(), o.orderId()),
        o.orderRef().isBlank() ? null : o.orderRef(),
        instrument(o.contract(), details),
        side(o.action(), "Order.side"),
        type,
        quantity,
        filled,
        limit,
        stop,
        averageFill,
        status(ibStatus, filled),
        o.tif().isBlank() ? null : o.tif(),
        null,
        updatedAt);
  }

  private static Side side(String action, String field) {
    return switch (action) {
      case "BUY", "BOT" -> Side.BUY;
      case "SELL", "SSHORT", "SLONG", "SLD" -> Side.SELL;
      default ->
          throw new DataValidationException(
              field, "must be BUY/SELL (or BOT/SLD), was '" + action + "'");
    };
  }

  // ------------------------------------------------------------------ executions

  /** A fill; its commission comes from the matching COMMISSION_REPORT when one arrived. */
  public static Execution execution(
      AccountId account,
      ExecutionMessage e,
      @Nullable CommissionReportMessage commission,
      @Nullable ContractDetailsMessage details,
      ZoneId twsZone) {
    BigDecimal shares = e.shares();
    if (shares == null) {
      throw new DataValidationException("Execution.quantity", "TWS sent it unset");
    }
    BigDecimal fee = null;
    String feeCurrency = null;
    if (commission != null && commission.commission() != Double.MAX_VALUE) {
      fee = Decimals.fromDouble(commission.commission(), "Execution.commission");
      feeCurrency = commission.currency().isBlank() ? null : commission.currency();
    }
    return new Execution(
        account,
        e.execId(),
        brokerOrderId(e.permId(), e.clientId(), e.orderId()),
        instrument(e.contract(), details),
        side(e.side(), "Execution.side"),
        shares,
        Decimals.fromDouble(e.price(), "Execution.price"),
        IbkrTimes.parse(e.time(), twsZone, "Execution.executedAt"),
        fee,
        feeCurrency,
        e.exchange().isBlank() ? null : e.exchange());
  }

  /**
   * IB publishes a correction as a new execution whose id differs only after the last dot ({@code
   * 0000e0d5.69dd7411.01.01 -> .01.02}); the correction replaces the original.
   */
  public static String correctionGroup(String execId) {
    int dot = execId.lastIndexOf('.');
    return dot < 0 ? execId : execId.substring(0, dot);
  }

  // ------------------------------------------------------------------ helpers

  /** A TWS price, or null when unset. */
  static @Nullable BigDecimal price(double value) {
    if (value == Double.MAX_VALUE || Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return Decimals.fromDouble(value, "price");
  }

  private static @Nullable String firstNonBlank(String a, String b) {
    if (!a.isBlank()) {
      return a;
    }
    return b.isBlank() ? null : b;
  }
}
