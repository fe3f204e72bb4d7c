package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.LogoImage;
import casemail.message.Words;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Settings → Administration (admins only: checked for every /settings path by the HTTP
 * verticle): sender, signature, languages, time zone, portal colour and logo, tracking,
 * payment. The logo comes as its own form with one file, read by the HTTP verticle's body
 * handler for admins only (see {@link #LOGO}).
 */
public final class SettingsRoutes {

  /** The path a logo is uploaded to. */
  public static final String LOGO = "/settings/administration/logo";

  private final Vertx vertx;
  private final Bus bus;
  private final Pages pages;

  public SettingsRoutes(Vertx vertx, Bus bus, Pages pages) {
    this.vertx = vertx;
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/settings").handler(ctx -> ctx.redirect("/settings/administration"));
    router.get("/settings/administration").handler(this::show);
    router.post("/settings/administration").handler(this::save);
    router.post(LOGO).handler(this::uploadLogo);
    router.post(LOGO + "/delete").handler(this::removeLogo);
  }

  private void show(RoutingContext ctx) {
    var notice = ctx.request().getParam("saved") != null ? "admin.saved"
        : ctx.request().getParam("logo") != null ? "logo.saved"
        : ctx.request().getParam("nologo") != null ? "logo.removed" : null;
    administration(ctx)
        .onSuccess(administration -> render(ctx, 200, administration, new JsonObject(),
            notice))
        .onFailure(ctx::fail);
  }

  private void save(RoutingContext ctx) {
    var form = AdministrationForm.check(ctx.request().formAttributes(),
        StaffSession.words(ctx));
    if (!form.isValid()) {
      render(ctx, 422, form.values(), form.problems(), null);
      return;
    }
    var request = form.values().copy()
        .put("administration_id", StaffSession.current(ctx).administrationId());
    bus.request(Addresses.ADMINISTRATION_UPDATE, request)
        .onSuccess(saved -> ctx.redirect("/settings/administration?saved=1"))
        .onFailure(failure -> {
          var known = BusFailure.from(failure);
          if (known.code() == 422) {
            render(ctx, 422, form.values(), known.fields(), null);
          } else {
            ctx.fail(known);
          }
        });
  }

  /** Takes the file only if its content is a small PNG, JPEG or GIF; else names why not. */
  private void uploadLogo(RoutingContext ctx) {
    var upload = ctx.fileUploads().stream().filter(file -> "logo".equals(file.name()))
        .findFirst().orElse(null);
    logoBytes(upload)
        .compose(bytes -> vertx.executeBlocking(() -> new Upload(bytes, LogoImage.check(bytes))))
        .compose(checked -> {
          if (!checked.image().isValid()) {
            return Future.succeededFuture(checked.image().problem());
          }
          return bus.request(Addresses.ADMINISTRATION_LOGO_SET, new JsonObject()
              .put("administration_id", StaffSession.current(ctx).administrationId())
              .put("logo", checked.bytes()).put("logo_type", checked.image().type()))
              .map((LogoImage.Problem) null);
        })
        .onSuccess(problem -> {
          if (problem == null) {
            ctx.redirect("/settings/administration?logo=1");
          } else {
            refuseLogo(ctx, problem);
          }
        })
        .onFailure(ctx::fail);
  }

  private record Upload(byte[] bytes, LogoImage.Checked image) {
  }

  /** The file's bytes; none (or too many to be a logo) are not read at all. */
  private Future<byte[]> logoBytes(FileUpload upload) {
    if (upload == null || upload.size() == 0) {
      return Future.succeededFuture(new byte[0]);
    }
    if (upload.size() > LogoImage.MAX_BYTES) {
      return Future.succeededFuture(new byte[LogoImage.MAX_BYTES + 1]);
    }
    return vertx.fileSystem().readFile(upload.uploadedFileName()).map(buffer -> buffer.getBytes());
  }

  private void refuseLogo(RoutingContext ctx, LogoImage.Problem problem) {
    var words = StaffSession.words(ctx);
    var text = words.get("logo." + problem.key(), LogoImage.MAX_BYTES / 1024,
        LogoImage.MAX_PIXELS_PER_SIDE);
    administration(ctx)
        .onSuccess(administration -> render(ctx, 422, administration,
            new JsonObject().put("logo", text), null))
        .onFailure(ctx::fail);
  }

  private void removeLogo(RoutingContext ctx) {
    bus.request(Addresses.ADMINISTRATION_LOGO_REMOVE, new JsonObject()
            .put("administration_id", StaffSession.current(ctx).administrationId()))
        .onSuccess(removed -> ctx.redirect("/settings/administration?nologo=1"))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> administration(RoutingContext ctx) {
    return CaseRoutes.administration(bus, StaffSession.current(ctx).administrationId());
  }

  /**
   * The page with {@code values} in the settings form; the logo as stored (a refused settings
   * form holds no logo of its own). {@code notice}: the staff words key of a notice, or null.
   */
  private void render(RoutingContext ctx, int status, JsonObject values, JsonObject problems,
      String notice) {
    var logo = values.containsKey("logo_path") ? Future.succeededFuture(values)
        : administration(ctx);
    logo.onSuccess(stored -> pages.render(ctx, status, "staff/settings-administration",
            new JsonObject()
                .put(Pages.TITLE_KEY, "admin.title")
                .put("form", values)
                .put("logoUrl", stored.getString("logo_path"))
                .put("problems", problems)
                .put("hasProblems", !problems.isEmpty() && !problems.containsKey("logo"))
                .put("notice", notice)
                .put("languages", Choices.of(values.getString("default_language"),
                    Words.LANGUAGES.toArray(String[]::new)))
                .put("trackingModes", Choices.of(values.getString("tracking_mode"),
                    AdministrationForm.TRACKING_MODES.toArray(String[]::new)))))
        .onFailure(ctx::fail);
  }
}
