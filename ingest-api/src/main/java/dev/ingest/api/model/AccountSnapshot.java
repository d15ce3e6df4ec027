package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The account's balances at one moment. Natural key {@code (account, asOf)}; the newest snapshot is
 * always inserted, never updated.
 *
 * @param values every other balance the broker reported (IB account-summary tags such as {@code
 *     MaintMarginReq}, Alpaca fields such as {@code long_market_value}), normalized decimals
 * @since 0.1
 */
public record AccountSnapshot(
    AccountId account,
    Instant asOf,
    String currency,
    BigDecimal netLiquidation,
    BigDecimal totalCash,
    @Nullable BigDecimal buyingPower,
    Map<String, BigDecimal> values) {

  public AccountSnapshot {
    Check.notNull(account, "AccountSnapshot.account");
    Check.notNull(asOf, "AccountSnapshot.asOf");
    Check.notBlank(currency, "AccountSnapshot.currency");
    netLiquidation = Decimals.required(netLiquidation, "AccountSnapshot.netLiquidation");
    totalCash = Decimals.required(totalCash, "AccountSnapshot.totalCash");
    buyingPower = Decimals.optional(buyingPower);
    Map<String, BigDecimal> normalized = new TreeMap<>();
    Check.map(values, "AccountSnapshot.values")
        .forEach((k, v) -> normalized.put(k, Decimals.normalize(v)));
    values = Map.copyOf(normalized);
  }

  public String naturalKey() {
    return "account=" + account + " asOf=" + asOf;
  }
}
