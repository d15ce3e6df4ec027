package dev.ingest.store.jdbc.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into PostgreSQL with {@code COPY ... FROM STDIN} in its text format, in chunks, so a
 * large batch never exists as one big string. The only class that touches the pgjdbc API, so SQLite
 * users need no PostgreSQL classes at run time.
 */
final class PostgresCopy {
  private static final int CHUNK = 64 * 1024;

  private PostgresCopy() {}

  /** Writes row {@code i}'s fields with {@code out}. */
  @FunctionalInterface
  interface RowWriter {
    void write(int i, Fields out);
  }

  static void copy(Connection connection, String copySql, int rows, RowWriter writer) {
    try {
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
      try {
        Fields fields = new Fields();
        for (int i = 0; i < rows; i++) {
          writer.write(i, fields);
          fields.endRow();
          if (fields.size >= CHUNK) {
            copy.writeToCopy(fields.buffer, 0, fields.size);
            fields.size = 0;
          }
        }
        if (fields.size > 0) {
          copy.writeToCopy(fields.buffer, 0, fields.size);
        }
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  /** One row of COPY text: tab-separated fields, {@code \N} for null, backslash escapes. */
  static final class Fields {
    private byte[] buffer = new byte[CHUNK * 2];
    private int size;
    private boolean first = true;

    Fields integer(long value) {
      return ascii(Long.toString(value));
    }

    Fields value(ColumnType type, @Nullable Object value) {
      if (value == null) {
        ascii("\\N");
        if (type == ColumnType.INSTANT) {
          ascii("\\N");
        }
        return this;
      }
      switch (type) {
        case TEXT -> text((String) value);
        case DECIMAL -> ascii(((BigDecimal) value).toPlainString());
        case INSTANT -> {
          Instant at = (Instant) value;
          ascii(Instants.text(at));
          ascii(Integer.toString(Instants.nanos(at)));
        }
        case DATE, INTEGER, BIGINT -> ascii(value.toString());
      }
      return this;
    }

    /** Text as COPY reads it: backslash, tab, newline and carriage return escaped; UTF-8. */
    private Fields text(String value) {
      separate();
      int length = value.length();
      ensure(length);
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          // rare in broker data: encode the rest the slow, general way
          escapedUtf8(value.substring(i));
          return this;
        }
        switch (c) {
          case '\\' -> put('\\', '\\');
          case '\t' -> put('\\', 't');
          case '\n' -> put('\\', 'n');
          case '\r' -> put('\\', 'r');
          default -> {
            ensure(1);
            buffer[size++] = (byte) c;
          }
        }
      }
      return this;
    }

    private void escapedUtf8(String rest) {
      String escaped =
          rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
      byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buffer, size, bytes.length);
      size += bytes.length;
    }

    /** A field known to be ASCII with nothing to escape (numbers, times). */
    private Fields ascii(String field) {
      separate();
      int length = field.length();
      ensure(length);
      for (int i = 0; i < length; i++) {
        buffer[size++] = (byte) field.charAt(i);
      }
      return this;
    }

    private void put(char a, char b) {
      ensure(2);
      buffer[size++] = (byte) a;
      buffer[size++] = (byte) b;
    }

    private void separate() {
      if (!first) {
        ensure(1);
        buffer[size++] = '\t';
      }
      first = false;
    }

    private void ensure(int more) {
      if (size + more > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
      }
    }

    void endRow() {
      ensure(1);
      buffer[size++] = '\n';
      first = true;
    }
  }
}
