package dev.ingest.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import dev.ingest.api.store.LakeSlug;
import dev.ingest.api.store.RawDataLake;
import dev.ingest.api.store.UpsertOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's raw data lake rules, for any {@link RawDataLake}. Extend it and return a fresh, empty
 * lake from {@link #createLake()}.
 *
 * @since 0.1
 */
public abstract class RawDataLakeContract {
  protected static final LakeSlug LIVE = LakeSlug.of("live");
  protected static final LakeSlug PAPER = LakeSlug.of("paper_1");
  protected static final Instant T0 = Instant.parse("2024-03-01T14:30:00.123456Z");

  protected RawDataLake lake;

  protected abstract RawDataLake createLake();

  @BeforeEach
  void openLake() {
    lake = createLake();
    lake.ensureAccount(LIVE);
    lake.ensureAccount(PAPER);
  }

  protected static RawOrder rawOrder(String id, String status, Instant updatedAt) {
    String json =
        "{\"id\":\""
            + id
            + "\",\"status\":\""
            + status
            + "\",\"updated_at\":\""
            + updatedAt
            + "\"}";
    return new RawOrder(id, "c-" + id, status, updatedAt, json);
  }

  protected static RawActivity fill(String id, String executionId, Instant at, String net) {
    String json = "{\"id\":\"" + id + "\",\"activity_type\":\"FILL\",\"qty\":\"1\"}";
    return new RawActivity(id, "FILL", new BigDecimal(net), executionId, at, json);
  }

  @Test
  void anOrderIsUpsertedToItsLatestBrokerState() {
    String id = "61e69015-8549-4bfd-b9c3-01e75843f47d";
    assertThat(lake.upsertOrders(LIVE, List.of(rawOrder(id, "new", T0))))
        .containsExactly(UpsertOutcome.CREATED);

    assertThat(lake.upsertOrders(LIVE, List.of(rawOrder(id, "filled", T0.plusMillis(5)))))
        .containsExactly(UpsertOutcome.UPDATED);

    assertThat(lake.order(LIVE, id).orElseThrow().status()).isEqualTo("filled");
  }

  @Test
  void aLateOlderOrderEventNeverRegressesTheStoredState() {
    String id = "61e69015-8549-4bfd-b9c3-01e75843f47d";
    lake.upsertOrders(LIVE, List.of(rawOrder(id, "filled", T0.plusSeconds(1))));

    List<UpsertOutcome> outcomes =
        lake.upsertOrders(
            LIVE,
            List.of(rawOrder(id, "partially_filled", T0), rawOrder(id, "new", T0.plusSeconds(1))));

    assertThat(outcomes).containsExactly(UpsertOutcome.UNCHANGED, UpsertOutcome.UNCHANGED);
    assertThat(lake.order(LIVE, id).orElseThrow().status()).isEqualTo("filled");
  }

  @Test
  void aStreamFillAndItsRestTwinAreOneRow() {
    String id = "20240301093000123::b6b0f1e4-6a4b-4b8a-9c1e-2f0c8d1e7a55";
    RawActivity fromStream = fill(id, "b6b0f1e4-6a4b-4b8a-9c1e-2f0c8d1e7a55", T0, "-170.25");
    RawActivity fromRest = fill(id, "b6b0f1e4-6a4b-4b8a-9c1e-2f0c8d1e7a55", T0, "-170.25");

    assertThat(lake.appendActivities(LIVE, List.of(fromStream)))
        .containsExactly(UpsertOutcome.CREATED);
    assertThat(lake.appendActivities(LIVE, List.of(fromRest, fromRest)))
        .containsExactly(UpsertOutcome.UNCHANGED, UpsertOutcome.UNCHANGED);

    assertThat(lake.activities(LIVE)).containsExactly(fromStream);
  }

  @Test
  void rawPayloadsAreKeptByteForByte() {
    String json =
        "{ \"id\" : \"x1\",\n  \"symbol\":\"ÄAPL\", \"price\": 170.2500, \"nested\": {\"b\":1, \"a\":2} }";
    RawActivity odd = new RawActivity("x1", "DIV", new BigDecimal("12.3400"), null, T0, json);

    lake.appendActivities(LIVE, List.of(odd));

    RawActivity stored = lake.activities(LIVE).get(0);
    assertThat(stored.rawJson()).isEqualTo(json);
    assertThat(stored.netAmount()).isEqualTo(new BigDecimal("12.34"));
    assertThat(stored.occurredAt()).isEqualTo(T0);
  }

  @Test
  void backfillResumesFromTheLatestStoredTimes() {
    assertThat(lake.latestActivityTime(LIVE)).isEmpty();
    lake.appendActivities(
        LIVE, List.of(fill("a", "e1", T0, "1"), fill("b", "e2", T0.plusSeconds(30), "1")));
    lake.upsertOrders(LIVE, List.of(rawOrder("o1", "new", T0.plusSeconds(7))));

    assertThat(lake.latestActivityTime(LIVE)).contains(T0.plusSeconds(30));
    assertThat(lake.latestOrderUpdate(LIVE)).contains(T0.plusSeconds(7));
  }

  @Test
  void accountsAreKeptApart() {
    lake.appendActivities(LIVE, List.of(fill("a", "e1", T0, "1")));
    lake.upsertOrders(PAPER, List.of(rawOrder("o1", "new", T0)));

    assertThat(lake.activities(PAPER)).isEmpty();
    assertThat(lake.orders(LIVE)).isEmpty();
    assertThat(lake.orders(PAPER)).hasSize(1);
  }

  @Test
  void ensuringAnAccountTwiceIsHarmless() {
    lake.appendActivities(LIVE, List.of(fill("a", "e1", T0, "1")));

    lake.ensureAccount(LIVE);

    assertThat(lake.activities(LIVE)).hasSize(1);
  }
}
