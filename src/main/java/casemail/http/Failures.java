package casemail.http;

import casemail.bus.BusFailure;
import casemail.http.portal.PortalPages;
import casemail.message.Words;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: every failed request ends here. API requests get the JSON error of
 * the API ({@code {"error": {"code", "message", "fields"}}}), pages an error page. Nobody ever
 * sees a stack trace; our own breakage is logged once, here, with its exception.
 */
public final class Failures {

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private static final Map<Integer, String> CODES = Map.of(
      400, "bad_request",
      401, "unauthorized",
      403, "forbidden",
      404, "not_found",
      405, "method_not_allowed",
      409, "conflict",
      413, "too_large",
      422, "invalid",
      429, "too_many_requests",
      503, "unavailable");

  /** How Netty's and the JDK's URL decoders word broken percent-encoding. */
  private static final Pattern DECODING = Pattern.compile(
      "hex byte|escape sequence|URLDecoder|unterminated|incomplete trailing escape");
  private static final String FORM_DECODERS = "io.netty.handler.codec.http.multipart.";
  private static final Pattern MISSING = Pattern.compile("required property \"([^\"]+)\"");

  private final Pages pages;

  public Failures(Pages pages) {
    this.pages = pages;
  }

  public void handle(RoutingContext ctx) {
    var failure = describe(ctx);
    if (failure.code() >= 500 && failure.code() != 503) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (ctx.normalizedPath().startsWith("/api/")) {
      json(ctx, failure);
    } else {
      page(ctx, failure);
    }
  }

  /** What went wrong, as a status, a message for people and the problem per field. */
  static BusFailure describe(RoutingContext ctx) {
    var thrown = ctx.failure();
    if (thrown instanceof HttpException http && http.getCause() instanceof ValidatorException) {
      thrown = http.getCause();
    }
    if (thrown instanceof BusFailure known) {
      return known;
    }
    if (isBrokenEncoding(thrown)) {
      return new BusFailure(400, "The request's address or form is not properly encoded");
    }
    if (thrown instanceof SchemaValidationException invalid) {
      var where = invalid.getOutputUnit() == null ? null
          : invalid.getOutputUnit().getInstanceLocation();
      return new BusFailure(400, invalid.getMessage(), fields(where, invalid.getMessage()));
    }
    if (thrown instanceof ValidatorException invalid) {
      return new BusFailure(400, invalid.getMessage());
    }
    if (thrown instanceof HttpException http) {
      return new BusFailure(http.getStatusCode(), message(http.getStatusCode()));
    }
    int status = thrown == null && ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    return new BusFailure(status, message(status));
  }

  /**
   * Whether decoding the query string or a form body failed: broken percent-encoding, more
   * fields than a form may have, or a multipart body so broken that Netty's decoder fails on
   * it (with a NullPointerException of its own, for a part without a name). The client's
   * mistake, not ours.
   */
  private static boolean isBrokenEncoding(Throwable thrown) {
    for (var cause = thrown; cause != null; cause = cause.getCause()) {
      var trace = cause.getStackTrace();
      var origin = trace.length == 0 ? "" : trace[0].getClassName();
      if (origin.startsWith(FORM_DECODERS)
          || cause instanceof HttpPostRequestDecoder.ErrorDataDecoderException
          || cause instanceof HttpPostRequestDecoder.TooManyFormFieldsException
          || cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null
              && DECODING.matcher(invalid.getMessage()).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The field a schema error is about: where it points, or — for a missing property, which
   * the validator reports at the object holding it — the property named in the message.
   */
  private static JsonObject fields(String where, String message) {
    var path = where == null ? "" : where.replaceFirst("^/", "").replace('/', '.');
    var missing = MISSING.matcher(message == null ? "" : message);
    if (missing.find()) {
      var field = path.isEmpty() ? missing.group(1) : path + "." + missing.group(1);
      return new JsonObject().put(field, "Required");
    }
    return path.isEmpty() ? new JsonObject() : new JsonObject().put(path, message);
  }

  private static String message(int status) {
    return switch (status) {
      case 400 -> "The request could not be understood";
      case 401 -> "Sign in first";
      case 403 -> "You may not do this";
      case 404 -> "Not found";
      case 405 -> "This method is not allowed here";
      case 413 -> "The request is too large";
      case 429 -> "Too many attempts; wait a moment and try again";
      case 503 -> "Casemail is busy or starting; try again shortly";
      default -> status >= 500 ? "Something went wrong on our side" : "The request was refused";
    };
  }

  private static void json(RoutingContext ctx, BusFailure failure) {
    var code = failure.code() >= 500 ? 500 : failure.code();
    var error = new JsonObject()
        .put("code", CODES.getOrDefault(code, code >= 500 ? "internal" : "error"))
        .put("message", code == 500 ? message(500) : failure.getMessage())
        .put("fields", failure.fields());
    ctx.response()
        .setStatusCode(failure.code())
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", error).encode());
  }

  private void page(RoutingContext ctx, BusFailure failure) {
    var status = failure.code();
    if (ctx.normalizedPath().startsWith("/portal")) {
      pages.render(ctx, status, "portal/problem", PortalPages.problem(ctx, status));
      return;
    }
    if (status == 401) {
      // A form with files sent after the session ended is not read (no upload without a user).
      pages.render(ctx, 401, "staff/login", new JsonObject().put("next", "/inbox")
          .put("error", StaffSession.words(ctx).get("error.session_ended")));
      return;
    }
    var model = new JsonObject()
        .put(Pages.TITLE_KEY, status == 404 ? "error.not_found" : "error.title")
        .put("status", status)
        .put("message", pageMessage(StaffSession.words(ctx), failure));
    pages.render(ctx, status, "common/error", model);
  }

  /** A failure's own words where they say more (a refused form), else the page's words. */
  private static String pageMessage(Words words, BusFailure failure) {
    var status = failure.code();
    return switch (status) {
      case 401, 403, 404, 405, 413, 429, 503 -> words.get("error." + status);
      default -> status >= 500 ? words.get("error.500") : failure.getMessage();
    };
  }
}
