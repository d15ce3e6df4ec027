package dev.ingest.store.redis.internal;

import java.nio.charset.StandardCharsets;

/**
 * A Redis key (or channel) as text and as the UTF-8 bytes sent, computed once. The hot keys of a
 * symbol are cached in {@link KeyCache}, so a write builds no strings.
 *
 * @param bytes not copied: treat as read-only
 */
public record Key(String text, byte[] bytes) {
  public static Key of(String text) {
    return new Key(text, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return text;
  }
}
