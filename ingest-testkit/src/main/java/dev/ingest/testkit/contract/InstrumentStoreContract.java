package dev.ingest.testkit.contract;

import static dev.ingest.testkit.TestRecords.aapl;
import static dev.ingest.testkit.TestRecords.aaplCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.model.AssetClass;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.InstrumentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's local instrument port, for any {@link InstrumentStore} that persists. Extend it and
 * return a fresh, empty store from {@link #createStore()}.
 *
 * @since 0.1
 */
public abstract class InstrumentStoreContract {
  protected InstrumentStore instruments;

  protected abstract InstrumentStore createStore();

  @BeforeEach
  void openStore() {
    instruments = createStore();
  }

  @Test
  void anUnknownSymbolIsCreatedOnceAsAUsStock() {
    Instrument first = instruments.getOrCreate(Symbol.of("SPY"));
    Instrument second = instruments.getOrCreate(Symbol.of("SPY"));

    assertThat(first).isEqualTo(second);
    assertThat(first.assetClass()).isEqualTo(AssetClass.STOCK);
    assertThat(first.currency()).isEqualTo("USD");
    assertThat(instruments.getBySymbol(Symbol.of("SPY"))).contains(first);
  }

  @Test
  void theFirstStoredDescriptionOfAContractWins() {
    Instrument stored = instruments.getOrCreate(aapl());

    Instrument again = instruments.getOrCreate(aapl().withExchange("NASDAQ"));

    assertThat(again).isEqualTo(stored);
    assertThat(instruments.getByKey(aapl().key())).contains(stored);
  }

  @Test
  void derivativesKeepTheirTerms() {
    Instrument call = aaplCall("182.5", 681234567L);

    instruments.getOrCreate(call);

    assertThat(instruments.getByKey(call.key())).contains(call);
    assertThat(instruments.getBySymbol(call.symbol())).contains(call);
  }

  @Test
  void anUnknownSymbolIsEmpty() {
    assertThat(instruments.getBySymbol(Symbol.of("NOPE"))).isEmpty();
    assertThat(instruments.getByKey("con:1")).isEmpty();
  }

  @Test
  void concurrentGetOrCreateCreatesOneInstrument() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Instrument>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return instruments.getOrCreate(Symbol.of("QQQ"));
                }));
      }
      start.countDown();
      Instrument first = results.get(0).get(30, TimeUnit.SECONDS);
      for (Future<Instrument> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
