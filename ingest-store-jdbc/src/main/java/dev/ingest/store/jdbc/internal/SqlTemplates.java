package dev.ingest.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the SQL files under {@code dev/ingest/store/jdbc/} and fills in their {@code ${name}}
 * variables: the schema prefix, dialect types and fragments. Values are our own constants and
 * checked identifiers, never user data. An unknown variable fails rather than reaching the
 * database. Immutable; thread-safe.
 */
final class SqlTemplates {
  private static final String ROOT = "dev/ingest/store/jdbc/";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z_]+)}");

  private final Map<String, String> variables;

  SqlTemplates(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** The same variables plus {@code name = value}. */
  SqlTemplates with(String name, String value) {
    Map<String, String> copy = new HashMap<>(variables);
    copy.put(name, value);
    return new SqlTemplates(copy);
  }

  /** The file {@code path} (relative to the SQL root) with its variables filled in. */
  String load(String path) {
    return render(read(path), path);
  }

  /** The file's statements, split at semicolons that end a line. */
  List<String> statements(String path) {
    List<String> statements = new ArrayList<>();
    for (String part : load(path).split(";\\s*\\n")) {
      String statement = stripComments(part).strip();
      if (!statement.isEmpty()) {
        statements.add(
            statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement);
      }
    }
    return statements;
  }

  String render(String template, String source) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for ${" + m.group(1) + "} in " + source);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String read(String path) {
    try (InputStream in = SqlTemplates.class.getClassLoader().getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("missing SQL resource " + ROOT + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SQL resource " + ROOT + path, e);
    }
  }

  private static String stripComments(String sql) {
    StringBuilder out = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.strip().startsWith("--")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
