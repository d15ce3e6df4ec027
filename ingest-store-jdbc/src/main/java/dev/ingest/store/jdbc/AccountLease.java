package dev.ingest.store.jdbc;

import dev.ingest.api.Beta;
import dev.ingest.api.model.AccountId;
import dev.ingest.store.jdbc.internal.AdvisoryLocks;
import dev.ingest.store.jdbc.internal.Storage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ownership of one broker account by one ingester process, so that several processes can share a
 * PostgreSQL database without two of them syncing the same account at once: scale out by starting
 * more processes, with no coordinator of your own.
 *
 * <pre>{@code
 * try (AccountLease lease = store.lease(account, Duration.ofSeconds(30)).orElseThrow()) {
 *   while (running && lease.isHeld()) {
 *     AccountSync.sync(broker, account, store.records());
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>It is a PostgreSQL session-level advisory lock, held on a connection of its own for the
 * lease's life. If the process dies, its connection closes and the lock is released at once, with
 * no expiry to wait for. If the connection is lost while the process lives, the lock is lost too:
 * check {@link #isHeld()} before each sync cycle and stop syncing when it says false. The lock key
 * is derived from the store's schema and the account, so stores on different schemas never contend.
 *
 * <p>Thread-safe. Close it to hand the account over; closing is idempotent.
 *
 * @since 0.1
 */
@Beta
public final class AccountLease implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AccountLease.class);
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final AccountId account;
  private final long key;
  private final Handle handle;
  private final AtomicBoolean released = new AtomicBoolean();

  private AccountLease(AccountId account, long key, Handle handle) {
    this.account = account;
    this.key = key;
    this.handle = handle;
  }

  static Optional<AccountLease> acquire(Storage storage, AccountId account, Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be >= 0, was " + timeout);
    }
    long key = keyOf(storage, account);
    Handle handle = storage.openHandle("leaseAccount");
    try {
      boolean acquired = timeout.isZero() ? tryLock(handle, key) : lock(handle, key, timeout);
      if (!acquired) {
        handle.close();
        log.info(
            "account owned elsewhere account={} holder={}",
            account,
            holder(storage, account).orElse("(released meanwhile)"));
        return Optional.empty();
      }
      log.info("account lease taken account={}", account);
      return Optional.of(new AccountLease(account, key, handle));
    } catch (RuntimeException e) {
      handle.close();
      throw e;
    }
  }

  private static boolean tryLock(Handle handle, long key) {
    return handle
        .createQuery("SELECT pg_try_advisory_lock(:key)")
        .bind("key", key)
        .mapTo(Boolean.class)
        .one();
  }

  /** Waits in the database, bounded by a transaction-local lock_timeout. */
  private static boolean lock(Handle handle, long key, Duration timeout) {
    handle.begin();
    try {
      handle
          .createQuery("SELECT set_config('lock_timeout', :timeout, true)")
          .bind("timeout", Math.max(1, timeout.toMillis()) + "ms")
          .mapTo(String.class)
          .one();
      handle
          .createQuery("SELECT 1 FROM (SELECT pg_advisory_lock(:key)) AS locked")
          .bind("key", key)
          .mapTo(Integer.class)
          .one();
      // a session-level advisory lock outlives the transaction that took it
      handle.commit();
      return true;
    } catch (JdbiException e) {
      handle.rollback();
      if (e.getCause() instanceof SQLException sql
          && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  static Optional<String> holder(Storage storage, AccountId account) {
    long key = keyOf(storage, account);
    return storage.read(
        "leaseHolder",
        h ->
            h.createQuery(
                    "SELECT 'pid=' || a.pid || ' application=' || COALESCE(a.application_name, '')"
                        + " || ' client=' || COALESCE(host(a.client_addr), 'local')"
                        + " || ' since=' || a.backend_start"
                        + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                        + " AND l.classid::bigint = :high AND l.objid::bigint = :low"
                        + " AND l.database = (SELECT oid FROM pg_database"
                        + " WHERE datname = current_database())")
                .bind("high", key >>> 32)
                .bind("low", key & 0xffffffffL)
                .mapTo(String.class)
                .findFirst());
  }

  private static long keyOf(Storage storage, AccountId account) {
    return AdvisoryLocks.key(
        "account:" + (storage.schema() == null ? "" : storage.schema()) + ":" + account.value());
  }

  public AccountId account() {
    return account;
  }

  /**
   * Whether this process still owns the account: the lease is open and its connection still holds
   * the lock. Asks the database; false (never an exception) if the connection is gone.
   */
  public boolean isHeld() {
    if (released.get()) {
      return false;
    }
    try {
      synchronized (handle) {
        return handle
                .createQuery(
                    "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND pid = pg_backend_pid() AND objsubid = 1"
                        + " AND classid::bigint = :high AND objid::bigint = :low")
                .bind("high", key >>> 32)
                .bind("low", key & 0xffffffffL)
                .mapTo(Integer.class)
                .one()
            > 0;
      }
    } catch (JdbiException e) {
      log.warn("account lease lost account={} cause={}", account, e.getMessage());
      return false;
    }
  }

  /** Hands the account over: releases the lock and its connection. Idempotent. */
  @Override
  public void close() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    synchronized (handle) {
      try {
        handle
            .createQuery("SELECT pg_advisory_unlock(:key)")
            .bind("key", key)
            .mapTo(Boolean.class)
            .one();
      } catch (JdbiException e) {
        // the connection is gone, and the lock with it
        log.debug("account lease released with its connection account={}", account);
      } finally {
        closePhysically();
        handle.close();
      }
    }
    log.info("account lease released account={}", account);
  }

  /**
   * A lease's connection is never handed to anyone else: were the unlock to have failed, a reused
   * connection would still hold the account.
   */
  private void closePhysically() {
    try {
      handle.getConnection().unwrap(Connection.class).close();
    } catch (SQLException e) {
      log.debug("closing the lease connection failed account={} cause={}", account, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "AccountLease[account=" + account + ", released=" + released.get() + "]";
  }
}
