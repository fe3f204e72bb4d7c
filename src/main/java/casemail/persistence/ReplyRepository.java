package casemail.persistence;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Locale;
import java.util.UUID;

/**
 * A customer's reply from the portal: an inbound message, unread, on the case of the message it
 * answers, with the files the customer attached, and — when the administration wants it — a
 * notification for the message's author, stored in the same transaction. The message answered
 * must be the portal customer's own.
 */
public final class ReplyRepository {

  private static final String ORIGINAL = """
      SELECT m.id, m.administration_id, m.customer_id, m.case_type, m.case_id, m.author_id,
        m.subject, a.reply_notifications
      FROM messages m
      JOIN administrations a ON a.id = m.administration_id
      WHERE m.customer_id = $1 AND m.id = $2 AND m.direction = 'outbound'""";

  private static final String INSERT_REPLY = """
      INSERT INTO messages (id, administration_id, customer_id, case_type, case_id, direction,
        subject, body, in_reply_to)
      VALUES ($1, $2, $3, $4, $5, 'inbound', $6, $7, $8)""";

  /** The same reply stored before under this id: the form sent twice. */
  private static final String STORED = """
      SELECT id, in_reply_to
      FROM messages
      WHERE id = $1 AND customer_id = $2 AND in_reply_to = $3 AND body = $4
        AND direction = 'inbound'""";

  private static final String INSERT_NOTIFICATION = """
      INSERT INTO notifications (administration_id, user_id, message_id)
      VALUES ($1, $2, $3)""";

  private final Pool db;

  public ReplyRepository(Pool db) {
    this.db = db;
  }

  /**
   * {@code {customer_id, message_id, id?, body, attachments?}} (checked) → {@code {id,
   * in_reply_to, notify}}; 404 if the message is not one the customer received. With {@code
   * id} (made when the form was shown) the same reply sent twice is stored once; a different
   * reply sent with a used id (the form sent again after editing) is stored as a new one.
   */
  public Future<JsonObject> create(JsonObject request) {
    var id = request.getString("id") == null ? UUID.randomUUID()
        : MessageRepository.parseId(request.getString("id"));
    return create(request, id).recover(failure -> {
      if (!Constraints.isUniqueViolation(failure, "messages_pkey")) {
        return Future.failedFuture(failure);
      }
      return stored(request, id).compose(found -> found != null
          ? Future.succeededFuture(found) : create(request, UUID.randomUUID()));
    });
  }

  private Future<JsonObject> stored(JsonObject request, UUID id) {
    var tuple = Tuple.of(id, request.getLong("customer_id"),
        MessageRepository.parseId(request.getString("message_id")), request.getString("body"));
    return db.preparedQuery(STORED).execute(tuple).map(rows -> rows.size() == 0 ? null
        : new JsonObject()
            .put("id", id.toString())
            .put("in_reply_to", rows.iterator().next().getUUID("in_reply_to").toString())
            .put("notify", false));
  }

  private Future<JsonObject> create(JsonObject request, UUID id) {
    long customerId = request.getLong("customer_id");
    var originalId = MessageRepository.parseId(request.getString("message_id"));
    return db.withTransaction(tx -> tx.preparedQuery(ORIGINAL)
        .execute(Tuple.of(customerId, originalId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(BusFailure.notFound("Message"));
          }
          var original = rows.iterator().next();
          // Only new files: a reply never takes pending attachments, which are staff's.
          var files = new JsonObject()
              .put("attachments", request.getJsonArray("attachments", new JsonArray()));
          return insert(tx, id, original, request.getString("body"))
              .compose(reply -> AttachmentRepository.attach(tx,
                  original.getLong("administration_id"), AttachmentRepository.Owner.message(id),
                  files).map(reply));
        }));
  }

  private static Future<JsonObject> insert(SqlClient tx, UUID id, Row original, String body) {
    var reply = Tuple.of(id, original.getLong("administration_id"),
            original.getLong("customer_id"), original.getString("case_type"),
            original.getLong("case_id"), subject(original.getString("subject")))
        .addString(body)
        .addUUID(original.getUUID("id"));
    var authorId = original.getLong("author_id");
    var notify = original.getBoolean("reply_notifications") && authorId != null;
    var result = new JsonObject()
        .put("id", id.toString())
        .put("in_reply_to", original.getUUID("id").toString())
        .put("notify", notify);
    return tx.preparedQuery(INSERT_REPLY).execute(reply)
        .compose(ignored -> notify
            ? tx.preparedQuery(INSERT_NOTIFICATION)
                .execute(Tuple.of(original.getLong("administration_id"), authorId, id))
                .mapEmpty()
            : Future.succeededFuture())
        .map(ignored -> result);
  }

  /** "Re: " before the subject answered, once. */
  static String subject(String original) {
    return original.toLowerCase(Locale.ROOT).startsWith("re:") ? original : "Re: " + original;
  }
}
