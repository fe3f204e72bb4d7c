package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.Placeholders;
import casemail.message.StandardMessageDraft;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.stream.Collectors;

/**
 * Settings → Messages (admins only: checked for every /settings path by the HTTP verticle): list, add, edit and delete standard messages. A refused
 * form comes back with every problem next to its field and everything typed.
 */
public final class StandardMessageRoutes {

  private static final String LIST = "/settings/messages";

  private final Bus bus;
  private final Pages pages;

  public StandardMessageRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get(LIST).handler(this::list);
    router.get(LIST + "/new").handler(ctx -> form(ctx, 200, null, new JsonObject(),
        new JsonObject().put("case_type", "")));
    router.post(LIST).handler(ctx -> save(ctx, null));
    router.get(LIST + "/:id").handler(this::edit);
    router.post(LIST + "/:id").handler(ctx -> save(ctx, id(ctx)));
    router.post(LIST + "/:id/delete").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    var request = new JsonObject().put("administration_id", administrationId(ctx));
    bus.request(Addresses.STANDARD_MESSAGE_LIST, request)
        .onSuccess(page -> pages.render(ctx, "staff/settings-messages", new JsonObject()
            .put(Pages.TITLE_KEY, "messages.title")
            .put("items", rows(page.getJsonArray("items")))
            .put("saved", ctx.request().getParam("saved") != null)
            .put("deleted", ctx.request().getParam("deleted") != null)))
        .onFailure(ctx::fail);
  }

  private void edit(RoutingContext ctx) {
    find(ctx, id(ctx))
        .onSuccess(found -> form(ctx, 200, found.getLong("id"), new JsonObject(), found.copy()
            .put("case_type", found.getString("case_type", ""))
            .put("cc", joined(found.getJsonArray("cc")))
            .put("bcc", joined(found.getJsonArray("bcc")))))
        .onFailure(ctx::fail);
  }

  private void save(RoutingContext ctx, Long id) {
    var form = ctx.request().formAttributes();
    var values = new JsonObject();
    for (var field : new String[] {"description", "case_type", "subject", "cc", "bcc", "body"}) {
      values.put(field, form.get(field));
    }
    var checked = StandardMessageDraft.check(form.get("description"), form.get("case_type"),
        form.get("subject"), form.get("cc"), form.get("bcc"), form.get("body"));
    if (!checked.isValid()) {
      form(ctx, 422, id, checked.problems(), values);
      return;
    }
    var request = checked.draft().toJson().put("administration_id", administrationId(ctx));
    var saved = id == null ? bus.request(Addresses.STANDARD_MESSAGE_CREATE, request)
        : bus.request(Addresses.STANDARD_MESSAGE_UPDATE, request.put("id", id));
    saved.onSuccess(ignored -> ctx.redirect(LIST + "?saved=1"))
        .onFailure(failure -> {
          var known = BusFailure.from(failure);
          if (known.code() == 422) {
            form(ctx, 422, id, known.fields(), values);
          } else {
            ctx.fail(known);
          }
        });
  }

  private void delete(RoutingContext ctx) {
    var request = new JsonObject().put("administration_id", administrationId(ctx))
        .put("id", id(ctx));
    bus.request(Addresses.STANDARD_MESSAGE_DELETE, request)
        .onSuccess(ignored -> ctx.redirect(LIST + "?deleted=1"))
        .onFailure(ctx::fail);
  }

  private void form(RoutingContext ctx, int status, Long id, JsonObject problems,
      JsonObject values) {
    var placeholders = new JsonArray();
    Placeholders.names(null).forEach(name -> placeholders.add("{{" + name + "}}"));
    pages.render(ctx, status, "staff/settings-message", new JsonObject()
        .put(Pages.TITLE_KEY, id == null ? "messages.new" : "messages.edit")
        .put("action", id == null ? LIST : LIST + "/" + id)
        .put("id", id)
        .put("form", values)
        .put("problems", problems)
        .put("hasProblems", !problems.isEmpty())
        .put("caseTypes", caseTypes(values.getString("case_type")))
        .put("placeholders", placeholders)
        .put("invoicePlaceholders", "{{invoice.number}}, {{invoice.amount}}, "
            + "{{invoice.open_amount}}, {{invoice.due_date}}")
        .put("matterPlaceholders", "{{matter.reference}}, {{matter.total}}"));
  }

  private Future<JsonObject> find(RoutingContext ctx, long id) {
    var request = new JsonObject().put("administration_id", administrationId(ctx)).put("id", id);
    return bus.request(Addresses.STANDARD_MESSAGE_GET, request);
  }

  private static JsonArray caseTypes(String selected) {
    var options = new JsonArray().add(new JsonObject().put("value", "")
        .put("label", useOn(null)).put("selected", selected == null || selected.isEmpty()));
    for (var type : StandardMessageDraft.CASE_TYPES) {
      options.add(new JsonObject().put("value", type).put("label", useOn(type))
          .put("selected", type.equals(selected)));
    }
    return options;
  }

  private static JsonArray rows(JsonArray items) {
    var rows = new JsonArray();
    items.forEach(item -> {
      var standard = (JsonObject) item;
      var type = standard.getString("case_type");
      rows.add(standard.copy()
          .put("url", LIST + "/" + standard.getLong("id"))
          .put("useOn", useOn(type)));
    });
    return rows;
  }

  /** The staff words key of the cases a standard message is for. */
  private static String useOn(String caseType) {
    return "use_on." + (caseType == null ? "any" : caseType);
  }

  private static long id(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw BusFailure.notFound("Standard message");
    }
  }

  private static long administrationId(RoutingContext ctx) {
    return StaffSession.current(ctx).administrationId();
  }

  private static String joined(JsonArray addresses) {
    return addresses.stream().map(String::valueOf).collect(Collectors.joining("; "));
  }
}
