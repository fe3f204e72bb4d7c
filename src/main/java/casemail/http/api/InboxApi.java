package casemail.http.api;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.message.InboxQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/inbox}: the inbox's pages as the list shape of the API. */
final class InboxApi {

  private final Bus bus;

  InboxApi(Bus bus) {
    this.bus = bus;
  }

  void list(RoutingContext ctx) {
    InboxQuery query;
    try {
      var limit = CaseApi.first(ctx, "limit");
      query = InboxQuery.of(CaseApi.first(ctx, "filter"), CaseApi.first(ctx, "q"),
          CaseApi.first(ctx, "cursor"), limit == null ? null : Integer.valueOf(limit));
    } catch (BusFailure badInput) {
      ctx.fail(badInput);
      return;
    }
    var json = new ApiJson(ApiAuth.timeZone(ctx));
    var request = query.toJson().put("administration_id", ApiAuth.administrationId(ctx));
    bus.request(Addresses.INBOX_LIST, request)
        .map(page -> {
          var items = new JsonArray();
          page.getJsonArray("items").forEach(item -> items.add(item((JsonObject) item, json)));
          return new JsonObject().put("items", items).put("next", page.getString("next"));
        })
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private static JsonObject item(JsonObject message, ApiJson json) {
    return json.message(message, null).put("customer", new JsonObject()
        .put("id", message.getLong("customer_id"))
        .put("name", message.getString("customer_name")));
  }
}
