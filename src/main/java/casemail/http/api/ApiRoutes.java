package casemail.http.api;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.message.MessageDraft;
import casemail.security.PortalLinks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ValidatedRequest;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The JSON API under {@code /api/v1}, routed and validated from the OpenAPI document that is
 * also served at {@code /api/v1/openapi.yaml}. Every request carries an API key and sees only
 * its administration.
 */
public final class ApiRoutes {

  public static final String CONTRACT = "openapi.yaml";
  private static final long BODY_LIMIT = 40L * 1024 * 1024;

  private final Bus bus;
  private final PortalLinks links;
  private final String baseUrl;

  public ApiRoutes(Bus bus, PortalLinks links, String baseUrl) {
    this.bus = bus;
    this.links = links;
    this.baseUrl = baseUrl;
  }

  /** The API router, once the contract is read. */
  public Future<Router> router(Vertx vertx) {
    return OpenAPIContract.from(vertx, CONTRACT).map(contract -> build(vertx, contract));
  }

  private Router build(Vertx vertx, OpenAPIContract contract) {
    var builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler())
        .rootHandler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false))
        .rootHandler(new ApiAuth(bus))
        .rootHandler(new QueryDecoding());
    builder.getRoutes().forEach(route -> route.setDoSecurity(false));
    var cases = new CaseApi(bus);
    builder.getRoute("listCustomers").addHandler(ctx -> cases.list(ctx, "customer"));
    builder.getRoute("listInvoices").addHandler(ctx -> cases.list(ctx, "invoice"));
    builder.getRoute("listMatters").addHandler(ctx -> cases.list(ctx, "matter"));
    builder.getRoute("customerTimeline").addHandler(ctx -> timeline(ctx, "customer"));
    builder.getRoute("invoiceTimeline").addHandler(ctx -> timeline(ctx, "invoice"));
    builder.getRoute("matterTimeline").addHandler(ctx -> timeline(ctx, "matter"));
    builder.getRoute("createMessage").addHandler(this::createMessage);
    builder.getRoute("getMessage").addHandler(this::getMessage);
    builder.getRoute("listInbox").addHandler(new InboxApi(bus)::list);
    return builder.createRouter();
  }

  private void timeline(RoutingContext ctx, String type) {
    var request = new JsonObject()
        .put("administration_id", ApiAuth.administrationId(ctx))
        .put("type", type)
        .put("id", Long.parseLong(ctx.pathParam("id")));
    var json = new ApiJson(ApiAuth.timeZone(ctx));
    bus.request(Addresses.TIMELINE_GET, request)
        .map(timeline -> {
          var items = new JsonArray();
          timeline.getJsonArray("items")
              .forEach(item -> items.add(json.message((JsonObject) item, null)));
          return new JsonObject().put("items", items);
        })
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private void createMessage(RoutingContext ctx) {
    var body = ctx.<ValidatedRequest>get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST)
        .getBody().getJsonObject();
    var checked = MessageDraft.check(joined(body.getJsonArray("to")),
        joinedOrEmpty(body.getJsonArray("cc")), joinedOrEmpty(body.getJsonArray("bcc")),
        body.getString("subject"), body.getString("body"));
    if (!checked.isValid()) {
      ctx.fail(new BusFailure(422, "The message has problems", checked.problemsJson()));
      return;
    }
    long administrationId = ApiAuth.administrationId(ctx);
    Future.all(
            new CaseApi(bus).resolve(administrationId, body.getJsonObject("case")),
            author(administrationId, body.getString("author")))
        .compose(found -> bus.request(Addresses.MESSAGE_CREATE, checked.draft().toJson()
            .put("administration_id", administrationId)
            .put("author_id", found.<JsonObject>resultAt(1).getLong("id"))
            .put("case", found.resultAt(0))))
        .onSuccess(message -> Responses.json(ctx, 201, withPortalUrl(ctx, message)))
        .onFailure(ctx::fail);
  }

  private void getMessage(RoutingContext ctx) {
    var request = new JsonObject()
        .put("administration_id", ApiAuth.administrationId(ctx))
        .put("id", ctx.pathParam("message_id"));
    bus.request(Addresses.MESSAGE_GET, request)
        .onSuccess(message -> Responses.json(ctx, 200, withPortalUrl(ctx, message)))
        .onFailure(ctx::fail);
  }

  private JsonObject withPortalUrl(RoutingContext ctx, JsonObject message) {
    var token = links.token(UUID.fromString(message.getString("id")), Instant.now());
    return new ApiJson(ApiAuth.timeZone(ctx))
        .message(message, baseUrl + "/portal/l/" + token);
  }

  /** The author, who must be a user of the same administration. */
  private Future<JsonObject> author(long administrationId, String email) {
    return bus.request(Addresses.USER_FIND, new JsonObject().put("email", email))
        .recover(failure -> Future.failedFuture(
            BusFailure.invalid("author", "No user with this email")))
        .compose(user -> user.getLong("administration_id") == administrationId
            ? Future.succeededFuture(user)
            : Future.failedFuture(BusFailure.invalid("author", "No user with this email")));
  }

  private static String joined(JsonArray addresses) {
    return addresses == null ? null : addresses.stream().map(String::valueOf)
        .collect(Collectors.joining(","));
  }

  private static String joinedOrEmpty(JsonArray addresses) {
    var joined = joined(addresses);
    return joined == null ? "" : joined;
  }
}
