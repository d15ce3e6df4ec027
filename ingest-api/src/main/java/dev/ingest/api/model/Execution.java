package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One fill. Natural key {@code execId}; inserted once, never updated.
 *
 * @param execId the broker's execution id (IB {@code execId}, Alpaca activity {@code execution_id})
 * @param commission the commission charged, positive, when the broker reported it
 * @since 0.1
 */
public record Execution(
    AccountId account,
    String execId,
    @Nullable String brokerOrderId,
    Instrument instrument,
    Side side,
    BigDecimal quantity,
    BigDecimal price,
    Instant executedAt,
    @Nullable BigDecimal commission,
    @Nullable String commissionCurrency,
    @Nullable String exchange) {

  public Execution {
    Check.notNull(account, "Execution.account");
    Check.notBlank(execId, "Execution.execId");
    brokerOrderId = Check.optionalNotBlank(brokerOrderId, "Execution.brokerOrderId");
    Check.notNull(instrument, "Execution.instrument");
    Check.notNull(side, "Execution.side");
    quantity = Decimals.positive(quantity, "Execution.quantity");
    price = Decimals.nonNegative(price, "Execution.price");
    Check.notNull(executedAt, "Execution.executedAt");
    commission = Decimals.optional(commission);
    commissionCurrency = Check.optionalNotBlank(commissionCurrency, "Execution.commissionCurrency");
    exchange = Check.optionalNotBlank(exchange, "Execution.exchange");
  }

  public Execution withInstrument(Instrument resolved) {
    return new Execution(
        account,
        execId,
        brokerOrderId,
        resolved,
        side,
        quantity,
        price,
        executedAt,
        commission,
        commissionCurrency,
        exchange);
  }

  public String naturalKey() {
    return "execId=" + execId;
  }
}
