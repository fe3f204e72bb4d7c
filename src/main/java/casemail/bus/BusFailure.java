package casemail.bus;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * A failure that crosses the event bus with an HTTP-like code (400, 404, 409, 413, 422, 503)
 * and, for bad input, the problem per field, so the HTTP side can answer it directly.
 */
public class BusFailure extends RuntimeException {

  private final int code;
  private final JsonObject fields;

  public BusFailure(int code, String message) {
    this(code, message, new JsonObject());
  }

  public BusFailure(int code, String message, JsonObject fields) {
    super(message, null, false, false);
    this.code = code;
    this.fields = fields;
  }

  public static BusFailure notFound(String what) {
    return new BusFailure(404, what + " not found");
  }

  public static BusFailure invalid(String field, String problem) {
    return new BusFailure(422, problem, new JsonObject().put(field, problem));
  }

  public int code() {
    return code;
  }

  public JsonObject fields() {
    return fields;
  }

  /** The failure as sent in a bus reply: code plus a JSON text carrying message and fields. */
  public String encode() {
    return new JsonObject().put("message", getMessage()).put("fields", fields).encode();
  }

  /** Turns any failure of a bus request back into a {@code BusFailure}. */
  public static BusFailure from(Throwable failure) {
    if (failure instanceof BusFailure known) {
      return known;
    }
    if (failure instanceof ReplyException reply) {
      return fromReply(reply);
    }
    return new BusFailure(500, "Internal error");
  }

  private static BusFailure fromReply(ReplyException reply) {
    if (reply.failureType() != ReplyFailure.RECIPIENT_FAILURE) {
      return new BusFailure(503, "Service unavailable, try again shortly");
    }
    try {
      var body = new JsonObject(reply.getMessage());
      return new BusFailure(reply.failureCode(), body.getString("message"),
          body.getJsonObject("fields", new JsonObject()));
    } catch (DecodeException | NullPointerException e) {
      return new BusFailure(reply.failureCode(), "Internal error");
    }
  }
}
