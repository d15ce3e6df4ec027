package dev.ingest.alpaca;

import dev.ingest.api.Beta;
import dev.ingest.api.IngestListener;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.model.AccountId;
import java.time.Duration;

/**
 * An {@link IngestListener} that also hears what only the Alpaca ingester knows: stream events per
 * type with their lag, stream state changes and reconnects, gaps the healer filled, and the
 * evidence for or against the synthetic-id hypothesis. Pass one to {@link
 * AlpacaIngester.Builder#listener}; a plain {@code IngestListener} gets the generic calls only
 * ({@code recordsFetched("alpaca", "trade_updates.fill", 1)}, {@code lag}, {@code apiCall}, {@code
 * retry}, {@code validationError}).
 *
 * <p>Every method has a no-op default. Callbacks run on the ingesting threads: keep them quick;
 * whatever they throw is logged and dropped. Implementations must be thread-safe.
 *
 * @since 0.1
 */
@Beta
public interface AlpacaIngestListener extends IngestListener {

  /** A {@code trade_updates} event of type {@code event} arrived {@code lag} after it happened. */
  default void tradeUpdate(AccountId account, String event, Duration lag) {}

  default void streamStateChanged(AccountId account, StreamState state) {}

  /** The stream is listening again after a drop; {@code failedAttempts} connects failed between. */
  default void streamReconnected(AccountId account, int failedAttempts) {}

  /**
   * A backfill or healing pass stored {@code rows} rows of {@code recordType} ({@code "FILL"},
   * {@code "order"}) that the stream had missed. Backfill reports {@code "backfill:"}-prefixed
   * types, since at start every row is one the stream could not have seen.
   */
  default void gapHealed(AccountId account, String recordType, long rows) {}

  /**
   * A stream fill and a REST fill are the same execution by order, cumulative and own quantity, but
   * the synthetic id {@code streamId} differs from the REST id {@code restId}: evidence that the
   * synthetic-id hypothesis does not hold. They are still stored once.
   */
  default void fillIdMismatch(AccountId account, String streamId, String restId) {}

  /** A stream fill left the healing window without REST ever reporting it. */
  default void unmatchedStreamFill(AccountId account, String activityId) {}

  /** The account stopped for good (refused credentials, keys of another account). */
  default void accountFailed(AccountId account, IngestException error) {}
}
