package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.BatchProgress;
import casemail.http.Flash;
import casemail.http.Formats;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.Words;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;

/**
 * A batch's progress: {@code /batches/{id}} shows a bar and the counts — stored, sent, failed,
 * portal-only, remaining — and the rate, all from the stored state of each of its deliveries;
 * {@code /batches/{id}/progress} gives the same as JSON, which the page's script polls to
 * update without reloading (without JavaScript, a reload shows the latest).
 */
public final class BatchRoutes {

  private final Bus bus;
  private final Pages pages;

  public BatchRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/batches/:id").handler(this::show);
    router.get("/batches/:id/progress").handler(this::progress);
  }

  private void show(RoutingContext ctx) {
    var user = StaffSession.current(ctx);
    Future.all(progressOf(ctx), CaseRoutes.administration(bus, user.administrationId()))
        .map(all -> view(all.resultAt(0), StaffSession.words(ctx), new Formats(
            StaffSession.words(ctx).locale(), all.<JsonObject>resultAt(1).getString("time_zone"))))
        .onSuccess(model -> pages.render(ctx, "staff/batch", model
            .put("storedNotice", Flash.take(ctx, BulkRoutes.SENT))
            .put("storedBeforeNotice", Flash.take(ctx, BulkRoutes.SENT_BEFORE))))
        .onFailure(ctx::fail);
  }

  private void progress(RoutingContext ctx) {
    progressOf(ctx)
        .onSuccess(progress -> ctx.response()
            .putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store")
            .end(BatchProgress.counts(progress).encode()))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> progressOf(RoutingContext ctx) {
    var request = new JsonObject()
        .put("administration_id", StaffSession.current(ctx).administrationId())
        .put("id", ctx.pathParam("id"));
    return bus.request(Addresses.BATCH_PROGRESS, request);
  }

  private static JsonObject view(JsonObject progress, Words words, Formats formats) {
    var type = progress.getString("case_type");
    var counts = BatchProgress.counts(progress);
    var texts = new JsonObject();
    counts.forEach(count -> texts.put(count.getKey(), count.getValue() instanceof Number number
        ? formats.count(number) : count.getValue()));
    return counts
        .put("texts", texts)
        .put("title", "Batch · " + progress.getString("subject"))
        .put("id", progress.getString("id"))
        .put("subject", progress.getString("subject"))
        .put("cases", words.get("count." + (type == null ? "case" : type),
            progress.getLong("total"), texts.getString("total")))
        .put("author", progress.getString("author_name"))
        .put("createdAt", formats.dateTime(progress.getString("created_at")))
        .put("progressUrl", "/batches/" + progress.getString("id") + "/progress");
  }
}
