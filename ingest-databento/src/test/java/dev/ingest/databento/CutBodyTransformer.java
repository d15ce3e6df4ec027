package dev.ingest.databento;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A WireMock transformer that makes a stub's body fail half way: the server has sent part of it
 * when its body stream throws, and the client sees the body end early. WireMock first reads the
 * body once for its request journal; that read gets the whole body, the one sent to the client is
 * cut. Use with {@code withTransformers(CutBodyTransformer.NAME)}.
 */
final class CutBodyTransformer implements ResponseTransformerV2 {
  static final String NAME = "cut-body-half-way";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    byte[] body = response.getBody();
    int cut = body.length / 2;
    return Response.Builder.like(response)
        .but()
        .body(
            () -> {
              boolean forJournal =
                  StackWalker.getInstance()
                      .walk(
                          frames ->
                              frames.anyMatch(f -> f.getClassName().endsWith(".LoggedResponse")));
              return forJournal ? new ByteArrayInputStream(body) : new Cut(body, cut);
            })
        .build();
  }

  private static final class Cut extends InputStream {
    private final byte[] body;
    private final int cut;
    private int at;

    Cut(byte[] body, int cut) {
      this.body = body;
      this.cut = cut;
    }

    @Override
    public int read() throws IOException {
      if (at >= cut) {
        throw new IOException("connection dropped half way (test)");
      }
      return body[at++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (at >= cut) {
        throw new IOException("connection dropped half way (test)");
      }
      int n = Math.min(len, cut - at);
      System.arraycopy(body, at, b, off, n);
      at += n;
      return n;
    }
  }
}
