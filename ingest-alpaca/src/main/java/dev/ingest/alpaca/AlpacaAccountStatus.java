package dev.ingest.alpaca;

import dev.ingest.api.Beta;
import dev.ingest.api.error.IngestException;
import dev.ingest.api.model.AccountId;
import dev.ingest.api.store.LakeSlug;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one account of an {@link AlpacaIngester} is doing, as of the call that returned it.
 *
 * @param destination the account's table suffix in the raw data lake
 * @param stream where its {@code trade_updates} socket is
 * @param reconnects how often the stream came back after a drop
 * @param coveredUpTo the end of the last backfill or healing pass that succeeded, or null before
 *     the first
 * @param failure why the account stopped for good, or null while it runs
 * @since 0.1
 */
@Beta
public record AlpacaAccountStatus(
    LakeSlug destination,
    AccountId account,
    StreamState stream,
    long reconnects,
    @Nullable Instant coveredUpTo,
    @Nullable IngestException failure) {}
