package dev.ingest.databento;

import dev.ingest.api.Beta;
import dev.ingest.api.internal.Check;

/**
 * Tells which instrument a symbol stands for from now on (DBN {@code SymbolMappingMsg}, rtype
 * {@code 0x16}). Sent by the live gateway; appears in mixed streams. DBN v1 records carry no
 * symbology types: theirs read 255 (unset).
 *
 * @param stypeIn symbology id of {@code stypeInSymbol} (1 raw_symbol, 3 continuous, 4 parent, ...,
 *     255 unset)
 * @param stypeInSymbol the symbol as subscribed
 * @param stypeOutSymbol the symbol the instrument goes by (usually its raw symbol)
 * @param startTs start of the mapping, ns, or -1 when unset
 * @param endTs end of the mapping, ns, or -1 when unset
 * @since 0.1
 */
@Beta
public record DatabentoSymbolMapping(
    int publisherId,
    long instrumentId,
    long tsEvent,
    int stypeIn,
    String stypeInSymbol,
    int stypeOut,
    String stypeOutSymbol,
    long startTs,
    long endTs)
    implements DatabentoRecord {

  public DatabentoSymbolMapping {
    Check.notNull(stypeInSymbol, "DatabentoSymbolMapping.stypeInSymbol");
    Check.notNull(stypeOutSymbol, "DatabentoSymbolMapping.stypeOutSymbol");
  }

  @Override
  public int rtype() {
    return 0x16;
  }
}
