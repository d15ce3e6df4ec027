package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Symbol;
import java.time.Instant;
import java.util.List;

/**
 * Every contract of one underlying as fetched at {@code asOf}. An empty chain is meaningful: it
 * replaces (clears) what was stored.
 *
 * @since 0.1
 */
public record OptionChain(Symbol underlying, Instant asOf, List<OptionContract> contracts) {
  public OptionChain {
    Check.notNull(underlying, "OptionChain.underlying");
    Check.notNull(asOf, "OptionChain.asOf");
    contracts = Check.list(contracts, "OptionChain.contracts");
  }

  public List<OptionContract> calls() {
    return contracts.stream().filter(c -> c.right() == OptionRight.CALL).toList();
  }

  public List<OptionContract> puts() {
    return contracts.stream().filter(c -> c.right() == OptionRight.PUT).toList();
  }
}
