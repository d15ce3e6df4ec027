package dev.ingest.store.redis;

import static dev.ingest.store.redis.Samples.SPY;
import static dev.ingest.store.redis.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingest.api.error.DataValidationException;
import dev.ingest.api.error.StorageException;
import dev.ingest.api.market.OptionChain;
import dev.ingest.api.market.OrderBook;
import dev.ingest.api.model.OptionRight;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Names that would make a bad key never reach Redis: the write is reported to the listener, naming
 * the field and the record, and skipped, and the writes around it go on. Reads with such names
 * throw at once.
 */
class RedisSinkValidationTest {
  private static RedisClient redis;
  private final RecordingListener listener = new RecordingListener();
  private String prefix;
  private RedisMarketDataSink sink;

  @BeforeAll
  static void connect() {
    redis = LocalRedis.client("ingest-test-validation");
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void open() {
    prefix = LocalRedis.newPrefix();
    sink =
        RedisMarketDataSink.create(redis, RedisSinkConfig.defaults().withPrefix(prefix), listener);
  }

  @AfterEach
  void clean() {
    sink.close();
    LocalRedis.deleteAll(redis, prefix);
  }

  @Test
  void aBookFromAnExchangeWithASpaceOrWildcardIsReportedAndSkipped() {
    sink.writeTicker(Samples.ticker(SPY));
    sink.writeBook(Samples.book(SPY, "NY SE"));
    sink.writeBook(Samples.book(SPY, "AR*CA"));
    sink.writeBook(Samples.book(SPY, "A:B"));
    sink.writeBook(Samples.book(SPY, "ARCA"));
    sink.flush();

    assertThat(LocalRedis.keys(redis, prefix))
        .containsExactlyInAnyOrder("market:SPY:ticker", "market:SPY:ARCA:book");
    assertThat(listener.rejected)
        .hasSize(3)
        .allSatisfy(
            e -> {
              assertThat(e.recordType()).isEqualTo("OrderBook");
              assertThat(e.field()).isEqualTo("exchange");
              assertThat(e.naturalKey()).isEqualTo("symbol=SPY");
              assertThat(e.provider()).isEqualTo("redis");
            });
  }

  @Test
  void componentsThatAreNotPlainNamesAreReportedAndSkipped() {
    sink.writeMetrics("ibkr metrics", Map.of("x", 1));
    sink.setConnected("ibkr:*", true);
    sink.writeMetrics("ibkr", null);
    sink.setConnected("ibkr", true);
    sink.flush();

    assertThat(LocalRedis.keys(redis, prefix)).containsExactly("ibkr:connected");
    assertThat(listener.rejected).hasSize(3);
    assertThat(listener.rejected.get(0).getMessage()).contains("metrics.component");
    assertThat(listener.rejected.get(1).getMessage()).contains("connected.component");
  }

  @Test
  void aChainWithTwoContractsOfOneIdIsReportedAndSkipped() {
    var call = Samples.contract(SPY, "SPY240315C00500000", OptionRight.CALL, true);

    sink.writeOptionChain(new OptionChain(SPY, T0, List.of(call, call)));
    sink.flush();

    assertThat(LocalRedis.keys(redis, prefix)).isEmpty();
    assertThat(listener.rejected)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getMessage())
                  .contains("OptionChain.contracts")
                  .contains("appears twice");
              assertThat(e.naturalKey()).isEqualTo("underlying=SPY");
            });
  }

  @Test
  void nullRecordsAreReportedNotThrown() {
    sink.writeTicker(null);
    sink.writeTrade(null);
    sink.markStale(SPY, null);

    assertThat(listener.rejected).hasSize(3);
  }

  @Test
  void readsWithNamesThatCannotBeKeysThrowNamingTheField() {
    assertThatThrownBy(() -> sink.book(SPY, "A B"))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("exchange");
    assertThatThrownBy(() -> sink.indicator(SPY, "rsi*"))
        .isInstanceOf(DataValidationException.class)
        .hasMessageContaining("IndicatorSeries.indicator");
    assertThatThrownBy(() -> sink.heartbeat("Ibkr")).isInstanceOf(DataValidationException.class);
    assertThatThrownBy(() -> sink.isConnected("a:b")).isInstanceOf(DataValidationException.class);
  }

  @Test
  void aForeignValueUnderOurKeyFailsTheReadNamingTheKey() {
    redis.set(prefix + "market:SPY:ticker", "{\"bid\": 1}");
    redis.rpush(prefix + "market:SPY:book", "a list, not a string");

    assertThatThrownBy(() -> sink.ticker(SPY))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("key=" + prefix + "market:SPY:ticker");
    assertThatThrownBy(() -> sink.book(SPY, null))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("WRONGTYPE");
  }

  @Test
  void aWriteRedisRejectsIsDroppedAloneAndTheRestOfTheBatchLands() {
    // something else keeps a hash where our trade list goes: Redis answers WRONGTYPE to the push
    redis.hset(prefix + "market:SPY:trades", "not", "a list");

    sink.writeTrade(Samples.trade(SPY, 1));
    sink.writeBook(Samples.book(SPY, null));
    sink.flush();

    assertThat(sink.book(SPY, null)).contains(Samples.book(SPY, null));
    assertThat(sink.lastTrade(SPY)).contains(Samples.trade(SPY, 1));
    assertThat(listener.failedCalls).contains("redis:write");
    assertThat(listener.dropped).containsExactly(1);
    assertThat(redis.hgetAll(prefix + "market:SPY:trades")).containsEntry("not", "a list");
  }

  @Test
  void staleBookkeepingKeepsOnlyTheLastWordPerSymbol() {
    OrderBook ignored = Samples.book(SPY, null);
    sink.writeBook(ignored);
    sink.markStale(SPY, T0);
    sink.clearStale(SPY);
    sink.markStale(SPY, T0.plusSeconds(5));
    sink.flush();

    assertThat(sink.staleSymbols()).containsExactly(Map.entry(SPY, T0.plusSeconds(5)));
  }
}
