package casemail.http.staff;

import casemail.bus.Bus;
import casemail.http.ClientAddress;
import casemail.http.Csrf;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.security.LoginThrottle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Staff sign-in and sign-out. A new session id is issued at sign-in; sign-ins are throttled
 * per account and per client address ({@link LoginThrottle}), a refused one answered 429 with
 * the time to try again. A password hash made with older parameters is replaced on sign-in.
 */
public final class LoginRoutes {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Credentials credentials;
  private final Pages pages;
  private final LoginThrottle throttle;
  private final boolean trustForwardedFor;

  public LoginRoutes(Vertx vertx, Pages pages, LoginThrottle throttle,
      boolean trustForwardedFor) {
    this.credentials = new Credentials(vertx, new Bus(vertx));
    this.pages = pages;
    this.throttle = throttle;
    this.trustForwardedFor = trustForwardedFor;
  }

  public void mount(Router router) {
    router.get("/login").handler(this::show);
    router.post("/login").handler(this::login);
    router.post("/logout").handler(this::logout);
    router.get("/").handler(ctx -> ctx.redirect("/inbox"));
  }

  private void show(RoutingContext ctx) {
    var model = new JsonObject().put("next", safeNext(ctx.request().getParam("next")));
    pages.render(ctx, "staff/login", model);
  }

  private void login(RoutingContext ctx) {
    var email = ctx.request().getFormAttribute("email");
    var password = ctx.request().getFormAttribute("password");
    var next = safeNext(ctx.request().getFormAttribute("next"));
    var address = ClientAddress.of(ctx, trustForwardedFor);
    var wait = throttle.begin(email, address);
    if (wait.isPresent()) {
      tooManyAttempts(ctx, email, next, wait.get());
      return;
    }
    credentials.check(email, password)
        .onSuccess(user -> {
          if (user == null) {
            refuse(ctx, 401, email, next, StaffSession.words(ctx).get("login.wrong"));
          } else {
            throttle.succeeded(email, address);
            StaffSession.signIn(ctx, user);
            signedIn(ctx, next);
          }
        })
        .onFailure(ctx::fail);
  }

  /** To the page asked for; or, when the session had ended under a form, that form again. */
  private void signedIn(RoutingContext ctx, String next) {
    var resume = resume(ctx);
    if (resume == null) {
      ctx.redirect(next);
    } else {
      pages.render(ctx, "common/csrf-retry", resume);
    }
  }

  /** The form kept while signing in again ({@code resume.*} fields), or null. */
  private static JsonObject resume(RoutingContext ctx) {
    var action = ctx.request().getFormAttribute("resume_action");
    if (action == null || !safeNext(action).equals(action)) {
      return null;
    }
    return new JsonObject().put("action", action).put("fields", Csrf.fields(ctx, "resume."));
  }

  private void tooManyAttempts(RoutingContext ctx, String email, String next, Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    long minutes = (seconds + 59) / 60;
    var at = TIME.format(Instant.now().plusSeconds(seconds));
    ctx.response().putHeader("Retry-After", String.valueOf(seconds));
    refuse(ctx, 429, email, next, StaffSession.words(ctx).get("login.throttled", minutes, at));
  }

  private void refuse(RoutingContext ctx, int status, String email, String next, String error) {
    var model = new JsonObject().put("email", email).put("next", next).put("error", error)
        .put("resume", resume(ctx));
    pages.render(ctx, status, "staff/login", model);
  }

  private void logout(RoutingContext ctx) {
    StaffSession.signOut(ctx);
    ctx.redirect("/login");
  }

  /**
   * Only a local path: never an absolute URL, so login cannot redirect off-site. Browsers drop
   * tabs and line breaks from a location ({@code /\t/evil.example} is {@code //evil.example})
   * and a header may not hold control characters, so a path with any, or with a space, or a
   * backslash, is not taken.
   */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//")
        || next.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '\\')) {
      return "/inbox";
    }
    return next;
  }
}
