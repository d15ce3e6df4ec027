package dev.ingest.store.jdbc.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keys for PostgreSQL advisory locks. The lock space is shared by everything using the database, so
 * a key is the first 64 bits of the SHA-256 of a name that starts with our own prefix: a collision
 * with another application, or between two of our names, is practically impossible.
 */
public final class AdvisoryLocks {
  private AdvisoryLocks() {}

  public static long key(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("dev.ingest.store.jdbc\u0000" + name).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
