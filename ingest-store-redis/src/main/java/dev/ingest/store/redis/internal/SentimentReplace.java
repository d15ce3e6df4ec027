package dev.ingest.store.redis.internal;

import dev.ingest.api.market.SentimentFeed;
import dev.ingest.store.redis.RedisKeys;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Replaces a symbol's sentiment set and its monitoring summary together, then publishes on the
 * sentiment channel (seed 002's {@code _store_sentiment_data}). Payloads are built at construction,
 * on the caller's thread.
 */
public final class SentimentReplace extends Op.Replace {
  private final List<Entry> sets;
  private final Key channel;
  private final byte[] notice;

  public SentimentReplace(
      RedisKeys keys, SentimentFeed feed, long sentimentTtl, long monitoringTtl) {
    super(keys.sentiment(feed.symbol()));
    this.sets =
        List.of(
            new Entry(
                Key.of(keys.sentiment(feed.symbol())), Payloads.sentiment(feed), sentimentTtl),
            new Entry(
                Key.of(keys.sentimentMonitoring(feed.symbol())),
                Payloads.sentimentMonitoring(feed),
                monitoringTtl));
    this.channel = Key.of(keys.sentimentChannel());
    this.notice = Payloads.sentimentNotice(feed);
  }

  @Override
  protected @Nullable Key guardKey() {
    return null;
  }

  @Override
  protected List<Entry> sets() {
    return sets;
  }

  @Override
  protected List<Key> deletes() {
    return List.of();
  }

  @Override
  protected Key channel() {
    return channel;
  }

  @Override
  protected byte[] message() {
    return notice;
  }
}
