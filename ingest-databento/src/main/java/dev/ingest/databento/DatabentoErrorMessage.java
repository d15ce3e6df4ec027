package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.internal.Check;

/**
 * An error reported inside a stream by the gateway (DBN {@code ErrorMsg}, rtype {@code 0x15}). DBN
 * v1 records carry only the text: their {@code code} reads 255 (unset) and {@code isLast} true.
 *
 * @param code 1 auth_failed, 2 api_key_deactivated, 3 connection_limit_exceeded, 4
 *     symbol_resolution_failed, 5 invalid_subscription, 6 internal_error, 7
 *     skipped_records_after_slow_reading, 255 unset
 * @since 0.1
 */
@Beta
public record DatabentoErrorMessage(
    int publisherId, long instrumentId, long tsEvent, String message, int code, boolean isLast)
    implements DatabentoRecord {

  public DatabentoErrorMessage {
    Check.notNull(message, "DatabentoErrorMessage.message");
  }

  @Override
  public int rtype() {
    return 0x15;
  }
}
