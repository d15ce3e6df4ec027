package dev.ingest.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import dev.ingest.api.store.LakeSlug;
import dev.ingest.api.store.UpsertOutcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw data lake's table names come from user data (the account slug) and its payloads from
 * brokers: names are checked before they reach SQL, payloads are kept byte-for-byte through either
 * write path, and a payload PostgreSQL's JSONB would refuse is refused up front, naming the record.
 */
class RawDataLakeSafetyTest {
  @RegisterExtension static final PostgresSchema pg = new PostgresSchema();

  static final LakeSlug LIVE = LakeSlug.of("live");
  static final Instant T0 = Instant.parse("2024-03-01T14:30:00.123456789Z");

  @Test
  void aSlugCarryingSqlIsRefusedWithAClearError() {
    assertThatThrownBy(() -> LakeSlug.of("live; drop table x"))
        .isInstanceOfSatisfying(
            DataValidationException.class,
            e -> {
              assertThat(e.recordType()).isEqualTo("LakeSlug");
              assertThat(e.field()).isEqualTo("value");
              assertThat(e).hasMessageContaining("'live; drop table x'");
            });
  }

  @Test
  void aSchemaNameCarryingSqlIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> JdbcStoreConfig.defaults().withSchema("public; drop table x"))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("schema"));
    assertThatThrownBy(() -> JdbcStoreConfig.defaults().withLakeSchema("\"x\""))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("lake_schema"));
  }

  abstract static class Cases {
    JdbcStore store;

    abstract JdbcStore open();

    @BeforeEach
    void openStore() {
      store = open();
    }

    @AfterEach
    void closeStore() {
      store.close();
    }

    @Test
    void payloadsWithTabsNewlinesBackslashesAndUnicodeComeBackByteForByte() {
      String json =
          "{\"a\":\"tab\\there\",\n\t\"b\" : \"back\\\\slash \\\"q\\\" ünï 😀\",\r\n\"c\":1.50}";
      RawActivity odd = new RawActivity("x1", "DIV", new BigDecimal("1.50"), null, T0, json);
      RawOrder order = new RawOrder("o1", null, "new", T0, json);

      store.lake().appendActivities(LIVE, List.of(odd));
      store.lake().upsertOrders(LIVE, List.of(order));

      assertThat(store.lake().activities(LIVE)).singleElement().isEqualTo(odd);
      assertThat(store.lake().order(LIVE, "o1")).contains(order);
    }

    @Test
    void aPayloadThatIsNotOneJsonValueIsRefusedNamingTheRecordAndNothingIsWritten() {
      RawActivity fine = new RawActivity("a1", "DIV", BigDecimal.ONE, null, T0, "{}");
      RawActivity broken = new RawActivity("a2", "DIV", BigDecimal.ONE, null, T0, "{\"x\": 1");

      assertThatThrownBy(() -> store.lake().appendActivities(LIVE, List.of(fine, broken)))
          .isInstanceOfSatisfying(
              DataValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("rawJson");
                assertThat(e.naturalKey()).isEqualTo("id=a2");
                assertThat(e).hasMessageContaining("offset");
              });
      assertThat(store.lake().activities(LIVE)).isEmpty();
    }

    @Test
    void aNewerOrderReplacesTheStoredOneAndAnEqualTimeDoesNot() {
      RawOrder first = new RawOrder("o1", "c1", "new", T0, "{\"status\":\"new\"}");
      RawOrder sameTime = new RawOrder("o1", "c1", "accepted", T0, "{\"status\":\"accepted\"}");
      RawOrder nanoLater =
          new RawOrder("o1", "c1", "filled", T0.plusNanos(1), "{\"status\":\"filled\"}");

      assertThat(store.lake().upsertOrders(LIVE, List.of(first, sameTime, nanoLater)))
          .containsExactly(UpsertOutcome.CREATED, UpsertOutcome.UNCHANGED, UpsertOutcome.UPDATED);
      assertThat(store.lake().order(LIVE, "o1")).contains(nanoLater);
      assertThat(store.lake().latestOrderUpdate(LIVE)).contains(T0.plusNanos(1));
    }

    @Test
    void anAccountNeverEnsuredReadsEmpty() {
      LakeSlug unknown = LakeSlug.of("never_seen");
      assertThat(store.lake().orders(unknown)).isEmpty();
      assertThat(store.lake().activities(unknown)).isEmpty();
      assertThat(store.lake().latestActivityTime(unknown)).isEmpty();
    }
  }

  @Nested
  class OnSqlite extends Cases {
    @TempDir Path dir;

    @Override
    JdbcStore open() {
      return JdbcStore.sqlite(dir.resolve("ingest.db"));
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    JdbcStore open() {
      pg.truncateAll();
      return pg.open();
    }

    @Test
    void tablesCarryTheSlugAndRawJsonIsQueryableJsonb() {
      String json = "{ \"symbol\" : \"ÄAPL\", \"qty\": \"1\" }";
      store
          .lake()
          .appendActivities(
              LIVE, List.of(new RawActivity("a1", "FILL", BigDecimal.ONE, "e1", T0, json)));

      try (var h = pg.adminHandle()) {
        assertThat(
                h.createQuery(
                        "SELECT raw_json ->> 'symbol' FROM " + pg.schema() + ".raw_activities_live")
                    .mapTo(String.class)
                    .one())
            .isEqualTo("ÄAPL");
        assertThat(
                h.createQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = :s"
                            + " AND tablename LIKE 'raw_%' ORDER BY tablename")
                    .bind("s", pg.schema())
                    .mapTo(String.class)
                    .list())
            .containsExactly("raw_activities_live", "raw_orders_live");
      }
    }
  }

  @Nested
  class OnPostgresThroughCopy extends Cases {
    @Override
    JdbcStore open() {
      pg.truncateAll();
      return pg.open(pg.config().withCopyThreshold(1));
    }
  }
}
