package casemail.persistence;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox. The mailing verticle claims due deliveries under a lease ({@code FOR UPDATE SKIP
 * LOCKED}, so several instances never take the same one) and records each outcome. A lease
 * that runs out — its instance died — makes the delivery due again.
 */
public final class DeliveryRepository {

  private static final String CLAIM = """
      WITH due AS (
        SELECT id
        FROM deliveries
        WHERE (status = 'queued' AND next_attempt_at <= now())
           OR (status = 'sending' AND lease_until < now())
        ORDER BY next_attempt_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      )
      UPDATE deliveries d
      SET status = 'sending',
        lease_until = now() + make_interval(secs => $2),
        attempts = d.attempts + 1
      FROM due, messages m, administrations a, customers c, users u
      WHERE d.id = due.id
        AND m.id = d.message_id
        AND a.id = d.administration_id
        AND c.id = m.customer_id
        AND u.id = m.author_id
      RETURNING d.id, d.message_id, d.to_addresses, d.cc_addresses, d.bcc_addresses,
        d.message_id_header, d.tracking_token, d.attempts, m.subject, m.body, m.signature,
        u.name AS author_name, u.email AS author_email, a.name AS administration_name,
        a.sender_address, a.portal_colour, a.tracking_mode, c.language,
      """ + MessageSql.ATTACHMENTS;

  private static final String RECORD = """
      UPDATE deliveries d
      SET status = o.status,
        error = o.error,
        sent_at = o.sent_at,
        next_attempt_at = COALESCE(o.next_attempt_at, d.next_attempt_at),
        lease_until = NULL
      FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
        AS o(id, status, error, sent_at, next_attempt_at)
      WHERE d.id = o.id AND d.status = 'sending'""";

  private final Pool db;

  public DeliveryRepository(Pool db) {
    this.db = db;
  }

  public Future<JsonObject> claim(JsonObject request) {
    var tuple = Tuple.of(request.getInteger("limit"), request.getInteger("lease_seconds"));
    return db.preparedQuery(CLAIM).execute(tuple).map(rows -> {
      var items = new JsonArray();
      rows.forEach(row -> items.add(toClaimed(row)));
      return new JsonObject().put("items", items);
    });
  }

  /** Records outcomes: {@code [{id, status, error?, sent_at?, next_attempt_at?}]}. */
  public Future<JsonObject> record(JsonObject request) {
    var outcomes = request.getJsonArray("outcomes");
    List<UUID> ids = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<OffsetDateTime> sentAt = new ArrayList<>();
    List<OffsetDateTime> nextAttemptAt = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      var outcome = outcomes.getJsonObject(i);
      ids.add(UUID.fromString(outcome.getString("id")));
      statuses.add(outcome.getString("status"));
      errors.add(outcome.getString("error"));
      sentAt.add(Rows.timestamp(outcome.getString("sent_at")));
      nextAttemptAt.add(Rows.timestamp(outcome.getString("next_attempt_at")));
    }
    var tuple = Tuple.of(ids.toArray(UUID[]::new), statuses.toArray(String[]::new),
        errors.toArray(String[]::new), sentAt.toArray(OffsetDateTime[]::new),
        nextAttemptAt.toArray(OffsetDateTime[]::new));
    return db.preparedQuery(RECORD).execute(tuple)
        .map(rows -> new JsonObject().put("updated", rows.rowCount()));
  }

  private static JsonObject toClaimed(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("message_id", Rows.uuid(row, "message_id"))
        .put("to", Rows.strings(row, "to_addresses"))
        .put("cc", Rows.strings(row, "cc_addresses"))
        .put("bcc", Rows.strings(row, "bcc_addresses"))
        .put("message_id_header", row.getString("message_id_header"))
        .put("tracking_token", row.getString("tracking_token"))
        .put("attempts", row.getInteger("attempts"))
        .put("subject", row.getString("subject"))
        .put("body", row.getString("body"))
        .put("signature", row.getString("signature"))
        .put("author_name", row.getString("author_name"))
        .put("author_email", row.getString("author_email"))
        .put("administration_name", row.getString("administration_name"))
        .put("sender_address", row.getString("sender_address"))
        .put("portal_colour", row.getString("portal_colour"))
        .put("tracking_mode", row.getString("tracking_mode"))
        .put("language", row.getString("language"))
        .put("attachments", row.getJsonArray("attachments"));
  }
}
