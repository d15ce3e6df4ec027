package dev.ingest.store.redis.internal;

import dev.ingest.api.market.Bar;
import dev.ingest.api.model.Symbol;
import dev.ingest.store.redis.RedisKeys;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The hot keys of each symbol (book, ticker, last, trades, bars), built once and kept, so the write
 * path allocates no key strings. Grows with the symbol universe, which is small. Thread-safe.
 */
public final class KeyCache {
  private final RedisKeys keys;
  private final ConcurrentHashMap<Symbol, SymbolKeys> bySymbol = new ConcurrentHashMap<>();

  public KeyCache(RedisKeys keys) {
    this.keys = keys;
  }

  public RedisKeys keys() {
    return keys;
  }

  public Key book(Symbol symbol, @Nullable String exchange) {
    SymbolKeys k = of(symbol);
    return exchange == null
        ? k.book
        : k.venueBooks.computeIfAbsent(exchange, e -> Key.of(keys.book(symbol, e)));
  }

  public Key ticker(Symbol symbol) {
    return of(symbol).ticker;
  }

  public Key last(Symbol symbol) {
    return of(symbol).last;
  }

  public Key trades(Symbol symbol) {
    return of(symbol).trades;
  }

  public Key bars(Symbol symbol, Duration interval) {
    SymbolKeys k = of(symbol);
    if (interval.equals(Bar.FIVE_SECONDS)) {
      return k.bars5s;
    }
    if (interval.equals(Bar.ONE_MINUTE)) {
      return k.bars1min;
    }
    return Key.of(keys.bars(symbol, interval));
  }

  private SymbolKeys of(Symbol symbol) {
    SymbolKeys k = bySymbol.get(symbol);
    return k != null ? k : bySymbol.computeIfAbsent(symbol, s -> new SymbolKeys(keys, s));
  }

  private static final class SymbolKeys {
    final Key book;
    final Key ticker;
    final Key last;
    final Key trades;
    final Key bars5s;
    final Key bars1min;
    final ConcurrentHashMap<String, Key> venueBooks = new ConcurrentHashMap<>();

    SymbolKeys(RedisKeys keys, Symbol s) {
      book = Key.of(keys.book(s, null));
      ticker = Key.of(keys.ticker(s));
      last = Key.of(keys.last(s));
      trades = Key.of(keys.trades(s));
      bars5s = Key.of(keys.bars(s, Bar.FIVE_SECONDS));
      bars1min = Key.of(keys.bars(s, Bar.ONE_MINUTE));
    }
  }
}
