package dev.ingest.ibkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.model.AssetClass;
import dev.ingest.api.model.ConId;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Symbol;
import dev.ingest.testkit.InMemoryInstrumentStore;
import dev.ingest.testkit.contract.InstrumentStoreContract;
import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsContract;
import dev.ingest.testkit.tws.TwsContractDetails;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Seed 003's IBKR-backed port: contract details in, domain record out, persistence delegated. */
class IbkrInstrumentRepositoryTest {
  private final FakeTwsGateway gateway = TwsScenario.gateway();
  private final IbkrConnection tws = IbkrConnection.open(TwsScenario.config(gateway));
  private final InMemoryInstrumentStore local = new InMemoryInstrumentStore();
  private final IbkrInstrumentRepository instruments = new IbkrInstrumentRepository(tws, local);

  @AfterEach
  void stop() {
    tws.close();
    gateway.close();
  }

  @Test
  void aStockIsResolvedOnSmartAndStoredWithItsListingExchange() {
    // When
    Instrument aapl = instruments.getOrCreate(Symbol.of("AAPL"));

    // Then
    assertThat(aapl.assetClass()).isEqualTo(AssetClass.STOCK);
    assertThat(aapl.conId()).isEqualTo(ConId.of(265598));
    assertThat(aapl.exchange()).isEqualTo("NASDAQ");
    assertThat(aapl.currency()).isEqualTo("USD");
    assertThat(aapl.multiplier()).isEqualByComparingTo("1");
    assertThat(local.getByKey("con:265598")).contains(aapl);
    assertThat(gateway.requests(9))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.field(4)).isEqualTo("AAPL");
              assertThat(r.field(5)).isEqualTo("STK");
              assertThat(r.field(10)).isEqualTo("SMART");
              assertThat(r.field(12)).isEqualTo("USD");
            });
  }

  @Test
  void aKnownSymbolComesFromTheLocalStoreWithoutAskingTws() {
    // Given
    Instrument first = instruments.getOrCreate(Symbol.of("AAPL"));

    // When
    Instrument second = instruments.getOrCreate(Symbol.of("AAPL"));

    // Then
    assertThat(second).isSameAs(first);
    assertThat(gateway.requests(9)).hasSize(1);
  }

  @Test
  void aClassBShareIsAskedForInIbsSpelling() {
    Instrument brk = instruments.getOrCreate(Symbol.of("BRK.B"));
    assertThat(brk.symbol()).isEqualTo(Symbol.of("BRK.B"));
    assertThat(brk.exchange()).isEqualTo("NYSE");
    assertThat(gateway.requests(9).get(0).field(4)).isEqualTo("BRK B");
  }

  @Test
  void aFutureLocalSymbolResolvesToAnIndexFuture() {
    // When: no stock ESZ6, so the future by local symbol
    Instrument es = instruments.getOrCreate(Symbol.of("ESZ6"));

    // Then
    assertThat(es.assetClass()).isEqualTo(AssetClass.INDEX_FUTURE);
    assertThat(es.conId()).isEqualTo(ConId.of(649180695));
    assertThat(es.exchange()).isEqualTo("CME");
    assertThat(es.multiplier()).isEqualByComparingTo("50");
    assertThat(es.expiry()).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(es.underlying()).isEqualTo(Symbol.of("ES"));
    assertThat(gateway.requests(9)).extracting(r -> r.field(5)).containsExactly("STK", "FUT");
  }

  @Test
  void aFutureByRootAndMonth() {
    Instrument es = instruments.future(Symbol.of("ES"), YearMonth.of(2026, 12), "CME");
    assertThat(es.symbol()).isEqualTo(Symbol.of("ESZ6"));
    assertThat(gateway.requests(9).get(0).field(6)).isEqualTo("202612");
  }

  @Test
  void aFutureOnACommodityIsAPlainFuture() {
    // Given crude oil, whose underlying is not an index
    TwsContract cl = TwsContract.future(212921504, "CL", "20261120", "CLZ6", "NYMEX", "1000");
    gateway.contract(
        TwsContractDetails.future(
            cl, "Light Sweet Crude Oil", "14:30 US/Eastern", 17340715, "CMDTY"));

    // When / Then
    Instrument crude = instruments.getOrCreate(Symbol.of("CLZ6"));
    assertThat(crude.assetClass()).isEqualTo(AssetClass.FUTURE);
    assertThat(crude.multiplier()).isEqualByComparingTo("1000");
  }

  @Test
  void anOccSymbolResolvesToTheOption() {
    // When
    Instrument call = instruments.getOrCreate(Symbol.of("SPY260320C00600000"));

    // Then
    assertThat(call.assetClass()).isEqualTo(AssetClass.OPTION);
    assertThat(call.conId()).isEqualTo(ConId.of(512345678));
    assertThat(call.strike()).isEqualByComparingTo("600");
    assertThat(call.right()).isEqualTo(OptionRight.CALL);
    assertThat(call.expiry()).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(call.multiplier()).isEqualByComparingTo("100");
    assertThat(gateway.requests(9))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.field(5)).isEqualTo("OPT");
              assertThat(r.field(6)).isEqualTo("20260320");
              assertThat(r.field(7)).isEqualTo("600");
              assertThat(r.field(8)).isEqualTo("C");
            });
  }

  @Test
  void anOptionByItsTerms() {
    Instrument call =
        instruments.option(
            Symbol.of("SPY"), LocalDate.of(2026, 3, 20), new BigDecimal("600"), OptionRight.CALL);
    assertThat(call.symbol()).isEqualTo(Symbol.of("SPY260320C00600000"));
  }

  @Test
  void anUnknownSymbolIsRejectedWithCode200() {
    assertThatThrownBy(() -> instruments.getOrCreate(Symbol.of("ZZZZ")))
        .isInstanceOfSatisfying(
            ProviderRejectedException.class, e -> assertThat(e.code()).isEqualTo("200"));
    assertThat(local.size()).isZero();
  }

  @Test
  void severalContractsForOneQueryAreAmbiguous() {
    // Given a second ES contract month listed under the same local symbol query
    TwsContract esh7 = TwsContract.future(649180700, "ES", "20270319", "ESZ6", "CME", "50");
    gateway.contract(
        TwsContractDetails.future(esh7, "E-mini S&P 500", "08:30 US/Central", 11004968, "IND"));

    // When / Then
    assertThatThrownBy(() -> instruments.getOrCreate(Symbol.of("ESZ6")))
        .isInstanceOfSatisfying(
            ProviderRejectedException.class, e -> assertThat(e.code()).isEqualTo("ambiguous"))
        .hasMessageContaining("649180695")
        .hasMessageContaining("649180700");
  }

  @Test
  void anInstrumentIbAlreadyIdentifiedIsStoredAsItIs() {
    Instrument known = Instrument.stock("MSFT").withConId(ConId.of(272093));
    assertThat(instruments.getOrCreate(known)).isEqualTo(known);
    assertThat(gateway.requests(9)).isEmpty();
  }

  @Test
  void anInstrumentWithoutConIdIsCompletedByTws() {
    Instrument bare = Instrument.stock("AAPL");
    Instrument stored = instruments.getOrCreate(bare);
    assertThat(stored.conId()).isEqualTo(ConId.of(265598));
    assertThat(stored.exchange()).isEqualTo("NASDAQ");
  }

  /**
   * Seen from a service, the repository is an InstrumentStore like any other, given that TWS knows
   * the symbols the contract asks for.
   */
  @Nested
  class AsAnInstrumentStore extends InstrumentStoreContract {
    @Override
    protected dev.ingest.api.store.InstrumentStore createStore() {
      gateway
          .contract(TwsContractDetails.stock(TwsContract.stock(756733, "SPY", "ARCA"), "SPDR", ""))
          .contract(
              TwsContractDetails.stock(TwsContract.stock(320227571, "QQQ", "NASDAQ"), "QQQ", ""));
      return new IbkrInstrumentRepository(tws, new InMemoryInstrumentStore());
    }
  }
}
