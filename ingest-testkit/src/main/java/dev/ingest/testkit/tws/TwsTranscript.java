package dev.ingest.testkit.tws;

import dev.ingest.api.Beta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A recorded (or hand-written) TWS conversation the fake gateway can replay. One line per frame,
 * fields in pipe notation with a trailing {@code |}:
 *
 * <pre>
 * # comments and blank lines are ignored
 * S: 15|1|DU1234567|          frames sent right after START_API (replace the default greeting)
 * S: 9|1|1|
 * C: 61|1|                    a request the client is expected to send ...
 * S: 61|3|DU1234567|265598|AAPL|STK||0.0|||NASDAQ|USD|AAPL|NMS|100|150.25|
 * S: 62|1|                    ... and the frames that answer it
 * C: 62|1|*|All|*|            '*' matches any field
 * S: 63|1|$2|DU1234567|NetLiquidation|100000.00|USD|    $2 = field 2 of the matched request
 * R: 00 00 00 05 36 32 00     raw bytes, sent as they are
 * X:                          the gateway hangs up
 * </pre>
 *
 * A recorded transcript ({@link FakeTwsGateway#transcript()}) starts with the client's {@code C:
 * 71|2|...} START_API line; the frames after it are then the greeting. A request matches the first
 * unused {@code C:} line with the same number of fields whose fields are equal or {@code *}; the
 * lines after it are then played. Requests no line matches fall back to the gateway's scripted
 * state. Fields cannot contain {@code |}. Immutable.
 *
 * @since 0.1
 */
@Beta
public final class TwsTranscript {

  /** One line of a transcript. */
  public sealed interface Line permits Send, Expect, Raw, Disconnect {}

  /** {@code S:} a frame the gateway sends. */
  public record Send(List<String> fields) implements Line {
    public Send {
      fields = List.copyOf(fields);
    }
  }

  /** {@code C:} a request the client sends; {@code *} matches any field. */
  public record Expect(List<String> pattern) implements Line {
    public Expect {
      pattern = List.copyOf(pattern);
    }

    boolean matches(List<String> fields) {
      if (fields.size() != pattern.size()) {
        return false;
      }
      for (int i = 0; i < fields.size(); i++) {
        if (!pattern.get(i).equals("*") && !pattern.get(i).equals(fields.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code R:} bytes the gateway sends as they are. */
  public record Raw(byte[] bytes) implements Line {
    public Raw {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** {@code X:} the gateway closes the connection. */
  public record Disconnect() implements Line {}

  private final List<Line> lines;

  public TwsTranscript(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  public static TwsTranscript parse(String text) {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String raw : text.split("\r?\n")) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.length() < 2 || line.charAt(1) != ':') {
        throw new IllegalArgumentException(
            "transcript line " + number + " must start with S:, C:, R: or X:, was: " + raw);
      }
      String body = line.substring(2).strip();
      switch (line.charAt(0)) {
        case 'S' -> lines.add(new Send(FrameWriter.fields(body)));
        case 'C' -> lines.add(new Expect(FrameWriter.fields(body)));
        case 'R' -> lines.add(new Raw(HexFormat.of().parseHex(body.replace(" ", ""))));
        case 'X' -> lines.add(new Disconnect());
        default ->
            throw new IllegalArgumentException(
                "transcript line " + number + " must start with S:, C:, R: or X:, was: " + raw);
      }
    }
    return new TwsTranscript(lines);
  }

  /** Reads a UTF-8 transcript, e.g. from the class path; does not close the stream. */
  public static TwsTranscript read(InputStream in) {
    try {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Line> lines() {
    return lines;
  }

  /** The frames the gateway would send ({@code S:} and {@code R:} lines), as one byte stream. */
  public byte[] serverBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Line line : lines) {
      if (line instanceof Send send) {
        out.writeBytes(FrameWriter.frame(send.fields()));
      } else if (line instanceof Raw raw) {
        out.writeBytes(raw.bytes());
      }
    }
    return out.toByteArray();
  }

  /** How many {@code S:} frames it holds. */
  public int serverFrameCount() {
    return (int) lines.stream().filter(l -> l instanceof Send).count();
  }

  /** The transcript text, which {@link #parse} reads back. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      if (line instanceof Send send) {
        out.append("S: ").append(FrameWriter.pipe(send.fields()));
      } else if (line instanceof Expect expect) {
        out.append("C: ").append(FrameWriter.pipe(expect.pattern()));
      } else if (line instanceof Raw raw) {
        out.append("R: ").append(HexFormat.ofDelimiter(" ").formatHex(raw.bytes()));
      } else {
        out.append("X:");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
