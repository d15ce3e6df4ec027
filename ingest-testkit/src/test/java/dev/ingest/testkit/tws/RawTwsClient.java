package dev.ingest.testkit.tws;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal TWS client for testing the gateway at the byte level. */
final class RawTwsClient implements AutoCloseable {
  final Socket socket;
  final DataInputStream in;
  final OutputStream out;

  RawTwsClient(FakeTwsGateway gateway) throws IOException {
    socket = new Socket(gateway.host(), gateway.port());
    socket.setSoTimeout(5_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  void sendHandshake(String versions) throws IOException {
    byte[] text = versions.getBytes(StandardCharsets.US_ASCII);
    out.write(new byte[] {'A', 'P', 'I', 0});
    out.write(new byte[] {0, 0, 0, (byte) text.length});
    out.write(text);
    out.flush();
  }

  void send(String pipeText) throws IOException {
    out.write(FrameWriter.frame(FrameWriter.fields(pipeText)));
    out.flush();
  }

  /** The next frame, length prefix included. */
  byte[] nextFrameBytes() throws IOException {
    int length = in.readInt();
    byte[] frame = new byte[length + 4];
    frame[0] = (byte) (length >>> 24);
    frame[1] = (byte) (length >>> 16);
    frame[2] = (byte) (length >>> 8);
    frame[3] = (byte) length;
    in.readFully(frame, 4, length);
    return frame;
  }

  /** The next frame in pipe notation. */
  String next() throws IOException {
    byte[] frame = nextFrameBytes();
    return new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8).replace('\0', '|');
  }

  List<String> nextN(int n) throws IOException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  /** Handshake and START_API; returns after the greeting's NEXT_VALID_ID. */
  List<String> connect(int clientId) throws IOException {
    sendHandshake("v100..193");
    next();
    send("71|2|" + clientId + "||");
    List<String> greeting = new ArrayList<>();
    String frame;
    do {
      frame = next();
      greeting.add(frame);
    } while (!frame.startsWith("9|"));
    return greeting;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
