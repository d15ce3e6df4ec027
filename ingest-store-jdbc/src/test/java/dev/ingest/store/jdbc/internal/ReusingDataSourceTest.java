package dev.ingest.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingest.store.jdbc.PostgresSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** Connection reuse for URL-opened PostgreSQL stores never hands out a broken connection. */
class ReusingDataSourceTest {
  @RegisterExtension static final PostgresSchema pg = new PostgresSchema();

  private final ReusingDataSource reusing = new ReusingDataSource(target(), 2);

  @AfterEach
  void close() {
    reusing.close();
  }

  @Test
  void aReturnedConnectionIsReused() throws SQLException {
    int first;
    try (Connection c = reusing.getConnection()) {
      first = pid(c);
    }
    try (Connection c = reusing.getConnection()) {
      assertThat(pid(c)).isEqualTo(first);
    }
  }

  @Test
  void anIdleConnectionWhoseBackendWasKilledIsNotHandedOut() throws SQLException {
    int first;
    try (Connection c = reusing.getConnection()) {
      first = pid(c);
    }
    pg.terminate(first);

    try (Connection c = reusing.getConnection()) {
      assertThat(pid(c)).isNotEqualTo(first);
    }
  }

  @Test
  void aConnectionGivenBackInsideATransactionIsClosedNotReused() throws SQLException {
    int first;
    try (Connection c = reusing.getConnection()) {
      c.setAutoCommit(false);
      first = pid(c);
    }
    try (Connection c = reusing.getConnection();
        Handle admin = pg.adminHandle()) {
      assertThat(pid(c)).isNotEqualTo(first);
      assertThat(
              admin
                  .createQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = :pid")
                  .bind("pid", first)
                  .mapTo(Integer.class)
                  .one())
          .isZero();
    }
  }

  @Test
  void aClosedBorrowedConnectionCannotBeUsedAgain() throws SQLException {
    Connection c = reusing.getConnection();
    c.close();
    c.close();

    assertThat(c.isClosed()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.createStatement())
        .isInstanceOf(SQLException.class);
  }

  private static PGSimpleDataSource target() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(PostgresSchema.URL);
    return dataSource;
  }

  private static int pid(Connection c) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
