package dev.ingest.api.market;

import dev.ingest.api.internal.Check;
import dev.ingest.api.internal.Decimals;
import java.math.BigDecimal;

/**
 * How one article scores one ticker (Alpha Vantage {@code ticker_sentiment}).
 *
 * @since 0.1
 */
public record TickerSentiment(String ticker, BigDecimal relevance, BigDecimal score, String label) {
  public TickerSentiment {
    Check.notBlank(ticker, "TickerSentiment.ticker");
    relevance = Decimals.nonNegative(relevance, "TickerSentiment.relevance");
    score = Decimals.required(score, "TickerSentiment.score");
    Check.notBlank(label, "TickerSentiment.label");
  }
}
