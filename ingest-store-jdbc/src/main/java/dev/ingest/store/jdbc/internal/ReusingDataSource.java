package dev.ingest.store.jdbc.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps up to {@code maxIdle} closed-by-the-caller connections open for the next caller, so a store
 * opened from a PostgreSQL URL does not pay a new connection (several milliseconds) per operation.
 * Not a pool: it never limits how many connections are open, has no timeouts and no statistics; an
 * application passes its own pool to {@code JdbcStore.of(DataSource)}.
 *
 * <p>A connection goes back only in a clean state (open, in auto-commit, no transaction pending); a
 * borrowed idle connection is checked with {@link Connection#isValid} first, so one whose backend
 * was terminated is dropped, never handed out. Thread-safe; {@link #close()} closes the idle ones.
 */
public final class ReusingDataSource implements DataSource, AutoCloseable {
  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  private final DataSource target;
  private final int maxIdle;
  private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  public ReusingDataSource(DataSource target, int maxIdle) {
    this.target = target;
    this.maxIdle = maxIdle;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical;
    while ((physical = idle.pollFirst()) != null) {
      if (physical.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return wrap(physical);
      }
      closeQuietly(physical);
    }
    return wrap(target.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials are set on the underlying DataSource");
  }

  /** Closes the idle connections; connections in use close when their borrowers close them. */
  @Override
  public void close() {
    closed.set(true);
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      closeQuietly(c);
    }
  }

  private void giveBack(Connection physical) {
    boolean clean;
    try {
      clean = !physical.isClosed() && physical.getAutoCommit();
    } catch (SQLException e) {
      clean = false;
    }
    if (clean && !closed.get() && idle.size() < maxIdle) {
      idle.offerFirst(physical);
      if (closed.get() && idle.remove(physical)) {
        closeQuietly(physical);
      }
    } else {
      closeQuietly(physical);
    }
  }

  private Connection wrap(Connection physical) {
    return (Connection)
        Proxy.newProxyInstance(
            ReusingDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Borrowed(physical));
  }

  /** The borrower's view: {@code close()} gives the connection back, once. */
  private final class Borrowed implements InvocationHandler {
    private final Connection physical;
    private final AtomicBoolean returned = new AtomicBoolean();

    Borrowed(Connection physical) {
      this.physical = physical;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close" -> {
          if (returned.compareAndSet(false, true)) {
            giveBack(physical);
          }
          return null;
        }
        case "isClosed" -> {
          return returned.get() || physical.isClosed();
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return "Borrowed[" + physical + "]";
        }
        default -> {
          if (returned.get()) {
            throw new SQLException("connection already closed", "08003");
          }
          try {
            return method.invoke(physical, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }
      }
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // it is being thrown away
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target.isWrapperFor(type);
  }
}
