package casemail.persistence;

import casemail.bus.BusFailure;
import casemail.security.Tokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * Resend: a new delivery of a stored message — same content, signature and attachments (they
 * belong to the message), its own Message-ID and tracking token — to the addresses given, or
 * else to those of the message's first delivery that had any (the message as it was sent), or
 * else the customer's own. CC and BCC are those of that first delivery.
 */
public final class ResendRepository {

  private static final String SOURCE = """
      SELECT m.direction, a.sender_address, c.emails,
        first.to_addresses, first.cc_addresses, first.bcc_addresses
      FROM messages m
      JOIN administrations a ON a.id = m.administration_id
      JOIN customers c ON c.id = m.customer_id
      LEFT JOIN LATERAL (
        SELECT d.to_addresses, d.cc_addresses, d.bcc_addresses
        FROM deliveries d
        WHERE d.message_id = m.id AND cardinality(d.to_addresses) > 0
        ORDER BY d.created_at
        LIMIT 1
      ) first ON true
      WHERE m.administration_id = $1 AND m.id = $2""";

  private static final String INSERT = """
      INSERT INTO deliveries (id, administration_id, message_id, to_addresses, cc_addresses,
        bcc_addresses, status, message_id_header, tracking_token)
      VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $8)
      ON CONFLICT (id) DO NOTHING
      RETURNING id, to_addresses, cc_addresses, bcc_addresses, status, created_at""";

  /** The delivery a form stored under its id before, if it is of that message. */
  private static final String STORED = """
      SELECT id, to_addresses, cc_addresses, bcc_addresses, status, created_at
      FROM deliveries
      WHERE id = $1 AND message_id = $2 AND administration_id = $3""";

  private final Pool db;

  public ResendRepository(Pool db) {
    this.db = db;
  }

  /**
   * {@code {administration_id, message_id, id?, to?}} (addresses checked) → the new delivery
   * ({@code created} false when it is one the same form stored before);
   * 404 unknown message, 409 a customer's reply, 422 no address to send to. With {@code id}
   * (made when the form was shown), a form sent twice makes one delivery: the second gets the
   * first's.
   */
  public Future<JsonObject> resend(JsonObject request) {
    long administrationId = request.getLong("administration_id");
    var messageId = MessageRepository.parseId(request.getString("message_id"));
    var id = request.getString("id") == null ? UUID.randomUUID()
        : MessageRepository.parseId(request.getString("id"));
    return db.preparedQuery(SOURCE).execute(Tuple.of(administrationId, messageId))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw BusFailure.notFound("Message");
          }
          var insert = insert(id, administrationId, messageId, rows.iterator().next(),
              request.getJsonArray("to"));
          return db.preparedQuery(INSERT).execute(insert);
        })
        .compose(rows -> rows.size() > 0
            ? Future.succeededFuture(toDelivery(rows.iterator().next()).put("created", true))
            : stored(id, messageId, administrationId));
  }

  /** The delivery a form sent before stored under {@code id}, marked as not new. */
  private Future<JsonObject> stored(UUID id, UUID messageId, long administrationId) {
    return db.preparedQuery(STORED).execute(Tuple.of(id, messageId, administrationId))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new BusFailure(409, "This form was sent before; open the case again");
          }
          return toDelivery(rows.iterator().next()).put("created", false);
        });
  }

  private static Tuple insert(UUID id, long administrationId, UUID messageId, Row source,
      JsonArray to) {
    if ("inbound".equals(source.getString("direction"))) {
      throw new BusFailure(409, "A customer's reply cannot be resent");
    }
    var addresses = to != null && !to.isEmpty() ? Rows.array(to)
        : source.getArrayOfStrings("to_addresses");
    if (addresses == null || addresses.length == 0) {
      addresses = source.getArrayOfStrings("emails");
    }
    if (addresses.length == 0) {
      throw BusFailure.invalid("to", "Enter an address to send to");
    }
    return Tuple.of(id, administrationId, messageId)
        .addArrayOfString(addresses)
        .addArrayOfString(orEmpty(source.getArrayOfStrings("cc_addresses")))
        .addArrayOfString(orEmpty(source.getArrayOfStrings("bcc_addresses")))
        .addString(MessageRepository.messageIdHeader(id, source.getString("sender_address")))
        .addString(Tokens.random(16));
  }

  private static String[] orEmpty(String[] values) {
    return values == null ? new String[0] : values;
  }

  private static JsonObject toDelivery(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("to", Rows.strings(row, "to_addresses"))
        .put("cc", Rows.strings(row, "cc_addresses"))
        .put("bcc", Rows.strings(row, "bcc_addresses"))
        .put("status", row.getString("status"))
        .put("error", (String) null)
        .put("sent_at", (String) null)
        .put("first_opened_at", (String) null)
        .put("open_count", 0)
        .put("created_at", Rows.instant(row, "created_at"));
  }
}
