package dev.ingest.api.store;

import dev.ingest.api.model.AccountId;
import dev.ingest.api.model.AccountSnapshot;
import dev.ingest.api.model.Execution;
import dev.ingest.api.model.OptionEvent;
import dev.ingest.api.model.Order;
import dev.ingest.api.model.Position;
import java.util.List;
import java.util.Optional;

/**
 * Where seed 000's five record types are persisted, each by its upsert rule:
 *
 * <table>
 *   <caption>Upsert rules</caption>
 *   <tr><th>record</th><th>natural key</th><th>rule</th></tr>
 *   <tr><td>snapshot</td><td>(account, asOf)</td><td>insert; a known key is left as it is</td></tr>
 *   <tr><td>position</td><td>(account, instrument key)</td><td>replaced when it changed</td></tr>
 *   <tr><td>order</td><td>(account, brokerOrderId)</td><td>replaced when the update {@link
 *       Order#supersedes supersedes} the stored state; a late older update never regresses it</td></tr>
 *   <tr><td>execution</td><td>execId</td><td>insert only, never updated</td></tr>
 *   <tr><td>option event</td><td>(account, instrument key, eventAt, type)</td><td>append only;
 *       duplicates ignored</td></tr>
 * </table>
 *
 * <p>Each write takes a batch and returns one {@link UpsertOutcome} per record, in order. A batch
 * is written whole or not at all; a failure throws {@link dev.ingest.api.error.StorageException}.
 * Records repeated inside one batch count once as created or updated and then as unchanged.
 *
 * <p>Implementations are thread-safe: concurrent writers never create a duplicate row and never
 * lose an update. Reads return unmodifiable lists, never null.
 *
 * @since 0.1
 */
public interface BrokerRecordStore {

  List<UpsertOutcome> upsertSnapshots(List<AccountSnapshot> snapshots);

  List<UpsertOutcome> upsertPositions(List<Position> positions);

  List<UpsertOutcome> upsertOrders(List<Order> orders);

  List<UpsertOutcome> insertExecutions(List<Execution> executions);

  List<UpsertOutcome> appendOptionEvents(List<OptionEvent> events);

  /** Snapshots of the account, oldest first. */
  List<AccountSnapshot> snapshots(AccountId account);

  /** Positions of the account, including flat ones, ordered by instrument key. */
  List<Position> positions(AccountId account);

  /** Orders of the account, ordered by broker order id. */
  List<Order> orders(AccountId account);

  Optional<Order> order(AccountId account, String brokerOrderId);

  /** Executions of the account, oldest first (ties by execId). */
  List<Execution> executions(AccountId account);

  /** Option events of the account, oldest first. */
  List<OptionEvent> optionEvents(AccountId account);

  /**
   * The instruments the records refer to. Sync functions resolve every instrument here before
   * writing (seed 000's "contract resolution"), so one contract is one row however many orders,
   * fills and positions name it.
   */
  InstrumentStore instruments();
}
