package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One news article with its sentiment (Alpha Vantage {@code NEWS_SENTIMENT} feed item).
 *
 * @since 0.1
 */
public record SentimentArticle(
    String title,
    String url,
    Instant publishedAt,
    String source,
    @Nullable String summary,
    List<String> authors,
    BigDecimal overallScore,
    String overallLabel,
    List<TickerSentiment> tickers) {

  public SentimentArticle {
    Check.notBlank(title, "SentimentArticle.title");
    Check.notBlank(url, "SentimentArticle.url");
    Check.notNull(publishedAt, "SentimentArticle.publishedAt");
    Check.notBlank(source, "SentimentArticle.source");
    authors = Check.list(authors, "SentimentArticle.authors");
    overallScore = Decimals.required(overallScore, "SentimentArticle.overallScore");
    Check.notBlank(overallLabel, "SentimentArticle.overallLabel");
    tickers = Check.list(tickers, "SentimentArticle.tickers");
  }
}
