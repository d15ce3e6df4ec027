package dev.ingest.api.market;

import dev.ingest.api.model.Symbol;
import java.time.Instant;

/**
 * A market-data record: what a historical adapter streams and what a market-data sink stores.
 * Provider modules may add their own implementations (e.g. Databento statistics).
 *
 * @since 0.1
 */
public interface MarketRecord {
  Symbol symbol();

  /** When the event happened at the venue (or the bar opened), UTC. */
  Instant timestamp();
}
