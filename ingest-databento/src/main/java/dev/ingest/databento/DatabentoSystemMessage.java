package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.internal.Check;

/**
 * A gateway notice inside a stream, heartbeats included (DBN {@code SystemMsg}, rtype {@code
 * 0x17}). DBN v1 records carry only the text: their {@code code} reads 255 (unset).
 *
 * @param code 0 heartbeat, 1 subscription_ack, 2 slow_reader_warning, 3 replay_completed, 4
 *     end_of_interval, 255 unset
 * @since 0.1
 */
@Beta
public record DatabentoSystemMessage(
    int publisherId, long instrumentId, long tsEvent, String message, int code)
    implements DatabentoRecord {

  public DatabentoSystemMessage {
    Check.notNull(message, "DatabentoSystemMessage.message");
  }

  @Override
  public int rtype() {
    return 0x17;
  }

  /** Whether this is a heartbeat (code 0, or a v1 message that says so). */
  public boolean isHeartbeat() {
    return code == 0 || (code == 255 && message.startsWith("Heartbeat"));
  }
}
