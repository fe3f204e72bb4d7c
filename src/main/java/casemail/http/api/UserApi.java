package casemail.http.api;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.message.UserProfile;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;

/**
 * {@code PATCH /users/{email}}: a user's name, signature and page language, within the key's
 * administration.
 */
final class UserApi {

  private final Bus bus;

  UserApi(Bus bus) {
    this.bus = bus;
  }

  void update(RoutingContext ctx) {
    var body = ctx.<ValidatedRequest>get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST)
        .getBody().getJsonObject();
    long administrationId = ApiAuth.administrationId(ctx);
    user(administrationId, ctx.pathParam("email"))
        .compose(user -> {
          var profile = UserProfile.check(body.getString("name", user.getString("name")),
              body.containsKey("signature") ? body.getString("signature")
                  : user.getString("signature"),
              body.getString("language", user.getString("language")));
          if (!profile.isValid()) {
            return Future.failedFuture(new BusFailure(422, "The user has problems",
                profile.problems()));
          }
          return bus.request(Addresses.USER_UPDATE_PROFILE, profile.values()
              .put("administration_id", administrationId)
              .put("id", user.getLong("id")));
        })
        .onSuccess(user -> Responses.json(ctx, 200, ApiJson.user(user)))
        .onFailure(ctx::fail);
  }

  /** The user with that email if of this administration; any other is unknown. */
  private Future<JsonObject> user(long administrationId, String email) {
    return bus.request(Addresses.USER_FIND, new JsonObject().put("email", email))
        .compose(user -> user.getLong("administration_id") == administrationId
            ? Future.succeededFuture(user)
            : Future.failedFuture(BusFailure.notFound("User")));
  }
}
