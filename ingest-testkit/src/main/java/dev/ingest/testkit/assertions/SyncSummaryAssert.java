package dev.ingest.testkit.assertions;

import dev.ingest.api.sync.SyncSummary;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ checks for a {@link SyncSummary}: {@code assertThat(summary).created(1).updated(0)}.
 *
 * @since 0.1
 */
public final class SyncSummaryAssert extends AbstractAssert<SyncSummaryAssert, SyncSummary> {
  SyncSummaryAssert(SyncSummary actual) {
    super(actual, SyncSummaryAssert.class);
  }

  public SyncSummaryAssert created(int expected) {
    return count("created", actual.created(), expected);
  }

  public SyncSummaryAssert updated(int expected) {
    return count("updated", actual.updated(), expected);
  }

  public SyncSummaryAssert unchanged(int expected) {
    return count("unchanged", actual.unchanged(), expected);
  }

  public SyncSummaryAssert total(int expected) {
    return count("total", actual.total(), expected);
  }

  /** Nothing was created or updated, and {@code total} records were seen. */
  public SyncSummaryAssert allUnchanged(int total) {
    return created(0).updated(0).unchanged(total).total(total);
  }

  private SyncSummaryAssert count(String what, int actualCount, int expected) {
    isNotNull();
    if (actualCount != expected) {
      failWithMessage("expected %s=%d but summary was <%s>", what, expected, actual);
    }
    return this;
  }
}
