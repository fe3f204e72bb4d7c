package casemail.http.api;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.message.StandardMessageDraft;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.stream.Collectors;

/** {@code /standard-messages}: list, read, add, replace and delete standard messages. */
final class StandardMessageApi {

  private final Bus bus;

  StandardMessageApi(Bus bus) {
    this.bus = bus;
  }

  void list(RoutingContext ctx) {
    var request = new JsonObject()
        .put("administration_id", ApiAuth.administrationId(ctx))
        .put("limit", ctx.queryParam("limit").isEmpty() ? 50
            : Integer.parseInt(ctx.queryParam("limit").get(0)))
        .put("cursor", ctx.queryParam("cursor").isEmpty() ? null : ctx.queryParam("cursor")
            .get(0));
    var json = new ApiJson(ApiAuth.timeZone(ctx));
    bus.request(Addresses.STANDARD_MESSAGE_LIST, request)
        .map(page -> {
          var items = new JsonArray();
          page.getJsonArray("items")
              .forEach(item -> items.add(json.standardMessage((JsonObject) item)));
          return new JsonObject().put("items", items).put("next", page.getString("next"));
        })
        .onSuccess(page -> Responses.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    bus.request(Addresses.STANDARD_MESSAGE_GET, idRequest(ctx))
        .onSuccess(found -> Responses.json(ctx, 200,
            new ApiJson(ApiAuth.timeZone(ctx)).standardMessage(found)))
        .onFailure(ctx::fail);
  }

  void create(RoutingContext ctx) {
    var draft = checked(ctx).toJson().put("administration_id", ApiAuth.administrationId(ctx));
    bus.request(Addresses.STANDARD_MESSAGE_CREATE, draft)
        .onSuccess(created -> Responses.json(ctx, 201,
            new ApiJson(ApiAuth.timeZone(ctx)).standardMessage(created)))
        .onFailure(ctx::fail);
  }

  void update(RoutingContext ctx) {
    var draft = checked(ctx).toJson().mergeIn(idRequest(ctx));
    bus.request(Addresses.STANDARD_MESSAGE_UPDATE, draft)
        .onSuccess(updated -> Responses.json(ctx, 200,
            new ApiJson(ApiAuth.timeZone(ctx)).standardMessage(updated)))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    bus.request(Addresses.STANDARD_MESSAGE_DELETE, idRequest(ctx))
        .onSuccess(deleted -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** The body's standard message, checked; throws the 422 to answer. */
  private static StandardMessageDraft checked(RoutingContext ctx) {
    var body = ctx.<ValidatedRequest>get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST)
        .getBody().getJsonObject();
    var checked = StandardMessageDraft.check(body.getString("description"),
        body.getString("case_type"), body.getString("subject"), joined(body.getJsonArray("cc")),
        joined(body.getJsonArray("bcc")), body.getString("body"));
    if (!checked.isValid()) {
      throw new BusFailure(422, "The standard message has problems", checked.problems());
    }
    return checked.draft();
  }

  private static JsonObject idRequest(RoutingContext ctx) {
    return new JsonObject()
        .put("administration_id", ApiAuth.administrationId(ctx))
        .put("id", Long.parseLong(ctx.pathParam("id")));
  }

  static String joined(JsonArray addresses) {
    return addresses == null ? "" : addresses.stream().map(String::valueOf)
        .collect(Collectors.joining(","));
  }
}
