package casemail.persistence;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox. The mailing verticle claims due deliveries under a lease ({@code FOR UPDATE SKIP
 * LOCKED}, so several instances never take the same one) and records each outcome, per
 * recipient. A lease that runs out — its instance died — makes the delivery due again.
 */
public final class DeliveryRepository {

  private final Pool db;

  public DeliveryRepository(Pool db) {
    this.db = db;
  }

  public Future<JsonObject> claim(JsonObject request) {
    var tuple = Tuple.of(request.getInteger("limit"), request.getInteger("lease_seconds"));
    return db.preparedQuery(DeliverySql.CLAIM).execute(tuple).map(rows -> {
      var items = new JsonArray();
      rows.forEach(row -> items.add(toEmail(row, row.getJsonObject("render"))));
      return new JsonObject().put("items", items);
    });
  }

  /**
   * Records outcomes: {@code [{id, attempt, status, error?, sent_at?, next_attempt_at?,
   * recipients?, released?, bounces?: [{address, reason}]}]}.
   */
  public Future<JsonObject> record(JsonObject request) {
    var outcomes = new Outcomes(request.getJsonArray("outcomes"));
    return db.preparedQuery(DeliverySql.RECORD).execute(outcomes.tuple()).map(rows -> {
      var row = rows.iterator().next();
      return new JsonObject()
          .put("updated", row.getLong("updated"))
          .put("bounced", row.getLong("bounced"));
    });
  }

  /** {@code {queued, sending}}: deliveries waiting and being mailed, over all instances. */
  public Future<JsonObject> queueDepth(JsonObject ignored) {
    return db.preparedQuery(DeliverySql.QUEUE_DEPTH).execute().map(rows -> {
      var row = rows.iterator().next();
      return new JsonObject()
          .put("queued", row.getLong("queued"))
          .put("sending", row.getLong("sending"));
    });
  }

  /**
   * One delivery with what its email is built from: the kept facts once it was attempted,
   * else today's ({@code rendered: false}). 404 if not the administration's.
   */
  public Future<JsonObject> email(JsonObject request) {
    var id = MessageRepository.parseId(request.getString("id"));
    var tuple = Tuple.of(request.getLong("administration_id"), id);
    return db.preparedQuery(DeliverySql.EMAIL).execute(tuple).map(rows -> {
      if (rows.size() == 0) {
        throw BusFailure.notFound("Delivery");
      }
      var row = rows.iterator().next();
      var kept = row.getJsonObject("render");
      var email = toEmail(row, kept == null ? row.getJsonObject("current_render") : kept)
          .put("rendered", kept != null);
      if (kept == null) {
        email.put("rendered_at", Instant.now().toString());
      }
      return email;
    });
  }

  /** What the mailing side needs to build a delivery's email. */
  private static JsonObject toEmail(Row row, JsonObject render) {
    var email = new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("message_id", Rows.uuid(row, "message_id"))
        .put("to", Rows.strings(row, "to_addresses"))
        .put("cc", Rows.strings(row, "cc_addresses"))
        .put("bcc", Rows.strings(row, "bcc_addresses"))
        .put("message_id_header", row.getString("message_id_header"))
        .put("tracking_token", row.getString("tracking_token"))
        .put("attempts", row.getInteger("attempts"))
        .put("lease_until", Rows.instant(row, "lease_until"))
        .put("recipients", row.getJsonArray("recipients"))
        .put("bouncing", row.getJsonArray("bouncing"))
        .put("rendered_at", Rows.instant(row, "rendered_at"))
        .put("subject", row.getString("subject"))
        .put("body", row.getString("body"))
        .put("signature", row.getString("signature"))
        .put("attachments", row.getJsonArray("attachments"));
    return email.mergeIn(render);
  }

  /** The outcomes as the arrays the record statement unnests. */
  private static final class Outcomes {

    private final List<UUID> ids = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<OffsetDateTime> sentAt = new ArrayList<>();
    private final List<OffsetDateTime> nextAttemptAt = new ArrayList<>();
    private final List<String> recipients = new ArrayList<>();
    private final List<Integer> attempts = new ArrayList<>();
    private final List<Boolean> released = new ArrayList<>();
    private final List<UUID> bounceIds = new ArrayList<>();
    private final List<String> bounceAddresses = new ArrayList<>();
    private final List<String> bounceReasons = new ArrayList<>();

    Outcomes(JsonArray outcomes) {
      for (int i = 0; i < outcomes.size(); i++) {
        add(outcomes.getJsonObject(i));
      }
    }

    private void add(JsonObject outcome) {
      var id = UUID.fromString(outcome.getString("id"));
      ids.add(id);
      statuses.add(outcome.getString("status"));
      errors.add(outcome.getString("error"));
      sentAt.add(Rows.timestamp(outcome.getString("sent_at")));
      nextAttemptAt.add(Rows.timestamp(outcome.getString("next_attempt_at")));
      var list = outcome.getJsonArray("recipients");
      recipients.add(list == null ? null : list.encode());
      attempts.add(outcome.getInteger("attempt"));
      released.add(outcome.getBoolean("released", false));
      outcome.getJsonArray("bounces", new JsonArray()).forEach(item -> {
        var bounce = (JsonObject) item;
        bounceIds.add(id);
        bounceAddresses.add(bounce.getString("address"));
        bounceReasons.add(bounce.getString("reason"));
      });
    }

    Tuple tuple() {
      return Tuple.of(ids.toArray(UUID[]::new), statuses.toArray(String[]::new),
              errors.toArray(String[]::new), sentAt.toArray(OffsetDateTime[]::new),
              nextAttemptAt.toArray(OffsetDateTime[]::new), recipients.toArray(String[]::new),
              attempts.toArray(Integer[]::new), released.toArray(Boolean[]::new))
          .addArrayOfUUID(bounceIds.toArray(UUID[]::new))
          .addArrayOfString(bounceAddresses.toArray(String[]::new))
          .addArrayOfString(bounceReasons.toArray(String[]::new));
    }
  }
}
