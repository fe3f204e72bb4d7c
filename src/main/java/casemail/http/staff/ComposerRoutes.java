package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Flash;
import casemail.http.MessageWriter;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.AttachmentStore;
import casemail.message.MessageDraft;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The composer on a case: To prefilled with the customer's addresses, CC, BCC, subject, text,
 * attachments, a standard message to start from, and a preview. <b>Send to customer</b> fills
 * the placeholders and stores the message with its delivery and attachments; the mailing
 * verticle sends it. A refused form comes back with every problem next to its field and all
 * that was typed — uploaded files kept as pending attachments.
 */
public final class ComposerRoutes {

  private final Bus bus;
  private final AttachmentStore store;
  private final MessageWriter writer;
  private final ComposerPage page;
  private final KeptAttachments attachments;

  public ComposerRoutes(Bus bus, Pages pages, AttachmentStore store, MessageWriter writer) {
    this.bus = bus;
    this.store = store;
    this.writer = writer;
    this.page = new ComposerPage(bus, pages, writer);
    this.attachments = new KeptAttachments(bus, store);
  }

  public void mount(Router router) {
    for (var type : new String[] {"customer", "invoice", "matter"}) {
      router.get("/" + type + "s/:id/messages/new").handler(ctx -> compose(ctx, type));
      router.post("/" + type + "s/:id/messages").handler(ctx -> submit(ctx, type));
      router.post("/" + type + "s/:id/messages/preview").handler(ctx -> preview(ctx, type));
    }
  }

  private void compose(RoutingContext ctx, String type) {
    ComposerPage.standardMessage(bus, ctx, ctx.request().getParam("standard_message"))
        .onSuccess(standard -> page.showNew(ctx, type, standard))
        .onFailure(ctx::fail);
  }

  private void submit(RoutingContext ctx, String type) {
    var form = ComposerForm.read(ctx);
    var checked = form.checked(type, StaffSession.words(ctx));
    var problems = form.problems(checked, StaffSession.words(ctx));
    if (form.isPreview()) {
      attachments.keep(ctx, form)
          .onSuccess(kept -> page.show(ctx, type, 200, new ComposerPage.Shown(form.values(),
              problems, kept, previewable(checked))))
          .onFailure(ctx::fail);
    } else if (!problems.isEmpty()) {
      refuse(ctx, type, form, form.received().tooLarge() ? 413 : 422, problems);
    } else {
      send(ctx, type, form, checked.draft());
    }
  }

  /** The preview alone, for the composer's script; files are not sent with it. */
  private void preview(RoutingContext ctx, String type) {
    var form = ComposerForm.read(ctx);
    var checked = form.checked(type, StaffSession.words(ctx));
    attachments.pending(ctx, form.keptIds())
        .onSuccess(kept -> page.showPreview(ctx, type, kept, previewable(checked),
            checked.problemsJson()))
        .onFailure(ctx::fail);
  }

  private void send(RoutingContext ctx, String type, ComposerForm form, MessageDraft draft) {
    var user = StaffSession.current(ctx);
    long caseId = CaseRoutes.caseRequest(ctx, type).getLong("id");
    form.received().keepIn(store)
        .compose(ignored -> writer.write(form.messageId(), user.administrationId(), user.id(),
            type, caseId, draft))
        .compose(written -> bus.request(Addresses.MESSAGE_CREATE, draft.toJson()
            .put("id", written.id())
            .put("subject", written.subject())
            .put("body", written.body())
            .put("administration_id", user.administrationId())
            .put("author_id", user.id())
            .put("case", new JsonObject().put("type", type).put("id", caseId))
            .put("attachment_ids", new JsonArray(form.keptIds()))
            .put("attachments", form.received().json())))
        .onSuccess(message -> {
          Flash.set(ctx, isEmailed(message) ? CaseRoutes.SENT : CaseRoutes.PORTAL_ONLY);
          ctx.redirect("/" + type + "s/" + caseId + "#message-" + message.getString("id"));
        })
        .onFailure(failure -> {
          var known = BusFailure.from(failure);
          if (known.code() == 422 || known.code() == 413) {
            refuse(ctx, type, form, known.code(), known.fields());
          } else if (known.code() == 409) {
            refuse(ctx, type, form.asNew(), 409,
                new JsonObject().put("form", known.getMessage()));
          } else {
            ctx.fail(known);
          }
        });
  }

  private static boolean isEmailed(JsonObject message) {
    return message.getJsonArray("deliveries").stream().map(JsonObject.class::cast)
        .anyMatch(delivery -> !"not_emailed".equals(delivery.getString("status")));
  }

  private void refuse(RoutingContext ctx, String type, ComposerForm form, int status,
      JsonObject problems) {
    attachments.keep(ctx, form)
        .onSuccess(kept -> page.show(ctx, type, status,
            new ComposerPage.Shown(form.values(), problems, kept, null)))
        .onFailure(ctx::fail);
  }

  /** The draft to preview: only when its subject and text could be filled. */
  static MessageDraft previewable(MessageDraft.Checked checked) {
    var problems = checked.problems();
    return problems.containsKey("subject") || problems.containsKey("body") ? null
        : checked.draft();
  }
}
