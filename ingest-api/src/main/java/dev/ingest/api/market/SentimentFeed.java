package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.model.Symbol;
import java.time.Instant;
import java.util.List;

/**
 * The news-sentiment set for one symbol as fetched at {@code asOf}; replaces the stored one.
 *
 * @since 0.1
 */
public record SentimentFeed(Symbol symbol, Instant asOf, List<SentimentArticle> articles) {
  public SentimentFeed {
    Check.notNull(symbol, "SentimentFeed.symbol");
    Check.notNull(asOf, "SentimentFeed.asOf");
    articles = Check.list(articles, "SentimentFeed.articles");
  }
}
