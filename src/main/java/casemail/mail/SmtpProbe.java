package casemail.mail;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the SMTP server is reachable, for {@code /ready}: connects, waits for its 220
 * greeting — and, when STARTTLS is required, asks EHLO whether it offers STARTTLS — then says
 * QUIT. Nothing is sent and no login is tried.
 */
final class SmtpProbe {

  private static final long TIMEOUT_MS = 3000;

  private final NetClient client;
  private final String host;
  private final int port;
  private final boolean startTls;

  SmtpProbe(Vertx vertx, String host, int port, boolean startTls) {
    this.client = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout((int) TIMEOUT_MS)
        .setIdleTimeout((int) TimeUnit.MILLISECONDS.toSeconds(TIMEOUT_MS)));
    this.host = host;
    this.port = port;
    this.startTls = startTls;
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
    var dialogue = new Dialogue(socket, promise, startTls);
    socket.handler(RecordParser.newDelimited("\n", line -> dialogue.read(line.toString())));
    socket.closeHandler(closed -> promise.tryFail("SMTP server closed the connection"));
    return promise.future()
        .onComplete(done -> socket.write("QUIT\r\n").eventually(socket::close));
  }

  /** Reads the server's replies line by line: the greeting, then EHLO's if asked. */
  private static final class Dialogue {

    private final NetSocket socket;
    private final Promise<String> outcome;
    private boolean askStartTls;
    private boolean offersStartTls;

    Dialogue(NetSocket socket, Promise<String> outcome, boolean askStartTls) {
      this.socket = socket;
      this.outcome = outcome;
      this.askStartTls = askStartTls;
    }

    /** One line of a reply; a reply's last line has a space after its code. */
    void read(String line) {
      offersStartTls |= line.toUpperCase(Locale.ROOT).contains("STARTTLS");
      if (line.length() >= 4 && line.charAt(3) != ' ') {
        return;
      }
      if (!line.startsWith("2")) {
        outcome.tryFail("SMTP server answered: " + line.strip());
      } else if (askStartTls) {
        askStartTls = false;
        offersStartTls = false;
        socket.write("EHLO casemail\r\n");
      } else if (line.startsWith("250") && !offersStartTls) {
        outcome.tryFail("SMTP server does not offer STARTTLS, which is required");
      } else {
        outcome.tryComplete(line.strip());
      }
    }
  }

  Future<Void> close() {
    return client.close();
  }
}
