package dev.ingest.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.ConfigurationException;
import dev.ingest.api.model.AccountId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingester processes (here: two stores, each with its own connections) contend for one account:
 * exactly one owns it; the other is told so at once, or waits and takes over when the owner lets go
 * or dies.
 */
class AccountLeaseTest {
  @RegisterExtension static final PostgresSchema pg = new PostgresSchema();

  private static final AccountId ACCOUNT = AccountId.of("U1234567");

  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private String app;
  private JdbcStore first;
  private JdbcStore second;

  @BeforeEach
  void openTwoStores() {
    app = "ingest-lease-" + UUID.randomUUID().toString().substring(0, 8);
    first = JdbcStore.open(PostgresSchema.urlWithApplicationName(app + "-a"), pg.config());
    second = JdbcStore.open(PostgresSchema.urlWithApplicationName(app + "-b"), pg.config());
  }

  @AfterEach
  void closeStores() {
    pool.shutdownNow();
    first.close();
    second.close();
  }

  @Test
  void exactlyOneOfTwoStoresHoldsTheAccount() {
    try (AccountLease held = first.tryLease(ACCOUNT).orElseThrow()) {
      Optional<AccountLease> refused = second.tryLease(ACCOUNT);

      assertThat(refused).isEmpty();
      assertThat(held.isHeld()).isTrue();
      assertThat(second.leaseHolder(ACCOUNT))
          .hasValueSatisfying(h -> assertThat(h).contains("pid=").contains(app + "-a"));
    }

    try (AccountLease taken = second.tryLease(ACCOUNT).orElseThrow()) {
      assertThat(taken.isHeld()).isTrue();
      assertThat(first.tryLease(ACCOUNT)).isEmpty();
    }
    assertThat(first.leaseHolder(ACCOUNT)).isEmpty();
  }

  @Test
  void aWaitingStoreTakesOverWhenTheOwnerLetsGo() throws Exception {
    AccountLease held = first.tryLease(ACCOUNT).orElseThrow();

    Future<Optional<AccountLease>> waiting =
        pool.submit(() -> second.lease(ACCOUNT, Duration.ofSeconds(30)));
    pg.awaitBackendWaitingOnLock(app + "-b", "advisory");
    assertThat(waiting).isNotDone();
    held.close();

    try (AccountLease taken = waiting.get(30, TimeUnit.SECONDS).orElseThrow()) {
      assertThat(taken.isHeld()).isTrue();
      assertThat(held.isHeld()).isFalse();
    }
  }

  @Test
  void aWaitThatTimesOutReportsThatTheAccountIsTaken() {
    try (AccountLease held = first.tryLease(ACCOUNT).orElseThrow()) {
      Optional<AccountLease> gaveUp = second.lease(ACCOUNT, Duration.ofMillis(50));

      assertThat(gaveUp).isEmpty();
      assertThat(held.isHeld()).isTrue();
    }
  }

  @Test
  void anOwnerWhoseConnectionDiesNoLongerHoldsTheAccount() {
    AccountLease held = first.tryLease(ACCOUNT).orElseThrow();
    int pid = pidOf(second.leaseHolder(ACCOUNT).orElseThrow());

    pg.terminate(pid);

    assertThat(held.isHeld()).isFalse();
    try (AccountLease taken = second.tryLease(ACCOUNT).orElseThrow()) {
      assertThat(taken.isHeld()).isTrue();
    }
    held.close(); // still safe after the loss
  }

  @Test
  void otherAccountsAndOtherSchemasDoNotContend() {
    String otherSchema = pg.schema() + "_other";
    try (AccountLease a = first.tryLease(ACCOUNT).orElseThrow();
        AccountLease b = second.tryLease(AccountId.of("DU7654321")).orElseThrow();
        JdbcStore elsewhere =
            pg.open(pg.config().withSchema(otherSchema).withLakeSchema(otherSchema));
        AccountLease c = elsewhere.tryLease(ACCOUNT).orElseThrow()) {
      assertThat(a.isHeld() && b.isHeld() && c.isHeld()).isTrue();
    } finally {
      try (var h = pg.adminHandle()) {
        h.execute("DROP SCHEMA IF EXISTS " + otherSchema + " CASCADE");
      }
    }
  }

  @Test
  void closingALeaseTwiceIsHarmless() {
    AccountLease held = first.tryLease(ACCOUNT).orElseThrow();
    held.close();
    held.close();
    assertThat(held.isHeld()).isFalse();
    assertThat(second.tryLease(ACCOUNT)).hasValueSatisfying(AccountLease::close);
  }

  @Test
  void anEmbeddedStoreSaysLeasesNeedPostgres(@TempDir Path dir) {
    try (JdbcStore embedded = JdbcStore.sqlite(dir.resolve("ingest.db"))) {
      assertThatThrownBy(() -> embedded.tryLease(ACCOUNT))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("PostgreSQL");
    }
  }

  private static int pidOf(String holder) {
    return Integer.parseInt(holder.replaceAll("^pid=(\\d+).*$", "$1"));
  }
}
