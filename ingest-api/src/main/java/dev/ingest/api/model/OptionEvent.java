package dev.ingest.api.model;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An exercise, assignment or expiry of an option position. Natural key {@code (account,
 * instrument.key(), eventAt, type)}; append-only, duplicates detected and ignored.
 *
 * @param quantity contracts affected, positive
 * @since 0.1
 */
public record OptionEvent(
    AccountId account,
    Instrument instrument,
    OptionEventType type,
    Instant eventAt,
    BigDecimal quantity) {

  public OptionEvent {
    Check.notNull(account, "OptionEvent.account");
    Check.notNull(instrument, "OptionEvent.instrument");
    Check.notNull(type, "OptionEvent.type");
    Check.notNull(eventAt, "OptionEvent.eventAt");
    quantity = Decimals.positive(quantity, "OptionEvent.quantity");
  }

  public OptionEvent withInstrument(Instrument resolved) {
    return new OptionEvent(account, resolved, type, eventAt, quantity);
  }

  public String naturalKey() {
    return "account="
        + account
        + " instrument="
        + instrument.key()
        + " eventAt="
        + eventAt
        + " type="
        + type;
  }
}
