package casemail.mail;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;

/**
 * Whether the SMTP server is reachable, for {@code /ready}: connects, waits for its 220
 * greeting, says QUIT. Nothing is sent and no login is tried.
 */
final class SmtpProbe {

  private static final long TIMEOUT_MS = 3000;

  private final NetClient client;
  private final String host;
  private final int port;

  SmtpProbe(Vertx vertx, String host, int port) {
    this.client = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout((int) TIMEOUT_MS)
        .setIdleTimeout((int) TimeUnit.MILLISECONDS.toSeconds(TIMEOUT_MS)));
    this.host = host;
    this.port = port;
  }

  /** {@code {ok: true}}, or fails with 503 saying why. */
  Future<JsonObject> check(JsonObject ignored) {
    return client.connect(port, host)
        .compose(this::greeting)
        .timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(line -> new JsonObject().put("ok", true))
        .recover(failure -> Future.failedFuture(new BusFailure(503,
            "SMTP server not reachable: " + Outcomes.reason(failure))));
  }

  private Future<String> greeting(NetSocket socket) {
    Promise<String> promise = Promise.promise();
    var received = Buffer.buffer();
    socket.handler(data -> {
      received.appendBuffer(data);
      var text = received.toString();
      if (text.contains("\n")) {
        socket.write("QUIT\r\n").eventually(socket::close);
        if (text.startsWith("220")) {
          promise.tryComplete(text.strip());
        } else {
          promise.tryFail("SMTP server greeted with: " + text.strip());
        }
      }
    });
    socket.closeHandler(closed -> promise.tryFail("SMTP server closed the connection"));
    return promise.future().onFailure(failure -> socket.close());
  }

  Future<Void> close() {
    return client.close();
  }
}
