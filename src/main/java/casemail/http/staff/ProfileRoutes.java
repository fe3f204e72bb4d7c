package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.UserProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Profile: the signed-in user's own name and signature. */
public final class ProfileRoutes {

  private final Bus bus;
  private final Pages pages;

  public ProfileRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/profile").handler(this::show);
    router.post("/profile").handler(this::save);
  }

  private void show(RoutingContext ctx) {
    var user = StaffSession.current(ctx);
    var request = new JsonObject().put("administration_id", user.administrationId())
        .put("id", user.id());
    bus.request(Addresses.USER_GET, request)
        .onSuccess(found -> render(ctx, 200, found, new JsonObject(),
            ctx.request().getParam("saved") != null))
        .onFailure(ctx::fail);
  }

  private void save(RoutingContext ctx) {
    var profile = UserProfile.check(ctx.request().getFormAttribute("name"),
        ctx.request().getFormAttribute("signature"));
    var values = profile.values();
    if (!profile.isValid()) {
      render(ctx, 422, values, profile.problems(), false);
      return;
    }
    var user = StaffSession.current(ctx);
    var request = values.copy().put("administration_id", user.administrationId())
        .put("id", user.id());
    bus.request(Addresses.USER_UPDATE_PROFILE, request)
        .onSuccess(updated -> {
          StaffSession.refresh(ctx, updated);
          ctx.redirect("/profile?saved=1");
        })
        .onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, int status, JsonObject values, JsonObject problems,
      boolean saved) {
    pages.render(ctx, status, "staff/profile", new JsonObject()
        .put("title", "Profile")
        .put("form", values)
        .put("problems", problems)
        .put("hasProblems", !problems.isEmpty())
        .put("saved", saved));
  }
}
