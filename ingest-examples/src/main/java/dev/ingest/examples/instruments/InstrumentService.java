package dev.ingest.examples.instruments;

import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.InstrumentStore;

/**
 * Seed 003's service layer: it knows the instrument port and nothing else. It cannot tell whether
 * an instrument came from IBKR or only from the local store, and it does not need to: that choice
 * is made once, in the composition root.
 */
public final class InstrumentService {
  private final InstrumentStore instruments;

  public InstrumentService(InstrumentStore instruments) {
    this.instruments = instruments;
  }

  /** The instrument for {@code symbol}, created on first use. */
  public Instrument instrument(String symbol) {
    return instruments.getOrCreate(Symbol.of(symbol));
  }

  /** One line per instrument, for the demos. */
  public static String describe(Instrument i) {
    return i.symbol()
        + " "
        + i.assetClass()
        + " "
        + i.currency()
        + (i.conId() == null ? "" : " con=" + i.conId())
        + (i.exchange() == null ? "" : " on " + i.exchange())
        + (i.expiry() == null ? "" : " expires " + i.expiry())
        + " x"
        + i.multiplier().toPlainString();
  }
}
