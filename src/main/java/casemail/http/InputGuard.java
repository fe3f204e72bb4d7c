package casemail.http;

import casemail.bus.BusFailure;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, with a 400 naming the field, any request whose query, form or JSON body holds a NUL
 * character: no text of Casemail may hold one (PostgreSQL cannot store it), and no browser
 * sends one from a form, so only a hostile client meets this. Every other value is checked by
 * the form or API it is meant for.
 */
public final class InputGuard implements Handler<RoutingContext> {

  private static final char NUL = '\0';

  @Override
  public void handle(RoutingContext ctx) {
    var field = inParams(ctx.request().params())
        .or(() -> inParams(ctx.request().formAttributes()))
        .or(() -> inJson(ctx));
    if (field.isPresent()) {
      var problem = "Holds a NUL character, which no text may hold";
      ctx.fail(new BusFailure(400, "The request holds a NUL character (in ‘" + field.get()
          + "’): nothing was changed", new JsonObject().put(field.get(), problem)));
    } else {
      ctx.next();
    }
  }

  private static Optional<String> inParams(MultiMap params) {
    return params.entries().stream()
        .filter(entry -> hasNul(entry.getKey()) || hasNul(entry.getValue()))
        .map(entry -> printable(entry.getKey()))
        .findFirst();
  }

  private static Optional<String> inJson(RoutingContext ctx) {
    var body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0) {
      return Optional.empty();
    }
    try {
      return inValue("", Json.decodeValue(body));
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }

  /** The JSON path (a.b.0) of the first string or key holding a NUL. */
  private static Optional<String> inValue(String path, Object value) {
    if (value instanceof String text) {
      return hasNul(text) ? Optional.of(path) : Optional.empty();
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        var where = path.isEmpty() ? printable(entry.getKey()) : path + "." + printable(
            entry.getKey());
        var found = hasNul(entry.getKey()) ? Optional.of(where) : inValue(where, entry.getValue());
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        var found = inValue(path.isEmpty() ? String.valueOf(i) : path + "." + i, array.getValue(i));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasNul(String text) {
    return text != null && text.indexOf(NUL) >= 0;
  }

  private static String printable(String name) {
    return name.replace(NUL, '?');
  }
}
