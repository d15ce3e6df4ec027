package dev.ingest.ibkr.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ingest.ibkr.internal.wire.AccountSummaryMessage;
import dev.ingest.ibkr.internal.wire.CommissionReportMessage;
import dev.ingest.ibkr.internal.wire.ContractDetailsMessage;
import dev.ingest.ibkr.internal.wire.ContractQuery;
import dev.ingest.ibkr.internal.wire.ErrorMessage;
import dev.ingest.ibkr.internal.wire.ExecutionFilter;
import dev.ingest.ibkr.internal.wire.ExecutionMessage;
import dev.ingest.ibkr.internal.wire.FieldReader;
import dev.ingest.ibkr.internal.wire.FrameReader;
import dev.ingest.ibkr.internal.wire.MessageWriter;
import dev.ingest.ibkr.internal.wire.OpenOrderMessage;
import dev.ingest.ibkr.internal.wire.OrderStatusMessage;
import dev.ingest.ibkr.internal.wire.PositionMessage;
import dev.ingest.ibkr.internal.wire.TwsDecoder;
import dev.ingest.ibkr.internal.wire.TwsHandler;
import dev.ingest.ibkr.internal.wire.TwsRequests;
import dev.ingest.testkit.tws.FakeTwsGateway;
import dev.ingest.testkit.tws.TwsOrder;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The independent check of reference §10.5: {@code @stoqey/ib} 1.6.10 (a separate TWS client, in
 * Node) and this module's decoder both connect to the same scripted FakeTwsGateway, make the same
 * requests, and must decode every message to the same values. stoqey reports a frame with unread
 * fields as error 505 and ours refuses it, so a layout slip on either side fails this test.
 *
 * <p>Runs in the normal build; skipped, saying why, only when {@code node} is not installed.
 */
class StoqeyCrossCheckTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final String ACCOUNT = "DU1234567";
  private static final int SUMMARY_REQ_ID = 9001;
  private static final int EXECUTIONS_REQ_ID = 9002;
  private static final String TAGS = "AccountType,NetLiquidation,TotalCashValue,BuyingPower";

  @BeforeAll
  static void needsNode() {
    String version = NodeTool.nodeVersion();
    Assumptions.assumeTrue(
        version != null,
        "SKIPPED: the @stoqey/ib cross-check needs Node.js 18+ on the PATH ('node' not found)");
    NodeTool.ensureStoqey();
  }

  /** The contract-details requests both clients make: a stock, a future, an option, an unknown. */
  private record Query(int reqId, Map<String, Object> stoqey, ContractQuery ours) {}

  private static final List<Query> QUERIES =
      List.of(
          new Query(
              9101,
              Map.of("symbol", "AAPL", "secType", "STK", "exchange", "SMART", "currency", "USD"),
              ContractQuery.of("STK")
                  .withSymbol("AAPL")
                  .withExchange("SMART", "")
                  .withCurrency("USD")),
          new Query(
              9102,
              Map.of("secType", "FUT", "localSymbol", "ESZ6"),
              ContractQuery.of("FUT").withLocalSymbol("ESZ6")),
          new Query(9103, Map.of("conId", 512345678), ContractQuery.byConId(512345678)),
          new Query(
              9104,
              Map.of("symbol", "ZZZZNONE", "secType", "STK", "exchange", "SMART"),
              ContractQuery.of("STK").withSymbol("ZZZZNONE").withExchange("SMART", "")));

  @Test
  void stoqeyDecodesEveryScriptedMessageToTheValuesOurDecoderDoes() throws Exception {
    // Given the scenario account, plus a filled order and the farm notices
    try (FakeTwsGateway gateway = dev.ingest.ibkr.TwsScenarioAccess.gateway()) {
      gateway.order(
          TwsOrder.limit(
                  17,
                  1376327570L,
                  ACCOUNT,
                  dev.ingest.ibkr.TwsScenarioAccess.aapl(),
                  "SELL",
                  "50",
                  "199.99")
              .filledAt("200.01"));

      // When both clients make the same requests
      List<JsonNode> stoqey = stoqey(gateway, 21);
      List<JsonNode> ours = ours(gateway, 22);

      // Then
      Map<String, List<String>> theirs = byEvent(stoqey);
      Map<String, List<String>> mine = byEvent(ours);
      if (Boolean.getBoolean("crosscheck.dump")) {
        theirs.forEach((k, v) -> v.forEach(x -> System.out.println("STOQEY " + x)));
        mine.forEach((k, v) -> v.forEach(x -> System.out.println("OURS   " + x)));
      }
      assertThat(theirs.keySet())
          .as("event kinds (stoqey left, ours right)")
          .containsExactlyInAnyOrderElementsOf(mine.keySet());
      for (String event : mine.keySet()) {
        assertThat(theirs.get(event)).as("all %s events", event).isEqualTo(mine.get(event));
      }
      // and the check covered every kind of message in scope
      assertThat(mine.keySet())
          .contains(
              "server",
              "managedAccounts",
              "nextValidId",
              "info",
              "error",
              "position",
              "positionEnd",
              "accountSummary",
              "accountSummaryEnd",
              "openOrder",
              "orderStatus",
              "openOrderEnd",
              "execDetails",
              "commissionReport",
              "execDetailsEnd",
              "contractDetails",
              "contractDetailsEnd");
      assertThat(mine.get("openOrder")).hasSize(4);
      assertThat(mine.get("contractDetails")).hasSize(3);
    }
  }

  private static List<JsonNode> stoqey(FakeTwsGateway gateway, int clientId) throws Exception {
    ObjectNode config = JSON.createObjectNode();
    config.put("host", gateway.host()).put("port", gateway.port()).put("clientId", clientId);
    config.put("account", ACCOUNT).put("summaryTags", TAGS);
    config.put("summaryReqId", SUMMARY_REQ_ID).put("executionsReqId", EXECUTIONS_REQ_ID);
    config.put("timeoutMillis", 20_000);
    var queries = config.putArray("contractQueries");
    for (Query q : QUERIES) {
      queries.addObject().put("reqId", q.reqId).set("contract", JSON.valueToTree(q.stoqey));
    }
    NodeTool.Result run =
        NodeTool.run(
            List.of("node", "crosscheck.js", JSON.writeValueAsString(config)), NodeTool.DIR, 60);
    assertThat(run.exit()).as("crosscheck.js failed:\n%s", run.stderr()).isZero();
    List<JsonNode> events = new ArrayList<>();
    for (String line : run.stdout().split("\n")) {
      if (!line.isBlank()) {
        events.add(JSON.readTree(line));
      }
    }
    return events;
  }

  /** Our codec over a plain socket: the same requests, every frame decoded and recorded. */
  private static List<JsonNode> ours(FakeTwsGateway gateway, int clientId) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    Set<String> pending =
        new HashSet<>(List.of("positionEnd", "accountSummaryEnd", "openOrderEnd", "execEnd"));
    QUERIES.forEach(q -> pending.add("contract:" + q.reqId));
    TwsHandler handler =
        new TwsHandler() {
          @Override
          public void nextValidId(int orderId) {
            events.add(StoqeyView.event("nextValidId").put("orderId", orderId));
          }

          @Override
          public void managedAccounts(String accountsList) {
            events.add(StoqeyView.event("managedAccounts").put("accountsList", accountsList));
          }

          @Override
          public void error(ErrorMessage error) {
            events.add(StoqeyView.error(error));
            pending.remove("contract:" + error.id());
          }

          @Override
          public void position(PositionMessage m) {
            events.add(StoqeyView.position(m));
          }

          @Override
          public void positionEnd() {
            events.add(StoqeyView.event("positionEnd"));
            pending.remove("positionEnd");
          }

          @Override
          public void accountSummary(AccountSummaryMessage m) {
            events.add(StoqeyView.accountSummary(m));
          }

          @Override
          public void accountSummaryEnd(int reqId) {
            events.add(StoqeyView.event("accountSummaryEnd").put("reqId", reqId));
            pending.remove("accountSummaryEnd");
          }

          @Override
          public void openOrder(OpenOrderMessage m) {
            events.add(StoqeyView.openOrder(m));
          }

          @Override
          public void orderStatus(OrderStatusMessage m) {
            events.add(StoqeyView.orderStatus(m));
          }

          @Override
          public void openOrderEnd() {
            events.add(StoqeyView.event("openOrderEnd"));
            pending.remove("openOrderEnd");
          }

          @Override
          public void execution(ExecutionMessage m) {
            events.add(StoqeyView.execution(m));
          }

          @Override
          public void commissionReport(CommissionReportMessage m) {
            events.add(StoqeyView.commissionReport(m));
          }

          @Override
          public void executionEnd(int reqId) {
            events.add(StoqeyView.event("execDetailsEnd").put("reqId", reqId));
            pending.remove("execEnd");
          }

          @Override
          public void contractDetails(ContractDetailsMessage m) {
            events.add(StoqeyView.contractDetails(m));
          }

          @Override
          public void contractDetailsEnd(int reqId) {
            events.add(StoqeyView.event("contractDetailsEnd").put("reqId", reqId));
            pending.remove("contract:" + reqId);
          }
        };
    try (Socket socket = new Socket(gateway.host(), gateway.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      FrameReader frames = new FrameReader(socket.getInputStream());
      out.write(MessageWriter.handshake(100, 193, ""));
      assertThat(frames.next()).isTrue();
      FieldReader version = new FieldReader();
      version.reset(
          frames.buffer(), frames.payloadStart(), frames.payloadEnd(), frames.payloadOffset());
      events.add(StoqeyView.server(version.readInt("serverVersion"), version.readString("time")));
      out.write(TwsRequests.startApi(clientId, ""));
      TwsDecoder decoder = new TwsDecoder(handler);
      boolean sent = false;
      while ((!sent || !pending.isEmpty()) && frames.next()) {
        int id =
            decoder.decode(
                frames.buffer(),
                frames.payloadStart(),
                frames.payloadEnd(),
                frames.payloadOffset());
        if (id == 9 && !sent) {
          // as stoqey does: the requests go out once NEXT_VALID_ID has arrived
          out.write(TwsRequests.reqPositions());
          out.write(TwsRequests.reqAccountSummary(SUMMARY_REQ_ID, "All", TAGS));
          out.write(TwsRequests.reqAllOpenOrders());
          out.write(TwsRequests.reqExecutions(EXECUTIONS_REQ_ID, ExecutionFilter.account(ACCOUNT)));
          for (Query q : QUERIES) {
            out.write(TwsRequests.reqContractData(q.reqId, q.ours));
          }
          sent = true;
        }
      }
      assertThat(pending).as("requests our client saw no end for").isEmpty();
    }
    return events;
  }

  /** Events grouped by kind, each canonical (sorted keys, numbers as doubles), sorted. */
  private static Map<String, List<String>> byEvent(List<JsonNode> events) throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    for (JsonNode e : events) {
      out.computeIfAbsent(e.get("event").asText(), k -> new ArrayList<>())
          .add(JSON.writeValueAsString(canonical(e)));
    }
    out.values().forEach(l -> l.sort(String::compareTo));
    return out;
  }

  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      Iterator<String> it = node.fieldNames();
      it.forEachRemaining(names::add);
      names.sort(String::compareTo);
      for (String name : names) {
        JsonNode value = node.get(name);
        if (!value.isNull()) {
          sorted.set(name, canonical(value));
        }
      }
      return sorted;
    }
    if (node.isArray()) {
      var array = JSON.createArrayNode();
      node.forEach(v -> array.add(canonical(v)));
      return array;
    }
    if (node.isNumber()) {
      // JavaScript prints 100 where Java prints 100.0: compare the double values
      return JSON.getNodeFactory().textNode("num:" + node.asDouble());
    }
    return node;
  }
}
