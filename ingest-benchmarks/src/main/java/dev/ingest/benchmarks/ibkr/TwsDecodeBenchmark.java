package dev.ingest.benchmarks.ibkr;

import dev.ingest.ibkr.internal.wire.AccountSummaryMessage;
import dev.ingest.ibkr.internal.wire.CommissionReportMessage;
import dev.ingest.ibkr.internal.wire.ContractDetailsMessage;
import dev.ingest.ibkr.internal.wire.ErrorMessage;
import dev.ingest.ibkr.internal.wire.ExecutionMessage;
import dev.ingest.ibkr.internal.wire.FrameReader;
import dev.ingest.ibkr.internal.wire.OpenOrderMessage;
import dev.ingest.ibkr.internal.wire.OrderStatusMessage;
import dev.ingest.ibkr.internal.wire.PositionMessage;
import dev.ingest.ibkr.internal.wire.TwsDecoder;
import dev.ingest.ibkr.internal.wire.TwsHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * TWS frames decoded per second from a recorded byte stream of mixed account and order messages
 * ({@link RecordedTwsStream}: 4,860 frames, OPEN_ORDER at 141 fields included): ingest-ibkr's
 * decoder against {@code @stoqey/ib} 1.6.10 decoding the same bytes in the same run. Both cut the
 * stream into frames and every frame into its values (records here, event objects there); the ratio
 * of the two scores is the result. Target: ours at least 10x.
 *
 * <pre>
 * mvn -B -ntp -pl ingest-benchmarks -am package -DskipTests
 * flock /tmp/jmh.lock java -jar ingest-benchmarks/target/benchmarks.jar TwsDecodeBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TwsDecodeBenchmark {

  /** The recorded stream, built once per trial. */
  @State(Scope.Benchmark)
  public static class Stream {
    byte[] bytes;

    @Setup(Level.Trial)
    public void record() {
      bytes = RecordedTwsStream.build();
    }
  }

  /** Our decoder; its string cache stays warm across streams, as on a long-lived connection. */
  @State(Scope.Thread)
  public static class Ours {
    final Sink sink = new Sink();
    final TwsDecoder decoder = new TwsDecoder(sink);
  }

  /** The Node process running stoqey's decoder. */
  @State(Scope.Benchmark)
  public static class Stoqey {
    StoqeyPeer peer;

    @Setup(Level.Trial)
    public void start(Stream stream) throws IOException {
      peer = new StoqeyPeer(stream.bytes, RecordedTwsStream.FRAMES);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      peer.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(RecordedTwsStream.FRAMES)
  public int ingestIbkr(Stream stream, Ours ours, Blackhole bh) throws IOException {
    ours.sink.bh = bh;
    FrameReader frames = new FrameReader(new ByteArrayInputStream(stream.bytes));
    int count = 0;
    while (frames.next()) {
      ours.decoder.decode(
          frames.buffer(), frames.payloadStart(), frames.payloadEnd(), frames.payloadOffset());
      count++;
    }
    if (count != RecordedTwsStream.FRAMES) {
      throw new IllegalStateException("decoded " + count + " frames");
    }
    return count;
  }

  @Benchmark
  @OperationsPerInvocation(RecordedTwsStream.FRAMES)
  public int stoqeyIb(Stoqey stoqey) throws IOException {
    return stoqey.peer.decodeOnce();
  }

  /**
   * The same two decoders measured side by side: one thread each, in the same time windows. On a
   * shared, busy machine this keeps a load swing between the two sequential runs above from skewing
   * the ratio (both then also compete with each other, equally).
   */
  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  @OperationsPerInvocation(RecordedTwsStream.FRAMES)
  public int sideBySideIngestIbkr(Stream stream, Ours ours, Blackhole bh) throws IOException {
    return ingestIbkr(stream, ours, bh);
  }

  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  @OperationsPerInvocation(RecordedTwsStream.FRAMES)
  public int sideBySideStoqeyIb(Stoqey stoqey) throws IOException {
    return stoqey.peer.decodeOnce();
  }

  /** Hands every decoded message to the blackhole, so none is optimized away. */
  static final class Sink implements TwsHandler {
    Blackhole bh;

    @Override
    public void nextValidId(int orderId) {
      bh.consume(orderId);
    }

    @Override
    public void managedAccounts(String accountsList) {
      bh.consume(accountsList);
    }

    @Override
    public void error(ErrorMessage error) {
      bh.consume(error);
    }

    @Override
    public void accountSummary(AccountSummaryMessage message) {
      bh.consume(message);
    }

    @Override
    public void accountSummaryEnd(int reqId) {
      bh.consume(reqId);
    }

    @Override
    public void position(PositionMessage message) {
      bh.consume(message);
    }

    @Override
    public void positionEnd() {
      bh.consume(0);
    }

    @Override
    public void openOrder(OpenOrderMessage message) {
      bh.consume(message);
    }

    @Override
    public void orderStatus(OrderStatusMessage message) {
      bh.consume(message);
    }

    @Override
    public void openOrderEnd() {
      bh.consume(0);
    }

    @Override
    public void execution(ExecutionMessage message) {
      bh.consume(message);
    }

    @Override
    public void executionEnd(int reqId) {
      bh.consume(reqId);
    }

    @Override
    public void commissionReport(CommissionReportMessage message) {
      bh.consume(message);
    }

    @Override
    public void contractDetails(ContractDetailsMessage message) {
      bh.consume(message);
    }

    @Override
    public void contractDetailsEnd(int reqId) {
      bh.consume(reqId);
    }

    @Override
    public void skipped(int messageId) {
      bh.consume(messageId);
    }
  }
}
