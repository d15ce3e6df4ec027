package dev.ingest.api.sync;

import dev.ingest.api.BrokerApi;
import dev.ingest.api.IngestListener;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.internal.SafeListener;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.store.BrokerRecordStore;
import dev.ingest.api.store.InstrumentStore;
import dev.ingest.api.store.UpsertOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pipeline every sync function runs: fetched records -> keep the account's -> resolve their
 * instruments -> store by the record's upsert rule -> summary. Each sync class supplies how to read
 * its record's account, instrument and key.
 */
final class SyncRun<T> {
  private static final Logger log = LoggerFactory.getLogger(SyncRun.class);

  private final String recordType;
  private final Function<T, AccountId> account;
  private final Function<T, Instrument> instrument;
  private final BiFunction<T, Instrument, T> withInstrument;
  private final Function<T, String> naturalKey;

  SyncRun(
      String recordType,
      Function<T, AccountId> account,
      Function<T, Instrument> instrument,
      BiFunction<T, Instrument, T> withInstrument,
      Function<T, String> naturalKey) {
    this.recordType = recordType;
    this.account = account;
    this.instrument = instrument;
    this.withInstrument = withInstrument;
    this.naturalKey = naturalKey;
  }

  /** A record type that names no instrument (account snapshots). */
  static <T> SyncRun<T> withoutInstrument(
      String recordType, Function<T, AccountId> account, Function<T, String> naturalKey) {
    return new SyncRun<>(recordType, account, r -> null, (r, i) -> r, naturalKey);
  }

  static void checkAccount(BrokerApi broker, AccountId account) {
    if (!broker.account().equals(account)) {
      throw new ConfigurationException(
          "account", "broker connection serves account " + broker.account() + ", not " + account);
    }
  }

  /**
   * The account's records, with instruments resolved through the store. Records of another account
   * are reported as validation errors and left out: a broker bug must not write into someone else's
   * book.
   */
  List<T> prepare(
      List<T> fetched, AccountId expected, BrokerRecordStore store, IngestListener listener) {
    InstrumentStore instruments = store.instruments();
    Map<String, Instrument> resolved = new HashMap<>();
    List<T> kept = new ArrayList<>(fetched.size());
    for (T record : fetched) {
      AccountId owner = account.apply(record);
      if (!expected.equals(owner)) {
        listener.validationError(
            "sync",
            new DataValidationException(
                    recordType + ".account", "must be " + expected + ", was " + owner)
                .withContext("sync", naturalKey.apply(record)));
        continue;
      }
      Instrument named = instrument.apply(record);
      if (named == null) {
        kept.add(record);
        continue;
      }
      Instrument stored =
          resolved.computeIfAbsent(named.key(), k -> instruments.getOrCreate(named));
      kept.add(withInstrument.apply(record, stored));
    }
    return kept;
  }

  SyncSummary finish(
      AccountId account, List<UpsertOutcome> outcomes, IngestListener listener, long startNanos) {
    SyncSummary summary = SyncSummary.of(outcomes);
    long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
    log.info(
        "sync done account={} records={} created={} updated={} unchanged={} elapsedMs={}",
        account,
        recordType,
        summary.created(),
        summary.updated(),
        summary.unchanged(),
        elapsedMs);
    listener.syncCompleted(account, recordType, summary);
    return summary;
  }

  /** fetch -> prepare -> write -> summary, for the record types with no extra rule. */
  SyncSummary run(
      BrokerApi broker,
      AccountId account,
      BrokerRecordStore store,
      IngestListener listener,
      Function<BrokerApi, List<T>> fetch,
      Function<List<T>, List<UpsertOutcome>> write) {
    checkAccount(broker, account);
    IngestListener safe = SafeListener.wrap(listener);
    long start = System.nanoTime();
    List<T> records = prepare(fetch.apply(broker), account, store, safe);
    List<UpsertOutcome> outcomes = records.isEmpty() ? List.of() : write.apply(records);
    return finish(account, outcomes, safe, start);
  }
}
