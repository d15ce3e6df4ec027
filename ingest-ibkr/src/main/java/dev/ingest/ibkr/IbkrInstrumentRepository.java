package dev.ingest.ibkr;

import dev.ingest.api.Beta;
import dev.ingest.api.error.ProviderRejectedException;
import dev.ingest.api.model.Instrument;
import dev.ingest.api.model.OptionRight;
import dev.ingest.api.model.Symbol;
import dev.ingest.api.store.InstrumentStore;
import dev.ingest.ibkr.internal.IbkrRecords;
import dev.ingest.ibkr.internal.wire.ContractDetailsMessage;
import dev.ingest.ibkr.internal.wire.ContractQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 003's IBKR-backed instrument port: resolves a symbol through TWS contract details, applies
 * IB's rules (exchange, multiplier, expiry, con_id, index futures), builds the {@link Instrument}
 * directly from TWS's answer and delegates persistence to a local {@link InstrumentStore}. Never
 * {@code TWS -> store -> read back -> domain}.
 *
 * <pre>{@code
 * InstrumentStore local = new JdbcInstrumentStore(...);          // or the testkit's in-memory one
 * InstrumentStore instruments = new IbkrInstrumentRepository(tws, local);
 * Instrument es = instruments.getOrCreate(Symbol.of("ESZ6"));  // INDEX_FUTURE, CME, x50, con 649180695
 * }</pre>
 *
 * <p>{@link #getOrCreate(Symbol)} returns the stored instrument when the local store has the
 * symbol; otherwise it reads the symbol as
 *
 * <ol>
 *   <li>an OCC option symbol ({@code AAPL240119C00190000}: root, yyMMdd, C/P, strike x 1000) on
 *       SMART in USD;
 *   <li>else a stock on SMART in USD ({@code BRK.B} is IB's {@code BRK B});
 *   <li>else a future by its local symbol ({@code ESZ6}) on any exchange; an index underlying makes
 *       it an {@link dev.ingest.api.model.AssetClass#INDEX_FUTURE}.
 * </ol>
 *
 * The typed methods {@link #stock}, {@link #future} and {@link #option} say exactly what is meant.
 * Nothing found throws {@link ProviderRejectedException} code 200; several contracts match throws
 * it with code {@code ambiguous}, listing them.
 *
 * <p>Thread-safe when the local store is. Closes nothing: the connection and the local store stay
 * their owners'.
 *
 * @since 0.1
 */
@Beta
public final class IbkrInstrumentRepository implements InstrumentStore {
  private static final Logger log = LoggerFactory.getLogger(IbkrInstrumentRepository.class);

  private static final Pattern OCC = Pattern.compile("([A-Z][A-Z0-9.]{0,5})(\\d{6})([CP])(\\d{8})");
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");

  private final IbkrConnection connection;
  private final InstrumentStore local;

  public IbkrInstrumentRepository(IbkrConnection connection, InstrumentStore local) {
    this.connection = connection;
    this.local = local;
  }

  @Override
  public Instrument getOrCreate(Symbol symbol) {
    Optional<Instrument> stored = local.getBySymbol(symbol);
    if (stored.isPresent()) {
      return stored.get();
    }
    return local.getOrCreate(resolve(symbol));
  }

  /**
   * An instrument IB already identified (it has a con_id) is persisted as it is; one without is
   * first resolved from its description, so the stored row carries IB's con_id and terms.
   */
  @Override
  public Instrument getOrCreate(Instrument instrument) {
    if (instrument.conId() != null) {
      return local.getOrCreate(instrument);
    }
    Optional<Instrument> stored = local.getByKey(instrument.key());
    if (stored.isPresent()) {
      return stored.get();
    }
    Instrument resolved =
        switch (instrument.assetClass()) {
          case OPTION ->
              resolveOption(
                  instrument.underlying() != null ? instrument.underlying() : instrument.symbol(),
                  instrument.expiry(),
                  instrument.strike(),
                  instrument.right(),
                  instrument.currency());
          case STOCK, ETF ->
              resolveStock(instrument.symbol(), instrument.currency(), instrument.exchange());
          default -> resolve(instrument.symbol());
        };
    return local.getOrCreate(resolved);
  }

  @Override
  public Optional<Instrument> getBySymbol(Symbol symbol) {
    return local.getBySymbol(symbol);
  }

  @Override
  public Optional<Instrument> getByKey(String key) {
    return local.getByKey(key);
  }

  /** A stock on SMART; {@code primaryExchange} separates same-symbol listings (or null). */
  public Instrument stock(Symbol symbol, String currency, @Nullable String primaryExchange) {
    return local.getOrCreate(resolveStock(symbol, currency, primaryExchange));
  }

  /** The future on {@code root} for {@code contractMonth} at {@code exchange} ({@code CME}). */
  public Instrument future(Symbol root, YearMonth contractMonth, String exchange) {
    ContractQuery query =
        ContractQuery.of("FUT")
            .withSymbol(IbkrRecords.toIbSymbol(root))
            .withExpiry(YYYYMM.format(contractMonth))
            .withExchange(exchange, "");
    return local.getOrCreate(single(query, connection.contractDetails(query)));
  }

  /** A US equity option on SMART in USD. */
  public Instrument option(
      Symbol underlying, LocalDate expiry, BigDecimal strike, OptionRight right) {
    return local.getOrCreate(resolveOption(underlying, expiry, strike, right, "USD"));
  }

  // ------------------------------------------------------------------ resolution

  /** What TWS knows for {@code symbol}, following the class comment's order; not persisted. */
  Instrument resolve(Symbol symbol) {
    Matcher occ = OCC.matcher(symbol.value());
    if (occ.matches()) {
      LocalDate expiry = LocalDate.parse(occ.group(2), YYMMDD);
      BigDecimal strike = new BigDecimal(occ.group(4)).movePointLeft(3);
      OptionRight right = occ.group(3).equals("C") ? OptionRight.CALL : OptionRight.PUT;
      return resolveOption(Symbol.of(occ.group(1)), expiry, strike, right, "USD");
    }
    try {
      return resolveStock(symbol, "USD", null);
    } catch (ProviderRejectedException e) {
      if (!isNotFound(e)) {
        throw e;
      }
      log.debug("no stock, trying a future provider=ibkr symbol={}", symbol);
    }
    ContractQuery future = ContractQuery.of("FUT").withLocalSymbol(symbol.value());
    return single(future, connection.contractDetails(future));
  }

  private Instrument resolveStock(Symbol symbol, String currency, @Nullable String primary) {
    ContractQuery query =
        ContractQuery.of("STK")
            .withSymbol(IbkrRecords.toIbSymbol(symbol))
            .withExchange("SMART", primary == null || primary.equals("SMART") ? "" : primary)
            .withCurrency(currency);
    return single(query, connection.contractDetails(query));
  }

  private Instrument resolveOption(
      Symbol underlying,
      @Nullable LocalDate expiry,
      @Nullable BigDecimal strike,
      @Nullable OptionRight right,
      String currency) {
    ContractQuery query =
        ContractQuery.of("OPT")
            .withSymbol(IbkrRecords.toIbSymbol(underlying))
            .withExpiry(expiry == null ? "" : YYYYMMDD.format(expiry))
            .withStrike(
                strike == null ? Double.MAX_VALUE : strike.doubleValue(),
                right == null ? "" : right == OptionRight.CALL ? "C" : "P")
            .withExchange("SMART", "")
            .withCurrency(currency);
    return single(query, connection.contractDetails(query));
  }

  /**
   * The one contract TWS answered. One contract can come once per exchange (a SMART stock query may
   * list SMART and AMEX), so answers are told apart by con_id; the SMART answer is preferred.
   */
  private static Instrument single(ContractQuery query, List<ContractDetailsMessage> answers) {
    Map<Integer, ContractDetailsMessage> byConId = new LinkedHashMap<>();
    for (ContractDetailsMessage answer : answers) {
      byConId.merge(
          answer.contract().conId(),
          answer,
          (a, b) -> b.contract().exchange().equals(query.exchange()) ? b : a);
    }
    if (byConId.isEmpty()) {
      throw new ProviderRejectedException(
          "ibkr",
          0,
          "200",
          query.describe(),
          "No security definition has been found for the request");
    }
    if (byConId.size() > 1) {
      throw new ProviderRejectedException(
          "ibkr",
          0,
          "ambiguous",
          query.describe(),
          byConId.size()
              + " contracts match: "
              + byConId.values().stream()
                  .map(
                      d ->
                          d.contract().localSymbol()
                              + "@"
                              + d.contract().exchange()
                              + " conId="
                              + d.contract().conId())
                  .collect(Collectors.joining(", "))
              + "; name the exchange, expiry or multiplier");
    }
    return IbkrRecords.instrument(byConId.values().iterator().next());
  }

  private static boolean isNotFound(ProviderRejectedException e) {
    return "200".equals(e.code()) && !e.providerMessage().contains("ambiguous");
  }
}
