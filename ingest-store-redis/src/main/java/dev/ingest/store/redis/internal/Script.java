package dev.ingest.store.redis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script the sink runs with {@code EVALSHA}, falling back to {@code EVAL} when the server
 * answers {@code NOSCRIPT} (after a restart or a failover the script cache is empty; {@code EVAL}
 * fills it again on whichever node runs it, which also covers every node of a cluster).
 */
public enum Script {
  /** {@code push_capped.lua}: LPUSH + LTRIM + PEXPIRE as one step. */
  PUSH_CAPPED("push_capped.lua"),
  /** {@code replace.lua}: a guarded replacement of several keys plus a PUBLISH. */
  REPLACE("replace.lua");

  private final byte[] body;
  private final byte[] sha;

  Script(String resource) {
    try (InputStream in = Script.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + resource);
      }
      this.body = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.sha = sha1Hex(body).getBytes(StandardCharsets.US_ASCII);
  }

  /** The script's text, for {@code EVAL} and {@code SCRIPT LOAD}. */
  public byte[] body() {
    return body.clone();
  }

  byte[] bodyBytes() {
    return body;
  }

  /** The SHA-1 Redis files it under, as hex bytes, for {@code EVALSHA}. */
  public byte[] sha() {
    return sha.clone();
  }

  byte[] shaBytes() {
    return sha;
  }

  /** SHA-1 of {@code bytes} as lower-case hex, as Lua's {@code redis.sha1hex} computes it. */
  public static String sha1Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
    }
  }
}
