package casemail.http;

import casemail.http.portal.PortalPages;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer-token CSRF protection for every state-changing form, staff and portal: a random
 * token kept in the session must come back in the form's {@code _csrf} field. A missing or
 * stale token (an expired session) shows a page that re-posts what the user typed with a fresh
 * token, so nothing typed is lost.
 */
public final class Csrf {

  public static final String FIELD = "_csrf";
  private static final String SESSION_KEY = "csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pages pages;

  public Csrf(Pages pages) {
    this.pages = pages;
  }

  /** The session's token, created on first use. */
  public static String token(RoutingContext ctx) {
    var session = ctx.session();
    String token = session.get(SESSION_KEY);
    if (token == null) {
      var bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.put(SESSION_KEY, token);
    }
    return token;
  }

  public Handler<RoutingContext> check() {
    return ctx -> {
      if (ctx.request().method() != HttpMethod.POST || matches(ctx)) {
        ctx.next();
      } else {
        retry(ctx);
      }
    };
  }

  private static boolean matches(RoutingContext ctx) {
    String expected = ctx.session() == null ? null : ctx.session().get(SESSION_KEY);
    var given = ctx.request().getFormAttribute(FIELD);
    return expected != null && given != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private void retry(RoutingContext ctx) {
    var fields = new JsonArray();
    ctx.request().formAttributes().forEach(entry -> {
      if (!entry.getKey().equals(FIELD)) {
        fields.add(new JsonObject().put("name", entry.getKey()).put("value", entry.getValue()));
      }
    });
    if (ctx.normalizedPath().startsWith("/portal")) {
      var model = PortalPages.csrfRetry(ctx).put("action", ctx.request().uri())
          .put("fields", fields);
      pages.render(ctx, 403, "portal/csrf-retry", model);
      return;
    }
    var model = new JsonObject()
        .put("action", ctx.request().uri())
        .put("fields", fields);
    pages.render(ctx, 403, "common/csrf-retry", model);
  }
}
