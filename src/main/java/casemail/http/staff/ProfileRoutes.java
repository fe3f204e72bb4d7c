package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.ClientAddress;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.UserProfile;
import casemail.message.Words;
import casemail.security.LoginThrottle;
import casemail.security.PasswordHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Profile: the signed-in user's own name, signature and page language, and password. Changing
 * the password asks for the current one, counted by the sign-in throttle like a sign-in, and
 * renews the session id.
 */
public final class ProfileRoutes {

  private final Bus bus;
  private final Pages pages;
  private final Credentials credentials;
  private final LoginThrottle throttle;
  private final boolean trustForwardedFor;

  public ProfileRoutes(Vertx vertx, Pages pages, LoginThrottle throttle,
      boolean trustForwardedFor) {
    this.bus = new Bus(vertx);
    this.pages = pages;
    this.credentials = new Credentials(vertx, bus);
    this.throttle = throttle;
    this.trustForwardedFor = trustForwardedFor;
  }

  public void mount(Router router) {
    router.get("/profile").handler(this::show);
    router.post("/profile").handler(this::save);
    router.post("/profile/password").handler(this::changePassword);
  }

  private void show(RoutingContext ctx) {
    var shown = new Shown(new JsonObject(), ctx.request().getParam("saved") != null,
        new JsonObject(), ctx.request().getParam("password") != null);
    withStoredProfile(ctx, 200, shown);
  }

  private void save(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    var user = StaffSession.current(ctx);
    var language = form.contains("language") ? form.get("language") : user.language();
    var profile = UserProfile.check(form.get("name"), form.get("signature"), language,
        user.words());
    var values = profile.values();
    if (!profile.isValid()) {
      render(ctx, 422, values, new Shown(profile.problems(), false, new JsonObject(), false));
      return;
    }
    var request = values.copy().put("administration_id", user.administrationId())
        .put("id", user.id());
    bus.request(Addresses.USER_UPDATE_PROFILE, request)
        .onSuccess(updated -> {
          StaffSession.refresh(ctx, updated);
          ctx.redirect("/profile?saved=1");
        })
        .onFailure(ctx::fail);
  }

  private void changePassword(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    var words = StaffSession.words(ctx);
    var problems = newPasswordProblems(words, form.get("new_password"),
        form.get("new_password_again"));
    var email = StaffSession.current(ctx).email();
    var address = ClientAddress.of(ctx, trustForwardedFor);
    var wait = throttle.begin(email, address);
    if (wait.isPresent()) {
      problems.put("current_password", words.get("problem.password_throttled"));
      withStoredProfile(ctx, 429, Shown.password(problems));
      return;
    }
    credentials.check(email, form.get("current_password"))
        .compose(user -> {
          if (user == null) {
            problems.put("current_password", words.get("problem.password_wrong"));
          } else {
            throttle.succeeded(email, address);
          }
          return problems.isEmpty() ? credentials.change(email, form.get("new_password"))
              .map(true) : Future.succeededFuture(false);
        })
        .onSuccess(changed -> {
          if (changed) {
            ctx.session().regenerateId();
            ctx.redirect("/profile?password=1");
          } else {
            withStoredProfile(ctx, 422, Shown.password(problems));
          }
        })
        .onFailure(ctx::fail);
  }

  private static JsonObject newPasswordProblems(Words words, String password, String again) {
    var problems = new JsonObject();
    if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
      problems.put("new_password", words.get("problem.password_short",
          PasswordHasher.MIN_LENGTH));
    } else if (!password.equals(again)) {
      problems.put("new_password_again", words.get("problem.password_again"));
    }
    return problems;
  }

  /** What the page shows besides the stored profile: problems and notices of both forms. */
  private record Shown(JsonObject problems, boolean saved, JsonObject passwordProblems,
      boolean passwordChanged) {

    static Shown password(JsonObject problems) {
      return new Shown(new JsonObject(), false, problems, false);
    }
  }

  private void withStoredProfile(RoutingContext ctx, int status, Shown shown) {
    var user = StaffSession.current(ctx);
    var request = new JsonObject().put("administration_id", user.administrationId())
        .put("id", user.id());
    bus.request(Addresses.USER_GET, request)
        .onSuccess(found -> render(ctx, status, found, shown))
        .onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, int status, JsonObject values, Shown shown) {
    pages.render(ctx, status, "staff/profile", new JsonObject()
        .put(Pages.TITLE_KEY, "profile.title")
        .put("form", values)
        .put("languages", Choices.of(values.getString("language"),
            Words.STAFF_LANGUAGES.toArray(String[]::new)))
        .put("problems", shown.problems())
        .put("hasProblems", !shown.problems().isEmpty())
        .put("saved", shown.saved())
        .put("passwordProblems", shown.passwordProblems())
        .put("passwordChanged", shown.passwordChanged()));
  }
}
