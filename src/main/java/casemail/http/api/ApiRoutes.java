package casemail.http.api;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.message.AddressList;
import casemail.http.BatchSender;
import casemail.http.InputGuard;
import casemail.http.MessageWriter;
import casemail.message.AttachmentStore;
import casemail.message.MessageCursor;
import casemail.message.Attachments;
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

/**
 * The JSON API under {@code /api/v1}, routed and validated from the OpenAPI document that is
 * also served at {@code /api/v1/openapi.yaml}. Every request carries an API key and sees only
 * its administration.
 */
public final class ApiRoutes {

  public static final String CONTRACT = "openapi.yaml";
  /** A list's page size when the request names none (the contract's {@code Limit}). */
  private static final int DEFAULT_LIMIT = 50;
  /** A message's attachments in base64 plus room for the rest; larger is refused at once. */
  private static final long BODY_LIMIT = (Attachments.MAX_MESSAGE_BYTES + 2) / 3 * 4
      + 2L * 1024 * 1024;

  private final Bus bus;
  private final PortalLinks links;
  private final String baseUrl;
  private final AttachmentStore store;
  private final MessageWriter writer;
  private final ApiDrafts drafts;

  public ApiRoutes(Bus bus, PortalLinks links, String baseUrl, AttachmentStore store,
      MessageWriter writer) {
    this.bus = bus;
    this.links = links;
    this.baseUrl = baseUrl;
    this.store = store;
    this.writer = writer;
    this.drafts = new ApiDrafts(bus);
  }

  /** The API router, once the contract is read. */
  public Future<Router> router(Vertx vertx) {
    return OpenAPIContract.from(vertx, CONTRACT).map(contract -> build(vertx, contract));
  }

  private Router build(Vertx vertx, OpenAPIContract contract) {
    var builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler())
        .rootHandler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false))
        .rootHandler(new InputGuard())
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
    builder.getRoute("resendMessage").addHandler(this::resendMessage);
    builder.getRoute("listInbox").addHandler(new InboxApi(bus)::list);
    var batches = new BatchApi(bus, store, new BatchSender(bus, writer));
    builder.getRoute("createBatch").addHandler(batches::create);
    builder.getRoute("getBatch").addHandler(batches::get);
    var standardMessages = new StandardMessageApi(bus);
    builder.getRoute("listStandardMessages").addHandler(standardMessages::list);
    builder.getRoute("getStandardMessage").addHandler(standardMessages::get);
    builder.getRoute("createStandardMessage").addHandler(standardMessages::create);
    builder.getRoute("updateStandardMessage").addHandler(standardMessages::update);
    builder.getRoute("deleteStandardMessage").addHandler(standardMessages::delete);
    builder.getRoute("updateUser").addHandler(new UserApi(bus)::update);
    return builder.createRouter();
  }

  /** A page of the case's timeline; {@code limit} is checked by the contract. */
  private void timeline(RoutingContext ctx, String type) {
    var limit = CaseApi.first(ctx, "limit");
    var cursor = CaseApi.first(ctx, "cursor");
    try {
      MessageCursor.decode(cursor);
    } catch (BusFailure badCursor) {
      ctx.fail(badCursor);
      return;
    }
    var request = new JsonObject()
        .put("administration_id", ApiAuth.administrationId(ctx))
        .put("type", type)
        .put("id", Long.parseLong(ctx.pathParam("id")))
        .put("limit", limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit))
        .put("cursor", cursor);
    var json = new ApiJson(ApiAuth.timeZone(ctx));
    bus.request(Addresses.TIMELINE_GET, request)
        .map(timeline -> {
          var items = new JsonArray();
          timeline.getJsonArray("items")
              .forEach(item -> items.add(json.message((JsonObject) item,
                  portalUrl((JsonObject) item))));
          return new JsonObject().put("items", items).put("next", timeline.getString("next"));
        })
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  /**
   * Sends one message: the case and author resolved, a standard message filled in where the
   * request leaves fields out, attachments checked by size before anything is decoded, the
   * placeholders checked for the case type and filled, then everything stored at once.
   */
  private void createMessage(RoutingContext ctx) {
    var body = ctx.<ValidatedRequest>get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST)
        .getBody().getJsonObject();
    var attachments = ApiAttachments.check(body.getJsonArray("attachments"));
    long administrationId = ApiAuth.administrationId(ctx);
    Future.all(
            new CaseApi(bus).resolve(administrationId, body.getJsonObject("case")),
            drafts.author(administrationId, body.getString("author")),
            drafts.standardMessage(administrationId, body.getLong("standard_message_id")))
        .compose(found -> {
          JsonObject caseRef = found.resultAt(0);
          var draft = ApiDrafts.draft(body, found.resultAt(2), caseRef.getString("type"));
          long authorId = found.<JsonObject>resultAt(1).getLong("id");
          return attachments.store(store)
              .compose(stored -> writer.write(administrationId, authorId,
                      caseRef.getString("type"), caseRef.getLong("id"), draft)
                  .compose(written -> bus.request(Addresses.MESSAGE_CREATE, draft.toJson()
                      .put("id", written.id())
                      .put("subject", written.subject())
                      .put("body", written.body())
                      .put("administration_id", administrationId)
                      .put("author_id", authorId)
                      .put("case", caseRef)
                      .put("attachments", stored))));
        })
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

  private void resendMessage(RoutingContext ctx) {
    var body = ctx.<ValidatedRequest>get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST).getBody();
    var given = body == null || body.isNull() ? null : body.getJsonObject().getJsonArray("to");
    var to = given == null ? null
        : AddressList.of(given.stream().map(String::valueOf).toList());
    if (to != null && !to.isValid()) {
      ctx.fail(BusFailure.invalid("to", to.problem()));
      return;
    }
    var request = new JsonObject()
        .put("administration_id", ApiAuth.administrationId(ctx))
        .put("message_id", ctx.pathParam("message_id"))
        .put("to", to == null ? null : new JsonArray(to.valid()));
    bus.request(Addresses.DELIVERY_RESEND, request)
        .map(delivery -> new ApiJson(ApiAuth.timeZone(ctx)).delivery(delivery, null))
        .onSuccess(delivery -> Responses.json(ctx, 201, delivery))
        .onFailure(ctx::fail);
  }

  private JsonObject withPortalUrl(RoutingContext ctx, JsonObject message) {
    return new ApiJson(ApiAuth.timeZone(ctx)).message(message, portalUrl(message));
  }

  /** A new signed link into the portal at a message to the customer; a reply has none. */
  private String portalUrl(JsonObject message) {
    return "inbound".equals(message.getString("direction")) ? null
        : links.url(baseUrl, UUID.fromString(message.getString("id")), Instant.now());
  }
}
