package casemail.http;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.cases.CaseFilter;
import casemail.cases.Selection;
import casemail.http.MessageWriter.Written;
import casemail.message.MessageDraft;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Bulk messages, for the bulk composer and the API. Sending resolves the selection once and
 * freezes that set of cases: if it no longer holds the count the user confirmed, nothing is
 * stored (409) and the user is asked again. Then the draft is written for every case and the
 * batch stored in one go. A repeated idempotency key answers the batch stored first, before
 * anything is resolved again.
 */
public final class BatchSender {

  /** The most cases one batch may hold. */
  public static final int MAX_CASES = 20_000;
  /** How many cases the bulk composer previews. */
  public static final int PREVIEWS = 3;
  private static final long CREATE_TIMEOUT_MS = 60_000;

  private final Bus bus;
  private final MessageWriter writer;

  public BatchSender(Bus bus, MessageWriter writer) {
    this.bus = bus;
    this.writer = writer;
  }

  /** The cases chosen, and where they were chosen from. */
  public record Chosen(long administrationId, CaseFilter filter, Selection selection) {

    String caseType() {
      return filter.type();
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("administration_id", administrationId)
          .put("case_type", filter.type())
          .put("filter", filter.toJson())
          .put("selection", selection.toJson());
    }
  }

  /**
   * A bulk message to send: {@code expected} the count the user confirmed (null: whatever the
   * selection holds), {@code attachments} new files already in the store.
   */
  public record Request(Chosen chosen, long authorId, Long expected, String idempotencyKey,
      MessageDraft draft, JsonArray attachmentIds, JsonArray attachments) {
  }

  /** {@code {total, customers, emailed, portal_only}} of the selection. */
  public Future<JsonObject> summary(Chosen chosen) {
    return bus.request(Addresses.SELECTION_SUMMARY, chosen.toJson());
  }

  /** A case ({@code persistence.case.get}'s shape) with the draft written for it. */
  public record Preview(JsonObject found, Written written) {
  }

  /** The draft written for the first few selected cases, as their customers will read it. */
  public Future<List<Preview>> previews(Chosen chosen, long authorId, MessageDraft draft) {
    return cases(chosen, PREVIEWS).compose(cases -> writer.writeAll(chosen.administrationId(),
            authorId, cases, draft)
        .map(written -> IntStream.range(0, cases.size())
            .mapToObj(i -> new Preview(cases.get(i), written.get(i)))
            .toList()));
  }

  /**
   * {@code {id, total, created}}: the batch stored, or the one stored before under the same
   * key. 409 when the selection's count is not the one expected, 422 bad input (nothing
   * stored), 413 attachments too large.
   */
  public Future<JsonObject> send(Request request) {
    return earlier(request)
        .compose(found -> found != null ? Future.succeededFuture(found) : sendNew(request));
  }

  private Future<JsonObject> sendNew(Request request) {
    var chosen = request.chosen();
    return cases(chosen, MAX_CASES + 1)
        .map(cases -> frozen(request, cases))
        .compose(cases -> writer.writeAll(chosen.administrationId(), request.authorId(), cases,
                request.draft())
            .compose(written -> store(request, cases, written)));
  }

  /** The batch an earlier submit with the same key stored, or null. */
  private Future<JsonObject> earlier(Request request) {
    if (request.idempotencyKey() == null) {
      return Future.succeededFuture(null);
    }
    var find = new JsonObject()
        .put("administration_id", request.chosen().administrationId())
        .put("idempotency_key", request.idempotencyKey());
    return bus.request(Addresses.BATCH_FIND, find)
        .map(found -> found.put("created", false))
        .recover(failure -> BusFailure.from(failure).code() == 404
            ? Future.succeededFuture(null) : Future.failedFuture(failure));
  }

  private Future<List<JsonObject>> cases(Chosen chosen, int limit) {
    return bus.request(Addresses.SELECTION_CASES, chosen.toJson().put("limit", limit))
        .map(reply -> reply.getJsonArray("items").stream().map(JsonObject.class::cast).toList());
  }

  /** The selection as resolved now, if it is the one the user confirmed. */
  private static List<JsonObject> frozen(Request request, List<JsonObject> cases) {
    if (cases.isEmpty()) {
      throw BusFailure.invalid("case_ids", "No case matches the selection");
    }
    if (cases.size() > MAX_CASES) {
      throw BusFailure.invalid("case_ids", "A batch holds at most " + MAX_CASES
          + " cases: narrow the filter");
    }
    var selection = request.chosen().selection();
    if (!selection.all() && cases.size() < selection.ids().size()) {
      var found = new HashSet<Long>();
      cases.forEach(chosen -> found.add(chosen.getJsonObject("case").getLong("id")));
      var missing = selection.ids().stream().filter(id -> !found.contains(id)).sorted()
          .limit(10).map(String::valueOf).collect(Collectors.joining(", "));
      throw BusFailure.invalid("case_ids", "Not a case of this selection: " + missing);
    }
    var expected = request.expected();
    if (expected != null && expected != cases.size()) {
      throw new BusFailure(409, "The selection now holds " + cases.size() + " cases, not "
          + expected + ": check it and confirm again", new JsonObject().put("expected_total",
              "The selection holds " + cases.size() + " cases now"));
    }
    return cases;
  }

  private Future<JsonObject> store(Request request, List<JsonObject> cases,
      List<Written> written) {
    var caseIds = new JsonArray();
    cases.forEach(found -> caseIds.add(found.getJsonObject("case").getLong("id")));
    var messages = new JsonObject()
        .put("ids", new JsonArray(written.stream().map(Written::id).toList()))
        .put("case_ids", caseIds)
        .put("subjects", new JsonArray(written.stream().map(Written::subject).toList()))
        .put("bodies", new JsonArray(written.stream().map(Written::body).toList()));
    var create = new JsonObject()
        .put("administration_id", request.chosen().administrationId())
        .put("author_id", request.authorId())
        .put("case_type", request.chosen().caseType())
        .put("idempotency_key", request.idempotencyKey())
        .put("subject", request.draft().subject())
        .put("cc", new JsonArray(request.draft().cc()))
        .put("bcc", new JsonArray(request.draft().bcc()))
        .put("attachment_ids", request.attachmentIds())
        .put("attachments", request.attachments())
        .put("messages", messages);
    return bus.request(Addresses.BATCH_CREATE, create, CREATE_TIMEOUT_MS);
  }
}
