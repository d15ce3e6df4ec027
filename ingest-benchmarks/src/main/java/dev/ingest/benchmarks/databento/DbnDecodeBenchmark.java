package dev.ingest.benchmarks.databento;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.ingest.databento.DatabentoRecord;
import dev.ingest.databento.DbnReader;
import dev.ingest.databento.internal.DbnDecoder;
import dev.ingest.databento.internal.Layout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * DBN decoding throughput against its two baselines, in one run. Every benchmark makes one pass
 * over the same {@value #RECORDS}-record stream and reports records per second (JMH "ops/s" counts
 * records, via {@link OperationsPerInvocation}); MB/s of decoded DBN is that times the record size
 * (48 bytes for trades, 56 for OHLCV).
 *
 * <ul>
 *   <li>{@code readPlain}: the uncompressed DBN bytes read through a 64 KiB buffer with no
 *       decoding, the memory-bandwidth limit;
 *   <li>{@code zstdOnly}: the zstd bytes decompressed through a 64 KiB buffer, no decoding;
 *   <li>{@code decodePlain} / {@code decodeZstd}: the cursor decoder reading every field of every
 *       record (what a sink writing columns would do), allocation-free;
 *   <li>{@code recordsPlain} / {@code recordsZstd}: {@link DbnReader} materializing each record as
 *       a {@link DatabentoRecord}, what the adapter's stream hands out.
 * </ul>
 *
 * <p>Run: {@code flock /tmp/jmh.lock java -jar ingest-benchmarks/target/benchmarks.jar
 * DbnDecodeBenchmark -f 1 -wi 2 -i 3}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class DbnDecodeBenchmark {
  static final int RECORDS = 1_000_000;

  @Param({"ohlcv-1m", "trades"})
  public String schema;

  private byte[] plain;
  private byte[] zstd;
  private final byte[] buffer = new byte[64 * 1024];

  @Setup
  public void setUp() {
    plain = DbnData.plain(schema, RECORDS);
    zstd = DbnData.zstd(plain);
    checkDecodes(plain);
    checkDecodes(zstd);
  }

  private static void checkDecodes(byte[] bytes) {
    int n = 0;
    try (DbnDecoder decoder = DbnDecoder.open(new ByteArrayInputStream(bytes))) {
      while (decoder.next()) {
        n++;
      }
    }
    if (n != RECORDS) {
      throw new IllegalStateException("decoded " + n + " of " + RECORDS);
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long readPlain() throws IOException {
    return drain(new ByteArrayInputStream(plain), buffer);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long zstdOnly() throws IOException {
    try (InputStream in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(zstd))) {
      return drain(in, buffer);
    }
  }

  /** Reads everything, touching one byte per read so the copy cannot be skipped. */
  static long drain(InputStream in, byte[] buffer) throws IOException {
    long sum = 0;
    for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
      sum += n + buffer[n >>> 1];
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long decodePlain() {
    return decodeFields(plain);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long decodeZstd() {
    return decodeFields(zstd);
  }

  static long decodeFields(byte[] bytes) {
    long sum = 0;
    try (DbnDecoder d = DbnDecoder.open(new ByteArrayInputStream(bytes))) {
      while (d.next()) {
        sum += d.instrumentId() + d.publisherId() + d.tsEvent();
        switch (d.rtype()) {
          case 0x00 ->
              sum +=
                  d.i64(Layout.TRADE_PRICE)
                      + d.u32(Layout.TRADE_SIZE_FIELD)
                      + d.c(Layout.TRADE_ACTION)
                      + d.c(Layout.TRADE_SIDE)
                      + d.u8(Layout.TRADE_FLAGS)
                      + d.u8(Layout.TRADE_DEPTH)
                      + d.i64(Layout.TRADE_TS_RECV)
                      + d.i32(Layout.TRADE_TS_IN_DELTA)
                      + d.u32(Layout.TRADE_SEQUENCE);
          default ->
              sum +=
                  d.i64(Layout.OHLCV_OPEN)
                      + d.i64(Layout.OHLCV_HIGH)
                      + d.i64(Layout.OHLCV_LOW)
                      + d.i64(Layout.OHLCV_CLOSE)
                      + d.i64(Layout.OHLCV_VOLUME);
        }
      }
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void recordsPlain(Blackhole blackhole) {
    materialize(plain, blackhole);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void recordsZstd(Blackhole blackhole) {
    materialize(zstd, blackhole);
  }

  static void materialize(byte[] bytes, Blackhole blackhole) {
    try (DbnReader reader = DbnReader.open(new ByteArrayInputStream(bytes))) {
      for (DatabentoRecord r; (r = reader.next()) != null; ) {
        blackhole.consume(r);
      }
    }
  }
}
