package dev.ingest.databento;

import dev.ingest.api.model.Side;
import org.jspecify.annotations.Nullable;

/** DBN side characters to the SDK's {@link Side}. */
final class Sides {
  private Sides() {}

  static @Nullable Side aggressor(char side) {
    return switch (side) {
      case 'B' -> Side.BUY;
      case 'A' -> Side.SELL;
      default -> null;
    };
  }
}
