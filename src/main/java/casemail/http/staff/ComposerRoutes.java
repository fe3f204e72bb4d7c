package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Formats;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.MessageDraft;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.stream.Collectors;

/**
 * The composer on a case: To prefilled with the customer's addresses, subject and text.
 * <b>Send to customer</b> stores the message and its delivery; the mailing verticle sends it.
 * A refused form comes back with every problem next to its field and all that was typed.
 */
public final class ComposerRoutes {

  private final Bus bus;
  private final Pages pages;

  public ComposerRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    for (var type : new String[] {"customer", "invoice", "matter"}) {
      router.get("/" + type + "s/:id/messages/new").handler(ctx -> compose(ctx, type));
      router.post("/" + type + "s/:id/messages").handler(ctx -> send(ctx, type));
    }
  }

  private void compose(RoutingContext ctx, String type) {
    bus.request(Addresses.CASE_GET, CaseRoutes.caseRequest(ctx, type))
        .onSuccess(found -> {
          var emails = found.getJsonObject("customer").getJsonArray("emails");
          var to = emails.stream().map(String::valueOf).collect(Collectors.joining("; "));
          var form = new JsonObject().put("to", to);
          render(ctx, 200, found, form, new JsonObject());
        })
        .onFailure(ctx::fail);
  }

  private void send(RoutingContext ctx, String type) {
    var form = ctx.request().formAttributes();
    var checked = MessageDraft.check(form.get("to"), form.get("cc"), form.get("bcc"),
        form.get("subject"), form.get("body"));
    var request = CaseRoutes.caseRequest(ctx, type);
    if (!checked.isValid()) {
      refuse(ctx, request, type, checked.problemsJson());
      return;
    }
    var user = StaffSession.current(ctx);
    var create = checked.draft().toJson()
        .put("administration_id", user.administrationId())
        .put("author_id", user.id())
        .put("case", new JsonObject().put("type", type).put("id", request.getLong("id")));
    bus.request(Addresses.MESSAGE_CREATE, create)
        .onSuccess(message -> ctx.redirect("/" + type + "s/" + request.getLong("id")
            + "?sent=1#message-" + message.getString("id")))
        .onFailure(failure -> {
          var known = BusFailure.from(failure);
          if (known.code() == 422) {
            refuse(ctx, request, type, known.fields());
          } else {
            ctx.fail(known);
          }
        });
  }

  private void refuse(RoutingContext ctx, JsonObject request, String type, JsonObject problems) {
    var form = new JsonObject();
    ctx.request().formAttributes().forEach(entry -> form.put(entry.getKey(), entry.getValue()));
    bus.request(Addresses.CASE_GET, request)
        .onSuccess(found -> render(ctx, 422, found, form, problems))
        .onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, int status, JsonObject found, JsonObject form,
      JsonObject problems) {
    var formats = new Formats(CaseRoutes.STAFF_LOCALE, "Europe/Amsterdam");
    var model = new CaseView(formats).of(found)
        .put("form", form)
        .put("problems", problems)
        .put("hasProblems", !problems.isEmpty());
    pages.render(ctx, status, "staff/composer", model);
  }
}
