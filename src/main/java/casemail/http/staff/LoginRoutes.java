package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.security.PasswordHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Staff sign-in and sign-out. A new session id is issued at sign-in. */
public final class LoginRoutes {

  /** Verified against when the email is unknown, so both cases take the same time. */
  private static final String DUMMY_HASH = PasswordHasher.hash("no such user");

  private final Vertx vertx;
  private final Bus bus;
  private final Pages pages;

  public LoginRoutes(Vertx vertx, Pages pages) {
    this.vertx = vertx;
    this.bus = new Bus(vertx);
    this.pages = pages;
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
    findUser(email)
        .compose(user -> verify(password, user))
        .onSuccess(user -> {
          if (user == null) {
            var model = new JsonObject().put("email", email).put("next", next)
                .put("error", "The email address or password is not right.");
            pages.render(ctx, 401, "staff/login", model);
          } else {
            StaffSession.signIn(ctx, user);
            ctx.redirect(next);
          }
        })
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    StaffSession.signOut(ctx);
    ctx.redirect("/login");
  }

  private Future<JsonObject> findUser(String email) {
    if (email == null || email.isBlank()) {
      return Future.succeededFuture(null);
    }
    return bus.request(Addresses.USER_FIND, new JsonObject().put("email", email))
        .recover(failure -> Future.succeededFuture(null));
  }

  /** The user without its hash if the password matches, else null. Runs off the event loop. */
  private Future<JsonObject> verify(String password, JsonObject user) {
    var hash = user == null ? DUMMY_HASH : user.getString("password_hash");
    return vertx.executeBlocking(() -> {
      var matches = password != null && PasswordHasher.verify(password, hash);
      if (!matches || user == null) {
        return null;
      }
      var signedIn = user.copy();
      signedIn.remove("password_hash");
      return signedIn;
    }, false);
  }

  /** Only a local path: never an absolute URL, so login cannot redirect off-site. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return "/inbox";
    }
    return next;
  }
}
