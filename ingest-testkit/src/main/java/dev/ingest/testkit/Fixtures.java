package dev.ingest.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads recorded provider payloads from the test class path, byte-for-byte. Resources live under
 * {@code src/test/resources/dev/ingest/<provider>/}, each folder with the provenance of its files.
 *
 * @since 0.1
 */
public final class Fixtures {
  private Fixtures() {}

  /** The resource's bytes; fails naming the resource when it is missing. */
  public static byte[] bytes(String resource) {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + resource, e);
    }
  }

  /** The resource as UTF-8 text, unchanged. */
  public static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }

  /** The resource as a stream; the caller closes it. */
  public static InputStream open(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
    if (in == null) {
      in = Fixtures.class.getClassLoader().getResourceAsStream(path);
    }
    if (in == null) {
      throw new IllegalArgumentException("no fixture on the class path: " + path);
    }
    return in;
  }
}
