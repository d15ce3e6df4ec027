package dev.ingest.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ingest.alpaca.AlpacaConfig;
import dev.ingest.alpaca.SyntheticActivityId;
import dev.ingest.api.IngestListener;
import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.internal.SafeListener;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's state over REST as SDK records: what {@code AlpacaBrokerApi} serves. Thread-safe;
 * does not own the {@link OkHttpClient}.
 */
public final class AlpacaAccountReader {
  private static final Logger log = LoggerFactory.getLogger(AlpacaAccountReader.class);
  private static final String OPTION_TYPES = "OPASN,OPEXP,OPXRC";

  private final AlpacaRestClient rest;
  private final Clock clock;
  private final IngestListener listener;

  public AlpacaAccountReader(
      OkHttpClient http, AlpacaConfig config, Clock clock, IngestListener listener) {
    this.rest = new AlpacaRestClient(http, config, clock, listener);
    this.clock = clock;
    this.listener = SafeListener.wrap(listener);
  }

  private AlpacaConfig config() {
    return rest.config();
  }

  /** The account's balances now; fails if the keys belong to another account. */
  public List<AccountSnapshot> snapshots() {
    JsonNode account = rest.account();
    checkAccountNumber(account, config());
    return mapEach(
        List.of(account), a -> AlpacaRecords.snapshot(config().account(), a, clock.instant()));
  }

  public List<Position> positions() {
    Instant now = clock.instant();
    return mapEach(
        rest.positions(), p -> AlpacaRecords.position(config().account(), p.node(), now));
  }

  /** Open orders, plus the orders that finished since midnight New York time (the session). */
  public List<Order> openOrders() {
    Map<String, WireOrder> orders = new LinkedHashMap<>();
    Instant sessionStart =
        LocalDate.ofInstant(clock.instant(), SyntheticActivityId.NEW_YORK)
            .atStartOfDay(SyntheticActivityId.NEW_YORK)
            .toInstant();
    rest.orders("closed", sessionStart).forEach(o -> orders.put(o.id(), o));
    rest.orders("open", null).forEach(o -> orders.put(o.id(), o));
    return mapEach(List.copyOf(orders.values()), o -> AlpacaRecords.order(config().account(), o));
  }

  /** FILL activities at or after {@code since} (all when null), as executions. */
  public List<Execution> executions(@Nullable Instant since) {
    // Alpaca's "after" is reported inclusive but not reliably so: ask a second early, then filter
    Instant after = since == null ? null : since.minusSeconds(1);
    List<Execution> executions =
        mapEach(
            rest.activities("FILL", null, after),
            f -> AlpacaRecords.execution(config().account(), f));
    return since == null
        ? executions
        : executions.stream().filter(e -> !e.executedAt().isBefore(since)).toList();
  }

  /** Exercises, assignments and expiries from the OPXRC/OPEXC, OPASN and OPEXP activities. */
  public List<OptionEvent> optionEvents() {
    return mapEach(
        rest.activities(null, OPTION_TYPES, null),
        a -> AlpacaRecords.optionEvent(config().account(), a));
  }

  /**
   * Fails when {@code /v2/account} names another account than the configured one, so a mixed-up key
   * pair never writes one account's data into another's tables.
   */
  static void checkAccountNumber(JsonNode account, AlpacaConfig config) {
    String number = Json.text(account, "account_number");
    if (number != null && !number.equals(config.account().value())) {
      String id = Json.text(account, "id");
      if (id == null || !id.equals(config.account().value())) {
        throw new ConfigurationException(
            "alpaca",
            "account",
            "the API keys belong to account "
                + number
                + ", not the configured "
                + config.account());
      }
    }
  }

  private <W, R> List<R> mapEach(List<W> wire, Function<W, R> mapping) {
    List<R> out = new ArrayList<>(wire.size());
    for (W w : wire) {
      try {
        R record = mapping.apply(w);
        if (record != null) {
          out.add(record);
        }
      } catch (DataValidationException e) {
        log.warn(
            "skipped invalid record provider=alpaca account={}: {}",
            config().account(),
            e.getMessage());
        listener.validationError("alpaca", e);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
