package dev.ingest.testkit.assertions;

import dev.ingest.api.sync.SyncSummary;

/**
 * Entry point for the testkit's AssertJ checks; import statically next to AssertJ's.
 *
 * @since 0.1
 */
public final class IngestAssertions {
  private IngestAssertions() {}

  public static SyncSummaryAssert assertThat(SyncSummary summary) {
    return new SyncSummaryAssert(summary);
  }
}
