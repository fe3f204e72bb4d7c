package casemail.http.api;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.message.MessageDraft;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Collectors;

/**
 * What {@code POST /messages} and {@code POST /batches} read alike: the author named by email,
 * the standard message named by id, and the message checked — the standard message's fields
 * used where the request gives none, placeholders checked for the case type.
 */
final class ApiDrafts {

  private final Bus bus;

  ApiDrafts(Bus bus) {
    this.bus = bus;
  }

  /** The request's message, a standard message's fields used where it gives none; checked. */
  static MessageDraft draft(JsonObject body, JsonObject standard, String caseType) {
    var base = standard == null ? new JsonObject() : standard;
    var cc = body.containsKey("cc") ? body.getJsonArray("cc") : base.getJsonArray("cc");
    var bcc = body.containsKey("bcc") ? body.getJsonArray("bcc") : base.getJsonArray("bcc");
    var checked = MessageDraft.check(joined(body.getJsonArray("to")), joinedOrEmpty(cc),
            joinedOrEmpty(bcc), body.getString("subject", base.getString("subject")),
            body.getString("body", base.getString("body")))
        .placeholders(caseType);
    if (!checked.isValid()) {
      throw new BusFailure(422, "The message has problems", checked.problemsJson());
    }
    return checked.draft();
  }

  Future<JsonObject> standardMessage(long administrationId, Long id) {
    if (id == null) {
      return Future.succeededFuture(null);
    }
    var request = new JsonObject().put("administration_id", administrationId).put("id", id);
    return bus.request(Addresses.STANDARD_MESSAGE_GET, request)
        .recover(failure -> Future.failedFuture(BusFailure.from(failure).code() == 404
            ? BusFailure.invalid("standard_message_id", "No standard message with this id")
            : failure));
  }

  /** The author, who must be a user of the same administration. */
  Future<JsonObject> author(long administrationId, String email) {
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
