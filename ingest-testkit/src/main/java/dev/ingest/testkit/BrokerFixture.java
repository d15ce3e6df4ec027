package dev.ingest.testkit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.ConId;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import dev.ingest.api.model.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A broker account's state as JSON, for {@link FakeBrokerApi#fromJson}. The record fields are the
 * records' component names; {@code account} may be left out of each record (the top-level one is
 * used), an instrument's {@code currency} defaults to {@code USD} and its {@code multiplier} to 1;
 * decimals may be numbers or strings and are read exactly:
 *
 * <pre>{@code
 * {"account": "U1234567",
 *  "snapshots": [{"asOf": "2024-03-01T21:00:00Z", "currency": "USD",
 *                 "netLiquidation": "100250.50", "totalCash": "40000", "values": {}}],
 *  "positions": [{"instrument": {"symbol": "AAPL", "assetClass": "STOCK", "conId": 265598},
 *                 "quantity": 100, "averageCost": "170.25", "asOf": "2024-03-01T21:00:00Z"}],
 *  "orders": [...], "executions": [...], "optionEvents": [...]}
 * }</pre>
 *
 * A record that fails validation is reported with its section and index.
 *
 * @since 0.1
 */
public record BrokerFixture(
    AccountId account,
    List<AccountSnapshot> snapshots,
    List<Position> positions,
    List<Order> orders,
    List<Execution> executions,
    List<OptionEvent> optionEvents) {

  private static final ObjectMapper MAPPER = mapper();

  public BrokerFixture {
    snapshots = List.copyOf(snapshots);
    positions = List.copyOf(positions);
    orders = List.copyOf(orders);
    executions = List.copyOf(executions);
    optionEvents = List.copyOf(optionEvents);
  }

  public static BrokerFixture read(InputStream json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      AccountId account = AccountId.of(root.path("account").asText());
      return new BrokerFixture(
          account,
          section(root, account, "snapshots", AccountSnapshot.class),
          section(root, account, "positions", Position.class),
          section(root, account, "orders", Order.class),
          section(root, account, "executions", Execution.class),
          section(root, account, "optionEvents", OptionEvent.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read broker fixture", e);
    }
  }

  /** A new {@link FakeBrokerApi} in this state. */
  public FakeBrokerApi toBroker() {
    return new FakeBrokerApi(account, snapshots, positions, orders, executions, optionEvents);
  }

  private static <T> List<T> section(JsonNode root, AccountId account, String name, Class<T> type)
      throws IOException {
    List<T> records = new ArrayList<>();
    JsonNode array = root.path(name);
    for (int i = 0; i < array.size(); i++) {
      ObjectNode node = array.get(i).deepCopy();
      if (!node.has("account")) {
        node.put("account", account.value());
      }
      if (node.get("instrument") instanceof ObjectNode instrument) {
        if (!instrument.has("currency")) {
          instrument.put("currency", "USD");
        }
        if (!instrument.has("multiplier")) {
          instrument.put("multiplier", 1);
        }
      }
      try {
        records.add(MAPPER.treeToValue(node, type));
      } catch (ValueInstantiationException e) {
        if (e.getCause() instanceof DataValidationException invalid) {
          throw invalid.withContext("fixture", name + "[" + i + "]");
        }
        throw e;
      }
    }
    return records;
  }

  private static ObjectMapper mapper() {
    SimpleModule ids = new SimpleModule("ingest-ids");
    ids.addDeserializer(AccountId.class, text(AccountId::of));
    ids.addDeserializer(Symbol.class, text(Symbol::of));
    ids.addDeserializer(ConId.class, text(s -> ConId.of(Long.parseLong(s))));
    ids.addDeserializer(Instant.class, text(Instant::parse));
    ids.addDeserializer(LocalDate.class, text(LocalDate::parse));
    return new ObjectMapper()
        .registerModule(ids)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static <T> JsonDeserializer<T> text(Function<String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return parse.apply(p.getValueAsString());
      }
    };
  }
}
