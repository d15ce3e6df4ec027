package dev.ingest.alpaca.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One account's recent fills by {@link FillKey}, so a stream fill and its REST twin become one row
 * even when the synthetic id does not match the REST id (reference §7: that the id after {@code ::}
 * is the stream's {@code execution_id} is a hypothesis). When both ids agree the lake's
 * insert-or-ignore collapses them; when they differ the second copy is not written, and the
 * disagreement is reported, because it means the hypothesis is wrong for this account. A stream
 * fill that finds no twin by either route before it leaves the healing window is reported too.
 *
 * <p>Only what was actually written is {@link #recordStream recorded}, so a failed write never
 * hides the twin that would repair it. Not thread-safe: the account ingester confines it to its
 * write lock.
 */
final class FillLedger {
  enum Source {
    STREAM,
    REST
  }

  /** What to do with an incoming fill. */
  sealed interface Verdict {}

  /** Write it under its own id (a copy already stored under the same id is a no-op). */
  record Append() implements Verdict {}

  /** Its twin is stored under {@code storedId}; {@code firstSeen} says whether to report it. */
  record TwinElsewhere(String storedId, boolean firstSeen) implements Verdict {}

  private static final Append APPEND = new Append();

  private static final class Entry {
    final String id;
    final Source source;
    final Instant occurredAt;
    @Nullable String twinId;
    boolean twinFound;
    boolean reported;

    Entry(String id, Source source, Instant occurredAt) {
      this.id = id;
      this.source = source;
      this.occurredAt = occurredAt;
    }
  }

  /** A stream fill that never met its REST twin. */
  record Unmatched(String activityId, FillKey key, Instant occurredAt) {}

  private final Map<FillKey, Entry> byKey = new HashMap<>();

  Verdict onStream(@Nullable FillKey key, String syntheticId) {
    Entry entry = key == null ? null : byKey.get(key);
    if (entry == null || entry.id.equals(syntheticId)) {
      return APPEND;
    }
    // the REST copy (or an earlier stream copy with another timestamp) is already stored
    boolean first = entry.source == Source.REST && entry.twinId == null;
    if (first) {
      entry.twinId = syntheticId;
    }
    return new TwinElsewhere(entry.id, first);
  }

  Verdict onRest(@Nullable FillKey key, String restId) {
    Entry entry = key == null ? null : byKey.get(key);
    if (entry == null || entry.id.equals(restId) || entry.source == Source.REST) {
      return APPEND;
    }
    boolean first = entry.twinId == null;
    entry.twinId = restId;
    entry.twinFound = true;
    return new TwinElsewhere(entry.id, first);
  }

  /**
   * A stream fill was written under {@code syntheticId}.
   *
   * @param expectTwin whether a later healing pass will still cover its time; a fill that arrives
   *     too late for that is not reported as unmatched, since no pass will look for its twin
   */
  void recordStream(
      @Nullable FillKey key, String syntheticId, Instant occurredAt, boolean expectTwin) {
    if (key != null) {
      Entry entry = new Entry(syntheticId, Source.STREAM, occurredAt);
      entry.twinFound = !expectTwin;
      byKey.putIfAbsent(key, entry);
    }
  }

  /** A REST fill was written (or was already there) under {@code restId}. */
  void recordRest(@Nullable FillKey key, String restId, Instant occurredAt) {
    if (key == null) {
      return;
    }
    Entry entry = byKey.get(key);
    if (entry == null) {
      byKey.put(key, new Entry(restId, Source.REST, occurredAt));
    } else if (entry.id.equals(restId)) {
      entry.twinFound = true;
    }
  }

  /** Rebuilds an entry from a row already in the lake (after a restart). */
  void restore(@Nullable FillKey key, String id, Source source, Instant occurredAt) {
    if (key != null) {
      byKey.putIfAbsent(key, new Entry(id, source, occurredAt));
    }
  }

  /**
   * Reports the stream fills older than {@code reportBefore} that never met their twin (they have
   * had a whole healing window), once each, and forgets every fill older than {@code forgetBefore}.
   */
  List<Unmatched> expire(Instant reportBefore, Instant forgetBefore) {
    List<Unmatched> unmatched = new ArrayList<>();
    for (Iterator<Map.Entry<FillKey, Entry>> it = byKey.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<FillKey, Entry> e = it.next();
      Entry entry = e.getValue();
      if (entry.source == Source.STREAM
          && !entry.twinFound
          && !entry.reported
          && entry.occurredAt.isBefore(reportBefore)) {
        entry.reported = true;
        unmatched.add(new Unmatched(entry.id, e.getKey(), entry.occurredAt));
      }
      if (entry.occurredAt.isBefore(forgetBefore)) {
        it.remove();
      }
    }
    return unmatched;
  }

  int size() {
    return byKey.size();
  }
}
