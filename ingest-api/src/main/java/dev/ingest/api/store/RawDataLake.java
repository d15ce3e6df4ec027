package dev.ingest.api.store;

import dev.ingest.api.model.RawActivity;
import dev.ingest.api.model.RawOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Seed 001's immutable data lake: per account ({@link LakeSlug}), the raw orders upserted to their
 * latest broker state and the append-only raw activities, payloads kept byte-for-byte.
 *
 * <ul>
 *   <li>{@link #upsertOrders}: a stored order is replaced only by a strictly newer {@code
 *       updatedAt}; an older or equal one is {@link UpsertOutcome#UNCHANGED}.
 *   <li>{@link #appendActivities}: insert-or-ignore by id, so a stream fill and its REST twin (same
 *       synthetic id) are one row.
 * </ul>
 *
 * <p>Batches are written whole or not at all. Thread-safe.
 *
 * @since 0.1
 */
public interface RawDataLake {

  /** Creates the account's tables if they do not exist. Idempotent. */
  void ensureAccount(LakeSlug account);

  List<UpsertOutcome> upsertOrders(LakeSlug account, List<RawOrder> orders);

  List<UpsertOutcome> appendActivities(LakeSlug account, List<RawActivity> activities);

  Optional<RawOrder> order(LakeSlug account, String orderId);

  /** All raw orders, ordered by id. */
  List<RawOrder> orders(LakeSlug account);

  /** All raw activities, ordered by (occurredAt, id). */
  List<RawActivity> activities(LakeSlug account);

  /** The newest {@code occurredAt} stored, where backfill resumes from. */
  Optional<Instant> latestActivityTime(LakeSlug account);

  /** The newest order {@code updatedAt} stored. */
  Optional<Instant> latestOrderUpdate(LakeSlug account);
}
