package casemail.http.api;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.cases.CaseFilter;
import casemail.cases.CaseOrder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Finding cases through the API: lists with the overviews' filters, sorts and keyset paging,
 * and a case named by id or number.
 */
final class CaseApi {

  private final Bus bus;

  CaseApi(Bus bus) {
    this.bus = bus;
  }

  /** A page of cases, filtered and sorted as the overviews are, by the same parameters. */
  void list(RoutingContext ctx, String type) {
    var limit = ctx.queryParam("limit").isEmpty() ? 50
        : Integer.parseInt(ctx.queryParam("limit").get(0));
    var request = new JsonObject()
        .put("administration_id", ApiAuth.administrationId(ctx))
        .put("type", type)
        .put("filter", CaseFilter.of(type, name -> first(ctx, name)).toJson())
        .put("order", CaseOrder.of(type, first(ctx, "sort"), first(ctx, "order")).toJson())
        .put("cursor", first(ctx, "cursor"))
        .put("limit", limit);
    bus.request(Addresses.CASE_LIST, request)
        .onSuccess(page -> Responses.json(ctx, 200, ApiJson.page(type, page)))
        .onFailure(ctx::fail);
  }

  /**
   * {@code {type, id}} for a case given as {@code {type, id | number | reference}}; both an id
   * and a number must name the same case.
   */
  Future<JsonObject> resolve(long administrationId, JsonObject given) {
    var type = given.getString("type");
    var key = "matter".equals(type) ? "reference" : "number";
    var value = given.getString(key);
    var id = given.getLong("id");
    if (id != null && value == null) {
      return Future.succeededFuture(new JsonObject().put("type", type).put("id", id));
    }
    if (value == null) {
      return Future.failedFuture(BusFailure.invalid("case", "Give the case's id or " + key));
    }
    var request = new JsonObject()
        .put("administration_id", administrationId)
        .put("type", type)
        .put("filter", new JsonObject().put(key, value))
        .put("limit", 1);
    return bus.request(Addresses.CASE_LIST, request).map(page -> {
      if (page.getJsonArray("items").isEmpty()) {
        throw BusFailure.notFound(type + " " + value);
      }
      var found = page.getJsonArray("items").getJsonObject(0).getLong("id");
      if (id != null && !id.equals(found)) {
        throw BusFailure.invalid("case", "The id and the " + key + " name different cases");
      }
      return new JsonObject().put("type", type).put("id", found);
    });
  }

  /** The first value of a query parameter; null if absent or blank. */
  static String first(RoutingContext ctx, String name) {
    var values = ctx.queryParam(name);
    return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
  }
}
