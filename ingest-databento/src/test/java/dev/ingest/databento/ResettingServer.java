package dev.ingest.databento;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server for the one thing WireMock cannot do: send half a body and then reset
 * the TCP connection (RST, via SO_LINGER 0), as a dropped link does. The first {@code resets}
 * {@code get_range} calls are cut; later ones get the whole body. {@code metadata.*} calls get an
 * empty JSON list.
 */
final class ResettingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;
  private final byte[] body;
  private final AtomicInteger resetsLeft;
  final AtomicInteger rangeRequests = new AtomicInteger();

  ResettingServer(byte[] body, int resets) throws IOException {
    this.body = body;
    this.resetsLeft = new AtomicInteger(resets);
    this.socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "resetting-server");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        handle(client);
      } catch (IOException e) {
        // closed, or a client gone: serve the next one
      }
    }
  }

  private void handle(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    String requestLine = reader.readLine();
    int length = 0;
    for (String line; (line = reader.readLine()) != null && !line.isEmpty(); ) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    for (int i = 0; i < length; i++) {
      reader.read();
    }
    OutputStream out = client.getOutputStream();
    if (requestLine == null || !requestLine.contains("timeseries.get_range")) {
      out.write(response("application/json", "[]".getBytes(StandardCharsets.US_ASCII)));
      out.flush();
      return;
    }
    rangeRequests.incrementAndGet();
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    out.write(head);
    if (resetsLeft.getAndDecrement() > 0) {
      out.write(body, 0, body.length / 2);
      out.flush();
      client.setSoLinger(true, 0); // close() now sends RST: a reset, not a clean end
      return;
    }
    out.write(body);
    out.flush();
  }

  private static byte[] response(String type, byte[] content) {
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + content.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + content.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(content, 0, all, head.length, content.length);
    return all;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
