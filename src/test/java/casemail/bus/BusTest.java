package casemail.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failures of a consumer come back to the requester with a code the HTTP side can answer. */
class BusTest {

  private final Vertx vertx = Vertx.vertx();
  private final Bus bus = new Bus(vertx);

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void aServerNotAnsweringIs503AndOurOwnBreakage500() throws Exception {
    bus.consume("test.unreachable", request -> Future.failedFuture(
        new IllegalStateException("pool", new ConnectException("Connection refused"))))
        .await(5, TimeUnit.SECONDS);
    bus.consume("test.broken", request -> Future.failedFuture(new IllegalStateException("bug")))
        .await(5, TimeUnit.SECONDS);

    assertThat(code("test.unreachable")).isEqualTo(503);
    assertThat(code("test.broken")).isEqualTo(500);
  }

  private int code(String address) throws Exception {
    var reply = bus.request(address, new JsonObject()).toCompletionStage().toCompletableFuture();
    try {
      reply.get(5, TimeUnit.SECONDS);
      return 200;
    } catch (ExecutionException e) {
      return ((BusFailure) e.getCause()).code();
    }
  }
}
