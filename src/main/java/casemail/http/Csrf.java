package casemail.http;

import casemail.http.portal.PortalPages;
import casemail.http.portal.PortalSession;
import casemail.message.Words;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Synchronizer-token CSRF protection for every state-changing request to a page, staff and
 * portal (any method but GET, HEAD and OPTIONS; the API authenticates with a key instead): a
 * random token kept in the session must come back in the form's {@code _csrf} field. A missing
 * or stale token shows a page that re-posts what the user typed with a fresh token, so nothing
 * typed is lost — except a password, which is never written into a page and is asked again.
 * When the staff session itself ended, that page is the sign-in page, which then offers the
 * form again. The token is renewed at sign-in and when a portal session opens.
 */
public final class Csrf {

  public static final String FIELD = "_csrf";
  private static final String SESSION_KEY = "csrf";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD,
      HttpMethod.OPTIONS);
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

  /** Forgets the session's token, so that the next page gets a new one. */
  public static void renew(RoutingContext ctx) {
    ctx.session().remove(SESSION_KEY);
  }

  public Handler<RoutingContext> check() {
    return ctx -> {
      if (SAFE.contains(ctx.request().method()) || matches(ctx)) {
        ctx.next();
      } else if (fromAnotherSite(ctx)) {
        refuseFromAnotherSite(ctx);
      } else if (isStaffPage(ctx) && StaffSession.user(ctx).isEmpty()) {
        signInAgain(ctx);
      } else {
        retry(ctx);
      }
    };
  }

  /** The fields of a refused form, to send again: {@code [{name, value}]}, secrets left out. */
  public static JsonArray fields(RoutingContext ctx, String prefix) {
    var fields = new JsonArray();
    ctx.request().formAttributes().forEach(entry -> {
      var name = entry.getKey();
      if (name.startsWith(prefix) && !name.equals(FIELD)
          && !isSecret(name.substring(prefix.length()))) {
        fields.add(new JsonObject().put("name", name.substring(prefix.length()))
            .put("value", entry.getValue()));
      }
    });
    return fields;
  }

  /** Never kept for sending again: a forged form would be one click from being sent. */
  private void refuseFromAnotherSite(RoutingContext ctx) {
    if (ctx.normalizedPath().startsWith("/portal")) {
      var words = Words.of(PortalSession.language(ctx));
      pages.render(ctx, 403, "portal/problem", PortalPages.problem(words, "cross_site"));
      return;
    }
    pages.render(ctx, 403, "common/error", new JsonObject()
        .put(Pages.TITLE_KEY, "error.title")
        .put("message", StaffSession.words(ctx).get("error.cross_site")));
  }

  /**
   * Whether the browser says the form came from another site: {@code Sec-Fetch-Site}, or an
   * {@code Origin} that is not this host (or {@code null}, from a sandboxed frame).
   */
  private static boolean fromAnotherSite(RoutingContext ctx) {
    var request = ctx.request();
    if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
      return true;
    }
    var origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    var host = request.getHeader("Host");
    return host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  private static boolean isStaffPage(RoutingContext ctx) {
    var path = ctx.normalizedPath();
    return !path.startsWith("/portal") && !path.equals("/login");
  }

  /**
   * The staff session ended (or never was): signing out is done already; any other form is
   * kept on the sign-in page, which offers it again once signed in.
   */
  private void signInAgain(RoutingContext ctx) {
    if (ctx.normalizedPath().equals("/logout")) {
      ctx.redirect("/login");
      return;
    }
    var model = new JsonObject()
        .put("next", "/inbox")
        .put("resume", new JsonObject().put("action", ctx.request().uri())
            .put("fields", fields(ctx, "")));
    pages.render(ctx, 401, "staff/login", model);
  }

  private static boolean matches(RoutingContext ctx) {
    String expected = ctx.session() == null ? null : ctx.session().get(SESSION_KEY);
    var given = ctx.request().getFormAttribute(FIELD);
    return expected != null && given != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The form again, to send once the user confirms. Files it carried are not kept (nothing is
   * stored for a request that may be forged): the page names them and its button says the
   * form goes without them.
   */
  private void retry(RoutingContext ctx) {
    var fields = fields(ctx, "");
    var names = ctx.request().formAttributes().names();
    var files = UploadForm.received(ctx).uploads().stream().map(UploadForm.Upload::filename)
        .toList();
    var dropped = files.isEmpty() ? null : String.join(", ", files);
    if (ctx.normalizedPath().startsWith("/portal")) {
      var model = PortalPages.csrfRetry(ctx, dropped).put("action", ctx.request().uri())
          .put("fields", fields);
      pages.render(ctx, 403, "portal/csrf-retry", model);
      return;
    }
    var model = new JsonObject()
        .put("action", ctx.request().uri())
        .put("fields", fields)
        .put("dropped", dropped)
        .put("password", names.contains("password"))
        .put("secrets", names.stream().anyMatch(Csrf::isSecret));
    pages.render(ctx, 403, "common/csrf-retry", model);
  }

  /** A password (sign-in's, or a new one being set): never written into a page. */
  private static boolean isSecret(String field) {
    return field.contains("password");
  }
}
