package dev.ingest.ibkr.internal.wire;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CONTRACT_DATA (10) at server version 193: 42 fields in the common case (reference §13.2). The
 * contract's {@code lastTradeDateOrContractMonth} is kept raw ({@code 20261218 08:30 US/Central});
 * {@link #lastTradeDate} is the plain {@code yyyyMMdd} TWS sends separately since version 182.
 *
 * @param secIds the secIdList ({@code ISIN -> US88160R1014}), in wire order
 * @param aggGroup {@link Integer#MAX_VALUE} when unset
 */
public record ContractDetailsMessage(
    int reqId,
    WireContract contract,
    String lastTradeDate,
    String marketName,
    double minTick,
    String orderTypes,
    String validExchanges,
    int priceMagnifier,
    int underConId,
    String longName,
    String contractMonth,
    String industry,
    String category,
    String subcategory,
    String timeZoneId,
    String tradingHours,
    String liquidHours,
    String evRule,
    double evMultiplier,
    Map<String, String> secIds,
    int aggGroup,
    String underSymbol,
    String underSecType,
    String marketRuleIds,
    String realExpirationDate,
    String stockType,
    @Nullable BigDecimal minSize,
    @Nullable BigDecimal sizeIncrement,
    @Nullable BigDecimal suggestedSizeIncrement) {

  public ContractDetailsMessage {
    // wire order kept: TWS lists ISIN, then others as the exchange sends them
    secIds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secIds));
  }
}
