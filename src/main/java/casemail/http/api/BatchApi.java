package casemail.http.api;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.cases.CaseFilter;
import casemail.cases.Selection;
import casemail.http.BatchProgress;
import casemail.http.BatchSender;
import casemail.http.Formats;
import casemail.message.AttachmentStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.LinkedHashSet;
import java.util.Locale;

/**
 * {@code POST /batches}: one message per case to the customers of many cases, chosen by ids
 * or by the overviews' filter (less {@code except_ids}), and frozen at once: with {@code
 * expected_total}, a selection that no longer holds that many cases is refused with 409 and
 * nothing stored. A repeated {@code idempotency_key} answers the batch stored first. {@code GET
 * /batches/{id}}: its progress.
 */
final class BatchApi {

  private final Bus bus;
  private final AttachmentStore store;
  private final BatchSender sender;
  private final ApiDrafts drafts;

  BatchApi(Bus bus, AttachmentStore store, BatchSender sender) {
    this.bus = bus;
    this.store = store;
    this.sender = sender;
    this.drafts = new ApiDrafts(bus);
  }

  void create(RoutingContext ctx) {
    var body = ctx.<ValidatedRequest>get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST)
        .getBody().getJsonObject();
    var attachments = ApiAttachments.check(body.getJsonArray("attachments"));
    long administrationId = ApiAuth.administrationId(ctx);
    var chosen = chosen(administrationId, body);
    Future.all(drafts.author(administrationId, body.getString("author")),
            drafts.standardMessage(administrationId, body.getLong("standard_message_id")))
        .compose(found -> {
          var draft = ApiDrafts.draft(body, found.resultAt(1), chosen.filter().type());
          long authorId = found.<JsonObject>resultAt(0).getLong("id");
          return attachments.store(store).compose(stored -> sender.send(new BatchSender.Request(
              chosen, authorId, body.getLong("expected_total"), body.getString("idempotency_key"),
              draft, new JsonArray(), stored)));
        })
        .onSuccess(batch -> Responses.json(ctx, 202, new JsonObject()
            .put("id", batch.getString("id"))
            .put("total", batch.getLong("total"))))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    var request = new JsonObject()
        .put("administration_id", ApiAuth.administrationId(ctx))
        .put("id", ctx.pathParam("batch_id"));
    var formats = new Formats(Locale.ROOT, ApiAuth.timeZone(ctx));
    bus.request(Addresses.BATCH_PROGRESS, request)
        .onSuccess(progress -> Responses.json(ctx, 200, new JsonObject()
            .put("id", progress.getString("id"))
            .put("case_type", progress.getString("case_type"))
            .put("subject", progress.getString("subject"))
            .put("created_at", formats.iso(progress.getString("created_at")))
            .mergeIn(BatchProgress.counts(progress))))
        .onFailure(ctx::fail);
  }

  /** The cases asked for: the ids (within the filter, if one is given), or all matching. */
  private static BatchSender.Chosen chosen(long administrationId, JsonObject body) {
    var type = body.getString("case_type");
    var ids = body.getJsonArray("case_ids");
    var filterGiven = body.getJsonObject("filter");
    if (ids == null && filterGiven == null) {
      throw BusFailure.invalid("case_ids", "Give case_ids, or a filter for all matching cases");
    }
    CaseFilter filter;
    try {
      filter = CaseFilter.fromJson(type, filterGiven);
    } catch (BusFailure bad) {
      throw new BusFailure(422, bad.getMessage(), prefixed(bad.fields()));
    }
    var selection = ids != null ? Selection.of(longs(ids))
        : new Selection(true, longs(body.getJsonArray("except_ids", new JsonArray())));
    return new BatchSender.Chosen(administrationId, filter, selection);
  }

  private static LinkedHashSet<Long> longs(JsonArray ids) {
    var values = new LinkedHashSet<Long>();
    ids.forEach(id -> values.add(((Number) id).longValue()));
    return values;
  }

  /** A filter's problems named as the request's fields: {@code filter.status}. */
  private static JsonObject prefixed(JsonObject fields) {
    var named = new JsonObject();
    fields.forEach(field -> named.put("filter." + field.getKey(), field.getValue()));
    return named;
  }
}
