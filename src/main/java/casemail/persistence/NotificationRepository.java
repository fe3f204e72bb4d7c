package casemail.persistence;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * Reply notifications waiting to be emailed to staff. The mailing verticle claims due ones
 * under a lease ({@code FOR UPDATE SKIP LOCKED}, so instances never share one) and records
 * each outcome. Few and small, so they are kept apart from the customer deliveries' outbox.
 */
public final class NotificationRepository {

  private static final String CLAIM = """
      WITH due AS (
        SELECT id
        FROM notifications
        WHERE (status = 'queued' AND next_attempt_at <= now())
           OR (status = 'sending' AND lease_until < now())
        ORDER BY next_attempt_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE notifications n
      SET status = 'sending',
        lease_until = now() + make_interval(secs => $2),
        attempts = n.attempts + 1
      FROM due, messages r, messages answered, users u, administrations a, customers c
      WHERE n.id = due.id
        AND r.id = n.message_id
        AND answered.id = COALESCE(r.in_reply_to, r.id)
        AND u.id = n.user_id
        AND a.id = n.administration_id
        AND c.id = r.customer_id
      RETURNING n.id, n.message_id, n.attempts, u.name AS user_name, u.email AS user_email,
        u.language AS user_language,
        a.name AS administration_name, a.sender_address, c.name AS customer_name,
        answered.subject""";

  private static final String RECORD = """
      UPDATE notifications
      SET status = $2,
        error = $3,
        sent_at = $4,
        next_attempt_at = COALESCE($5, next_attempt_at),
        lease_until = NULL
      WHERE id = $1 AND status = 'sending'""";

  private final Pool db;

  public NotificationRepository(Pool db) {
    this.db = db;
  }

  /** {@code {limit, lease_seconds}} → {@code {items}}: notifications now leased to the caller. */
  public Future<JsonObject> claim(JsonObject request) {
    var tuple = Tuple.of(request.getInteger("limit"), request.getInteger("lease_seconds"));
    return db.preparedQuery(CLAIM).execute(tuple).map(rows -> {
      var items = new JsonArray();
      rows.forEach(row -> items.add(toClaimed(row)));
      return new JsonObject().put("items", items);
    });
  }

  /** {@code {id, status, error?, sent_at?, next_attempt_at?}} → {@code {updated}}. */
  public Future<JsonObject> record(JsonObject outcome) {
    var tuple = Tuple.of(MessageRepository.parseId(outcome.getString("id")),
        outcome.getString("status"), outcome.getString("error"),
        Rows.timestamp(outcome.getString("sent_at")),
        Rows.timestamp(outcome.getString("next_attempt_at")));
    return db.preparedQuery(RECORD).execute(tuple)
        .map(rows -> new JsonObject().put("updated", rows.rowCount()));
  }

  private static JsonObject toClaimed(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("message_id", Rows.uuid(row, "message_id"))
        .put("attempts", row.getInteger("attempts"))
        .put("user_name", row.getString("user_name"))
        .put("user_email", row.getString("user_email"))
        .put("user_language", row.getString("user_language"))
        .put("administration_name", row.getString("administration_name"))
        .put("sender_address", row.getString("sender_address"))
        .put("customer_name", row.getString("customer_name"))
        .put("subject", row.getString("subject"));
  }
}
