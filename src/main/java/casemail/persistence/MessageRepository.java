package casemail.persistence;

import casemail.bus.BusFailure;
import casemail.message.MessageCursor;
import casemail.message.Signature;
import casemail.security.Tokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * Messages and their first delivery. A message is stored together with its delivery in one
 * transaction; the delivery is the outbox entry the mailing verticle will claim.
 */
public final class MessageRepository {

  static final String NO_ADDRESS = "Not emailed: the customer has no email address";
  static final String NO_ADDRESS_GIVEN = "Not emailed: no address was given in To";
  private static final int TIMELINE_LIMIT = 1000;

  private final Pool db;

  public MessageRepository(Pool db) {
    this.db = db;
  }

  /**
   * Stores a message written by a user on a case, with its attachments. Without {@code to},
   * the customer's own addresses are used; with none at all the message is stored for the
   * portal only. The id is the caller's when given (its text may hold a portal link to it).
   */
  public Future<JsonObject> create(JsonObject request) {
    long administrationId = request.getLong("administration_id");
    var caseRef = request.getJsonObject("case");
    var type = CaseType.parse(caseRef.getString("type"));
    var id = request.getString("id") == null ? UUID.randomUUID() : parseId(request.getString("id"));
    return db.withTransaction(tx -> author(tx, administrationId, request.getLong("author_id"))
        .compose(author -> CaseRepository.one(tx, type, administrationId, caseRef.getLong("id"))
            .compose(found -> customerOf(tx, type, found))
            .compose(customer -> insert(tx, id, request, author, customer)))
        .compose(ignored -> AttachmentRepository.attach(tx, administrationId,
            AttachmentRepository.Owner.message(id), request)))
        .recover(failure -> Constraints.isUniqueViolation(failure, "messages_pkey")
            ? alreadyStored(administrationId, id, request) : Future.failedFuture(failure))
        .compose(ignored -> get(administrationId, id));
  }

  /**
   * A form submitted twice stores its message once: the second finds the id taken, and gets
   * the message the first stored — if it is the same message on the same case of this
   * administration. Anything else under that id (the form sent back changed, or an id of
   * another administration) is refused, to be sent again as a new message.
   */
  private Future<Void> alreadyStored(long administrationId, UUID id, JsonObject request) {
    return get(administrationId, id)
        .map(stored -> isSame(stored, request))
        .otherwise(false)
        .compose(same -> same ? Future.succeededFuture() : Future.failedFuture(new BusFailure(409,
            "This form was sent before, as another message: check it, and send it again to "
                + "send it as a new message")));
  }

  private static boolean isSame(JsonObject stored, JsonObject request) {
    var asked = request.getJsonObject("case");
    var found = stored.getJsonObject("case");
    return asked.getString("type").equals(found.getString("type"))
        && asked.getLong("id").equals(found.getLong("id"))
        && request.getString("subject").equals(stored.getString("subject"))
        && request.getString("body").equals(stored.getString("body"));
  }

  public Future<JsonObject> get(JsonObject request) {
    return get(request.getLong("administration_id"), parseId(request.getString("id")));
  }

  /**
   * A page of the case's messages, newest first ({@code limit}, else the latest
   * {@value #TIMELINE_LIMIT}; after {@code cursor}); a customer's timeline includes all its
   * cases.
   */
  public Future<JsonObject> timeline(JsonObject request) {
    var type = CaseType.parse(request.getString("type"));
    long administrationId = request.getLong("administration_id");
    long caseId = request.getLong("id");
    int limit = request.getInteger("limit", TIMELINE_LIMIT);
    var sql = type == CaseType.CUSTOMER ? MessageSql.CUSTOMER_TIMELINE : MessageSql.CASE_TIMELINE;
    var tuple = MessagePage.after(Tuple.of(administrationId, type.value(), caseId, limit + 1),
        MessageCursor.decode(request.getString("cursor")));
    return CaseRepository.one(db, type, administrationId, caseId)
        .compose(found -> db.preparedQuery(sql).execute(tuple))
        .map(rows -> MessagePage.of(rows, limit));
  }

  private Future<JsonObject> get(long administrationId, UUID id) {
    return db.preparedQuery(MessageSql.BY_ID).execute(Tuple.of(administrationId, id))
        .map(rows -> {
          if (rows.size() == 0) {
            throw BusFailure.notFound("Message");
          }
          return toMessage(rows.iterator().next());
        });
  }

  static Future<Row> author(SqlClient tx, long administrationId, Long authorId) {
    return tx.preparedQuery(MessageSql.AUTHOR).execute(Tuple.of(administrationId, authorId))
        .map(rows -> {
          if (rows.size() == 0) {
            throw BusFailure.invalid("author", "Unknown author");
          }
          return rows.iterator().next();
        });
  }

  private static Future<JsonObject> customerOf(SqlClient tx, CaseType type, JsonObject found) {
    if (type == CaseType.CUSTOMER) {
      return Future.succeededFuture(found);
    }
    return CaseRepository.one(tx, CaseType.CUSTOMER, found.getLong("administration_id"),
        found.getLong("customer_id")).map(customer -> customer
        .put("case_type", type.value())
        .put("case_id", found.getLong("id")));
  }

  private static Future<Void> insert(
      SqlClient tx, UUID id, JsonObject request, Row author, JsonObject customer) {
    var signature = signatureOf(author);
    var message = Tuple.of(id, customer.getLong("administration_id"), customer.getLong("id"),
            customer.getString("case_type", "customer"),
            customer.getLong("case_id", customer.getLong("id")), author.getLong("id"))
        .addString(request.getString("subject"))
        .addString(request.getString("body"))
        .addString(signature);
    return tx.preparedQuery(MessageSql.INSERT_MESSAGE).execute(message)
        .compose(ignored -> tx.preparedQuery(MessageSql.INSERT_DELIVERY)
            .execute(delivery(id, request, author, customer)))
        .mapEmpty();
  }

  private static Tuple delivery(UUID messageId, JsonObject request, Row author, JsonObject customer) {
    var to = request.getJsonArray("to");
    if (to == null) {
      to = customer.getJsonArray("emails");
    }
    var deliveryId = UUID.randomUUID();
    var emailed = !to.isEmpty();
    return Tuple.of(deliveryId, customer.getLong("administration_id"), messageId)
        .addArrayOfString(Rows.array(to))
        .addArrayOfString(Rows.array(request.getJsonArray("cc")))
        .addArrayOfString(Rows.array(request.getJsonArray("bcc")))
        .addString(emailed ? "queued" : "not_emailed")
        .addString(emailed ? null : notEmailedReason(customer))
        .addString(messageIdHeader(deliveryId, author.getString("sender_address")))
        .addString(Tokens.random(16));
  }

  private static String notEmailedReason(JsonObject customer) {
    return customer.getJsonArray("emails").isEmpty() ? NO_ADDRESS : NO_ADDRESS_GIVEN;
  }

  static String signatureOf(Row author) {
    return Signature.choose(author.getString("signature"), author.getString("default_signature"));
  }

  static String messageIdHeader(UUID deliveryId, String senderAddress) {
    var domain = senderAddress.substring(senderAddress.lastIndexOf('@') + 1);
    return "<" + deliveryId + "@" + domain + ">";
  }

  static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw BusFailure.notFound("Message");
    }
  }

  static JsonObject toMessage(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("customer_id", row.getLong("customer_id"))
        .put("customer_name", row.getString("customer_name"))
        .put("case", new JsonObject()
            .put("type", row.getString("case_type"))
            .put("id", row.getLong("case_id"))
            .put("label", row.getString("case_label")))
        .put("direction", row.getString("direction"))
        .put("author", row.getString("author_email"))
        .put("author_name", row.getString("author_name"))
        .put("subject", row.getString("subject"))
        .put("body", row.getString("body"))
        .put("signature", row.getString("signature"))
        .put("created_at", Rows.instant(row, "created_at"))
        .put("in_reply_to", Rows.uuid(row, "in_reply_to"))
        .put("read_at", Rows.instant(row, "read_at"))
        .put("batch_id", Rows.uuid(row, "batch_id"))
        .put("deliveries", row.getJsonArray("deliveries"))
        .put("attachments", row.getJsonArray("attachments"))
        .put("portal_views", row.getJsonArray("portal_views"))
        .put("replies", row.getJsonArray("replies"))
        .put("batch_opens", row.getJsonObject("batch_opens"));
  }
}
