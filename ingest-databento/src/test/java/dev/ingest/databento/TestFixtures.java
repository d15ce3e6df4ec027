package dev.ingest.databento;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the copied fixtures (see src/test/resources/dev/ingest/databento/PROVENANCE.md). */
public final class TestFixtures {
  private TestFixtures() {}

  public static byte[] bytes(String path) {
    try (InputStream in = TestFixtures.class.getResourceAsStream("/dev/ingest/databento/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's DBN bytes, decompressed when it is a {@code .zst}. */
  public static byte[] dbn(String path) {
    byte[] raw = bytes(path);
    if (!path.endsWith(".zst")) {
      return raw;
    }
    try (InputStream in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
