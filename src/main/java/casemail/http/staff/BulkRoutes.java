package casemail.http.staff;

import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.BatchSender;
import casemail.http.Flash;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.AttachmentStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The bulk composer, opened by <b>Send messages</b> on an overview selection: the composer's
 * fields without To, a standard message to start from, and a preview of the first cases.
 * <b>Send to customer</b> stores one batch with a personalised message per case and shows its
 * progress; a form refused comes back with every problem named and all that was typed. The
 * form's idempotency key makes a second submit (double click, reload, back and again) lead to
 * the batch of the first.
 */
public final class BulkRoutes {

  /** The one-time notices on the batch page after sending. */
  static final String SENT = "batch.sent";
  static final String SENT_BEFORE = "batch.sent-before";

  private final Bus bus;
  private final AttachmentStore store;
  private final BatchSender sender;
  private final OverviewRoutes overviews;
  private final BulkComposerPage page;
  private final KeptAttachments attachments;

  public BulkRoutes(Bus bus, Pages pages, AttachmentStore store, BatchSender sender,
      OverviewRoutes overviews) {
    this.bus = bus;
    this.store = store;
    this.sender = sender;
    this.overviews = overviews;
    this.page = new BulkComposerPage(bus, pages, sender);
    this.attachments = new KeptAttachments(bus, store);
  }

  public void mount(Router router) {
    router.get("/batches/new").handler(this::compose);
    router.post("/batches").handler(this::submit);
    router.post("/batches/preview").handler(this::preview);
  }

  private void compose(RoutingContext ctx) {
    var bulk = BulkForm.read(ctx.request().params());
    if (bulk.overview().selection().isEmpty()) {
      overviews.show(ctx, bulk.overview(), 422,
          StaffSession.words(ctx).get("overview.select_first"));
      return;
    }
    page.show(ctx, bulk, 200, BulkComposerPage.Shown.empty());
  }

  private void submit(RoutingContext ctx) {
    var form = ComposerForm.read(ctx);
    var bulk = BulkForm.read(ctx.request().formAttributes());
    var checked = form.checked(bulk.type(), StaffSession.words(ctx));
    var problems = form.problems(checked, StaffSession.words(ctx));
    switch (form.action()) {
      case "use" -> useStandard(ctx, bulk, form);
      case "preview" -> show(ctx, bulk, form, 200, problems, null);
      default -> {
        if (problems.isEmpty()) {
          send(ctx, bulk, form);
        } else {
          refuse(ctx, bulk, form, new BusFailure(form.received().tooLarge() ? 413 : 422,
              "The message has problems", problems));
        }
      }
    }
  }

  /** The preview alone, for the composer's script; files are not sent with it. */
  private void preview(RoutingContext ctx) {
    var form = ComposerForm.read(ctx);
    var bulk = BulkForm.read(ctx.request().formAttributes());
    var checked = form.checked(bulk.type(), StaffSession.words(ctx));
    attachments.pending(ctx, form.keptIds())
        .onSuccess(kept -> page.showPreviews(ctx, bulk,
            ComposerRoutes.previewable(checked), kept, checked.problemsJson()))
        .onFailure(ctx::fail);
  }

  private void useStandard(RoutingContext ctx, BulkForm bulk, ComposerForm form) {
    ComposerPage.standardMessage(bus, ctx, bulk.standardMessage())
        .onSuccess(standard -> {
          var values = standard == null ? form.values()
              : ComposerPage.withStandard(form.values().copy(), standard);
          var filled = new ComposerForm(values, form.keptIds(), form.received(), "preview");
          var checked = filled.checked(bulk.type(), StaffSession.words(ctx));
          show(ctx, bulk, filled, 200, checked.problemsJson(), null);
        })
        .onFailure(ctx::fail);
  }

  private void send(RoutingContext ctx, BulkForm bulk, ComposerForm form) {
    var user = StaffSession.current(ctx);
    var request = new BatchSender.Request(bulk.chosen(user.administrationId()), user.id(),
        bulk.expected(), bulk.idempotencyKey(),
        form.checked(bulk.type(), StaffSession.words(ctx)).draft(),
        new JsonArray(form.keptIds()), form.received().json());
    form.received().keepIn(store)
        .compose(ignored -> sender.send(request))
        .onSuccess(batch -> {
          Flash.set(ctx, batch.getBoolean("created") ? SENT : SENT_BEFORE);
          ctx.redirect("/batches/" + batch.getString("id"));
        })
        .onFailure(failure -> refuse(ctx, bulk, form, BusFailure.from(failure)));
  }

  /**
   * A send refused: the form again, with the problems named, or (409) saying the selection
   * changed; nothing was stored.
   */
  private void refuse(RoutingContext ctx, BulkForm bulk, ComposerForm form, BusFailure known) {
    if (known.code() != 409 && known.code() != 413 && known.code() != 422) {
      ctx.fail(known);
      return;
    }
    var changed = known.code() == 409;
    attachments.keep(ctx, form)
        .onSuccess(kept -> page.show(ctx, bulk, known.code(), new BulkComposerPage.Shown(
            form.values(), changed ? new JsonObject() : known.fields(), kept, null,
            changed ? known.getMessage() : null)))
        .onFailure(ctx::fail);
  }

  /** The form again, previewed; {@code notice} said above it, if any. */
  private void show(RoutingContext ctx, BulkForm bulk, ComposerForm form, int status,
      JsonObject problems, String notice) {
    var checked = form.checked(bulk.type(), StaffSession.words(ctx));
    attachments.keep(ctx, form)
        .onSuccess(kept -> page.show(ctx, bulk, status, new BulkComposerPage.Shown(
            form.values(), problems, kept, ComposerRoutes.previewable(checked), notice)))
        .onFailure(ctx::fail);
  }
}
