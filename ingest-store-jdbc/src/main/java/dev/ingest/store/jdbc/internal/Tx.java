package dev.ingest.store.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One database transaction of a store operation: its handle, and what to do once it committed
 * (publishing ids to a cache must wait for the commit, or a rollback would leave the cache pointing
 * at rows that do not exist). Confined to the thread running the operation.
 */
final class Tx {
  final Handle handle;
  private final List<Runnable> afterCommit = new ArrayList<>();

  Tx(Handle handle) {
    this.handle = handle;
  }

  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  void committed() {
    afterCommit.forEach(Runnable::run);
  }
}
