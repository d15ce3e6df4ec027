package dev.ingest.benchmarks.databento;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same comparisons as {@link DbnDecodeBenchmark}, paired: each invocation makes one pass of the
 * baseline, one of the cursor decoder and one of record materialization over the same stream, back
 * to back, and adds each pass's nanoseconds to its own counter. On a shared machine whose load
 * drifts, the ratio of the counters stays meaningful where separately timed benchmarks do not.
 * Ratio = {@code baselineNanos / decodeNanos} (1.0 means decoding is as fast as the baseline);
 * records/s of a kind = {@code passes * 1e6 / (nanos / 1e9)}.
 *
 * <p>Run: {@code flock /tmp/jmh.lock java -jar ingest-benchmarks/target/benchmarks.jar
 * DbnDecodePairedBenchmark -f 1 -wi 2 -i 3}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class DbnDecodePairedBenchmark {

  @Param({"ohlcv-1m", "trades"})
  public String schema;

  private byte[] plain;
  private byte[] zstd;

  /** Nanoseconds spent in each pass during one iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Passes {
    /** Invocations, each one pass of every kind over {@link DbnDecodeBenchmark#RECORDS} records. */
    public long passes;

    public long baselineNanos;
    public long decodeNanos;
    public long recordsNanos;
    final byte[] buffer = new byte[64 * 1024];

    @Setup(Level.Iteration)
    public void reset() {
      passes = 0;
      baselineNanos = 0;
      decodeNanos = 0;
      recordsNanos = 0;
    }
  }

  @Setup
  public void setUp() {
    plain = DbnData.plain(schema, DbnDecodeBenchmark.RECORDS);
    zstd = DbnData.zstd(plain);
  }

  /** Plain DBN: reading the bytes vs decoding every field vs materializing records. */
  @Benchmark
  public long plain(Passes passes, Blackhole blackhole) throws IOException {
    long t0 = System.nanoTime();
    long read = DbnDecodeBenchmark.drain(new ByteArrayInputStream(plain), passes.buffer);
    long t1 = System.nanoTime();
    long decoded = DbnDecodeBenchmark.decodeFields(plain);
    long t2 = System.nanoTime();
    DbnDecodeBenchmark.materialize(plain, blackhole);
    long t3 = System.nanoTime();
    passes.passes++;
    passes.baselineNanos += t1 - t0;
    passes.decodeNanos += t2 - t1;
    passes.recordsNanos += t3 - t2;
    return read + decoded;
  }

  /** zstd DBN: decompressing alone vs decompressing and decoding vs materializing records. */
  @Benchmark
  public long zstd(Passes passes, Blackhole blackhole) throws IOException {
    long t0 = System.nanoTime();
    long read;
    try (InputStream in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(zstd))) {
      read = DbnDecodeBenchmark.drain(in, passes.buffer);
    }
    long t1 = System.nanoTime();
    long decoded = DbnDecodeBenchmark.decodeFields(zstd);
    long t2 = System.nanoTime();
    DbnDecodeBenchmark.materialize(zstd, blackhole);
    long t3 = System.nanoTime();
    passes.passes++;
    passes.baselineNanos += t1 - t0;
    passes.decodeNanos += t2 - t1;
    passes.recordsNanos += t3 - t2;
    return read + decoded;
  }
}
