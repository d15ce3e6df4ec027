package dev.ingest.store.redis.internal;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.market.OptionChain;
import dev.ingest.api.market.OptionContract;
import dev.ingest.api.model.Symbol;
import dev.ingest.store.redis.RedisKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Replaces an underlying's options chain (seed 002's {@code _store_options_data}): calls, puts, the
 * normalized chain, the greeks of each contract that has them and the monitoring summary, in one
 * script, then publishes on the options channel. Greeks of contracts that left the chain (or lost
 * their greeks) are deleted; to know them it reads the stored chain first, and the script applies
 * the replacement only if the chain is still the one read (else the writer reads again). An empty
 * chain deletes calls, puts, chain and greeks, and still publishes its (empty) summary.
 *
 * <p>Payloads are built on the caller's thread, at construction.
 */
public final class ChainReplace extends Op.Replace {
  private static final Logger log = LoggerFactory.getLogger(ChainReplace.class);

  private final RedisKeys keys;
  private final Symbol underlying;
  private final Key chainKey;
  private final List<Entry> sets = new ArrayList<>();
  private final List<Key> alwaysDelete = new ArrayList<>();
  private final Set<String> newGreeks = new HashSet<>();
  private final Key channel;
  private final byte[] notice;
  /* filled by prepare() */
  private List<Key> deletes = List.of();
  private String expected = "";

  /**
   * @throws DataValidationException when two contracts share an id (their greeks would collide)
   */
  public ChainReplace(
      RedisKeys keys, OptionChain chain, long optionsTtl, long greeksTtl, long monitoringTtl) {
    super(keys.optionChain(chain.underlying()));
    this.keys = keys;
    this.underlying = chain.underlying();
    this.chainKey = Key.of(keys.optionChain(underlying));
    this.channel = Key.of(keys.optionsChannel());
    Set<Symbol> ids = new HashSet<>();
    for (OptionContract c : chain.contracts()) {
      if (!ids.add(c.contractId())) {
        throw new DataValidationException(
            "OptionChain.contracts", "contractId " + c.contractId() + " appears twice");
      }
    }
    Entry monitoring =
        new Entry(
            Key.of(keys.optionsMonitoring(underlying)),
            Payloads.optionsMonitoring(chain),
            monitoringTtl);
    Key calls = Key.of(keys.optionCalls(underlying));
    Key puts = Key.of(keys.optionPuts(underlying));
    if (chain.contracts().isEmpty()) {
      sets.add(monitoring);
      alwaysDelete.add(chainKey);
      alwaysDelete.add(calls);
      alwaysDelete.add(puts);
    } else {
      sets.add(new Entry(chainKey, Payloads.chain(chain), optionsTtl));
      sets.add(new Entry(calls, Payloads.contracts(chain.calls()), optionsTtl));
      sets.add(new Entry(puts, Payloads.contracts(chain.puts()), optionsTtl));
      sets.add(monitoring);
      for (OptionContract c : chain.contracts()) {
        if (c.greeks().isPresent()) {
          Key greeks = Key.of(keys.greeks(underlying, c.contractId()));
          sets.add(new Entry(greeks, Payloads.greeks(c, chain.asOf()), greeksTtl));
          newGreeks.add(greeks.text());
        }
      }
    }
    this.notice = Payloads.chainNotice(chain);
  }

  @Override
  protected void prepare(UnifiedJedis client) {
    byte[] old = client.get(chainKey.bytes());
    expected = old == null ? "" : Script.sha1Hex(old);
    List<Key> stale = new ArrayList<>(alwaysDelete);
    if (old != null) {
      try {
        for (Symbol id : PayloadReader.chainContractIds(chainKey.text(), old)) {
          String greeks = keys.greeks(underlying, id);
          if (!newGreeks.contains(greeks)) {
            stale.add(Key.of(greeks));
          }
        }
      } catch (StorageException | DataValidationException e) {
        // not a chain we wrote: replace it, there are no greeks of ours to find
        log.warn("stored chain unreadable, replacing it key={} cause={}", chainKey, e.getMessage());
      }
    }
    deletes = stale;
  }

  @Override
  protected @Nullable Key guardKey() {
    return chainKey;
  }

  @Override
  protected String expectedGuard() {
    return expected;
  }

  @Override
  protected List<Entry> sets() {
    return sets;
  }

  @Override
  protected List<Key> deletes() {
    return deletes;
  }

  @Override
  protected Key channel() {
    return channel;
  }

  @Override
  protected byte[] message() {
    return notice;
  }
}
