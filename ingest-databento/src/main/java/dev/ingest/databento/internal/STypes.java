package dev.ingest.databento.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** DBN symbology types. Internal. */
public final class STypes {
  public static final int INSTRUMENT_ID = 0;
  public static final int NULL = 0xFF;

  private static final List<String> NAMES =
      List.of(
          "instrument_id",
          "raw_symbol",
          "smart",
          "continuous",
          "parent",
          "nasdaq_symbol",
          "cms_symbol",
          "isin",
          "us_code",
          "bbg_comp_id",
          "bbg_comp_ticker",
          "figi",
          "figi_ticker");

  private STypes() {}

  /** The type's name, null for 0xFF (mixed / unset), {@code stype#<id>} for one we do not know. */
  public static @Nullable String name(int id) {
    if (id == NULL) {
      return null;
    }
    return id < NAMES.size() ? NAMES.get(id) : "stype#" + id;
  }

  /** Whether {@code name} is a symbology type requests may use. */
  public static boolean isKnown(String name) {
    return NAMES.contains(name);
  }

  public static List<String> names() {
    return NAMES;
  }
}
