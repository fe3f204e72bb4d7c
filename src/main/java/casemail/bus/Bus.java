package casemail.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request/reply over the event bus with JSON on both sides. Every request has a timeout;
 * failures come back as {@link BusFailure}.
 */
public final class Bus {

  private static final Logger LOG = LoggerFactory.getLogger(Bus.class);
  private static final long DEFAULT_TIMEOUT_MS = 15_000;

  private final Vertx vertx;

  public Bus(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<JsonObject> request(String address, JsonObject body) {
    return request(address, body, DEFAULT_TIMEOUT_MS);
  }

  public Future<JsonObject> request(String address, JsonObject body, long timeoutMs) {
    var options = new DeliveryOptions().setSendTimeout(timeoutMs);
    return vertx.eventBus().<JsonObject>request(address, body, options)
        .map(Message::body)
        .recover(failure -> Future.failedFuture(BusFailure.from(failure)));
  }

  /** Fire and forget: for events nobody answers. */
  public void send(String address, JsonObject body) {
    vertx.eventBus().send(address, body);
  }

  public void publish(String address, JsonObject body) {
    vertx.eventBus().publish(address, body);
  }

  /**
   * Registers a consumer that answers each request with what {@code handler} yields.
   * A {@link BusFailure} is replied with its code; anything else is logged and replied as 500.
   */
  public Future<Void> consume(String address, Function<JsonObject, Future<JsonObject>> handler) {
    return vertx.eventBus().<JsonObject>consumer(address, message -> answer(message, handler))
        .completion();
  }

  private static void answer(
      Message<JsonObject> message, Function<JsonObject, Future<JsonObject>> handler) {
    Future<JsonObject> result;
    try {
      result = handler.apply(message.body());
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onSuccess(message::reply).onFailure(failure -> fail(message, failure));
  }

  private static void fail(Message<JsonObject> message, Throwable failure) {
    if (failure instanceof BusFailure known) {
      message.fail(known.code(), known.encode());
      return;
    }
    if (isUnreachable(failure)) {
      LOG.warn("Request to {} failed: {}", message.address(), failure.toString());
      message.fail(503, new BusFailure(503, "A server Casemail needs is not reachable; "
          + "try again shortly").encode());
      return;
    }
    LOG.error("Request to {} failed", message.address(), failure);
    message.fail(500, new BusFailure(500, "Internal error").encode());
  }

  /** Whether the failure is a server (the database, say) not answering: degraded, not broken. */
  private static boolean isUnreachable(Throwable failure) {
    for (var cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof ClosedChannelException
          || cause instanceof NoRouteToHostException
          || cause instanceof ClosedConnectionException) {
        return true;
      }
    }
    return false;
  }
}
