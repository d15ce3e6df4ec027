package dev.ingest.api.sync;

import dev.ingest.api.store.UpsertOutcome;
import java.util.List;

/**
 * What one sync did: how many records it created, updated and left unchanged, of {@code total} the
 * broker returned for the account. Prints as {@code created=1, updated=2, unchanged=0, total=3}.
 *
 * @since 0.1
 */
public record SyncSummary(int created, int updated, int unchanged, int total) {

  public static final SyncSummary EMPTY = new SyncSummary(0, 0, 0, 0);

  public SyncSummary {
    if (created < 0 || updated < 0 || unchanged < 0 || total != created + updated + unchanged) {
      throw new IllegalArgumentException(
          "inconsistent summary: created="
              + created
              + ", updated="
              + updated
              + ", unchanged="
              + unchanged
              + ", total="
              + total);
    }
  }

  public static SyncSummary of(List<UpsertOutcome> outcomes) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (UpsertOutcome outcome : outcomes) {
      switch (outcome) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
      }
    }
    return new SyncSummary(created, updated, unchanged, outcomes.size());
  }

  public SyncSummary plus(SyncSummary other) {
    return new SyncSummary(
        created + other.created,
        updated + other.updated,
        unchanged + other.unchanged,
        total + other.total);
  }

  /** Whether the sync wrote nothing. */
  public boolean isUnchanged() {
    return created == 0 && updated == 0;
  }

  @Override
  public String toString() {
    return "created="
        + created
        + ", updated="
        + updated
        + ", unchanged="
        + unchanged
        + ", total="
        + total;
  }
}
