package dev.ingest.store.jdbc.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
          if (fields.buffer.size() >= CHUNK) {
            copy.writeToCopy(fields.buffer.toByteArray(), 0, fields.buffer.size());
            fields.buffer.reset();
          }
        }
        if (fields.buffer.size() > 0) {
          copy.writeToCopy(fields.buffer.toByteArray(), 0, fields.buffer.size());
        }
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    } catch (SQLException e) {
      throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
    }
  }

  /** One row of COPY text: tab-separated fields, {@code \N} for null, backslash escapes. */
  static final class Fields {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK * 2);
    private boolean first = true;

    Fields integer(long value) {
      return raw(Long.toString(value));
    }

    Fields value(ColumnType type, @Nullable Object value) {
      if (value == null) {
        raw("\\N");
        if (type == ColumnType.INSTANT) {
          raw("\\N");
        }
        return this;
      }
      switch (type) {
        case TEXT -> text((String) value);
        case DECIMAL -> raw(((BigDecimal) value).toPlainString());
        case INSTANT -> {
          Instant at = (Instant) value;
          raw(Instants.copyText(at));
          raw(Integer.toString(Instants.nanos(at)));
        }
        case DATE, INTEGER, BIGINT -> raw(value.toString());
      }
      return this;
    }

    private Fields text(String value) {
      StringBuilder escaped = new StringBuilder(value.length() + 8);
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> escaped.append("\\\\");
          case '\t' -> escaped.append("\\t");
          case '\n' -> escaped.append("\\n");
          case '\r' -> escaped.append("\\r");
          default -> escaped.append(c);
        }
      }
      return raw(escaped.toString());
    }

    private Fields raw(String field) {
      if (!first) {
        buffer.write('\t');
      }
      first = false;
      buffer.writeBytes(field.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    void endRow() {
      buffer.write('\n');
      first = true;
    }
  }
}
