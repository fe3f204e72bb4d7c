package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.Words;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Settings → Administration (admins only: checked for every /settings path by the HTTP verticle): sender, signature, portal, tracking, payment. */
public final class SettingsRoutes {

  private final Bus bus;
  private final Pages pages;

  public SettingsRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/settings").handler(ctx -> ctx.redirect("/settings/administration"));
    router.get("/settings/administration").handler(this::show);
    router.post("/settings/administration").handler(this::save);
  }

  private void show(RoutingContext ctx) {
    var user = StaffSession.current(ctx);
    CaseRoutes.administration(bus, user.administrationId())
        .onSuccess(administration -> render(ctx, 200, administration, new JsonObject(),
            ctx.request().getParam("saved") != null))
        .onFailure(ctx::fail);
  }

  private void save(RoutingContext ctx) {
    var form = AdministrationForm.check(ctx.request().formAttributes(),
        StaffSession.words(ctx));
    if (!form.isValid()) {
      render(ctx, 422, form.values(), form.problems(), false);
      return;
    }
    var request = form.values().copy()
        .put("administration_id", StaffSession.current(ctx).administrationId());
    bus.request(Addresses.ADMINISTRATION_UPDATE, request)
        .onSuccess(saved -> ctx.redirect("/settings/administration?saved=1"))
        .onFailure(failure -> {
          var known = BusFailure.from(failure);
          if (known.code() == 422) {
            render(ctx, 422, form.values(), known.fields(), false);
          } else {
            ctx.fail(known);
          }
        });
  }

  private void render(RoutingContext ctx, int status, JsonObject values, JsonObject problems,
      boolean saved) {
    var model = new JsonObject()
        .put(Pages.TITLE_KEY, "admin.title")
        .put("form", values)
        .put("problems", problems)
        .put("hasProblems", !problems.isEmpty())
        .put("saved", saved)
        .put("languages", Choices.of(values.getString("default_language"),
            Words.LANGUAGES.toArray(String[]::new)))
        .put("trackingModes", Choices.of(values.getString("tracking_mode"),
            AdministrationForm.TRACKING_MODES.toArray(String[]::new)));
    pages.render(ctx, status, "staff/settings-administration", model);
  }
}
