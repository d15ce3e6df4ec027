package dev.ingest.ibkr.internal.wire;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * OPEN_ORDER (5) at server version 193: the fields an order record needs. The decoder reads all
 * 141+ fields of the message (the layout of reference §5.3, optional groups included) and keeps
 * these. Prices use TWS's unset convention ({@link Double#MAX_VALUE}).
 *
 * @param trailStopPrice the value of field #113, which overwrites the earlier #73
 * @param status the order state's status (same set as ORDER_STATUS)
 */
public record OpenOrderMessage(
    int orderId,
    WireContract contract,
    String action,
    @Nullable BigDecimal totalQuantity,
    String orderType,
    double lmtPrice,
    double auxPrice,
    String tif,
    String ocaGroup,
    String account,
    String openClose,
    int origin,
    String orderRef,
    int clientId,
    long permId,
    boolean outsideRth,
    String goodAfterTime,
    String goodTillDate,
    int parentId,
    double trailStopPrice,
    double trailingPercent,
    String algoStrategy,
    boolean whatIf,
    String status,
    double commission,
    double minCommission,
    double maxCommission,
    String commissionCurrency,
    String warningText,
    double cashQty) {}
