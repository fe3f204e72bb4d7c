package casemail.persistence;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * A customer's bouncing addresses: each failed permanently and is skipped until a user clears
 * it. The outbox adds them when it records outcomes.
 */
public final class BounceRepository {

  private final Pool db;

  public BounceRepository(Pool db) {
    this.db = db;
  }

  /** {@code {administration_id, customer_id}} → {@code {items: [{address, reason, since}]}}. */
  public Future<JsonObject> list(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"), request.getLong("customer_id"));
    return db.preparedQuery(DeliverySql.BOUNCES).execute(tuple).map(rows -> {
      var items = new JsonArray();
      rows.forEach(row -> items.add(new JsonObject()
          .put("address", row.getString("address"))
          .put("reason", row.getString("reason"))
          .put("since", Rows.instant(row, "created_at"))));
      return new JsonObject().put("items", items);
    });
  }

  /** {@code {administration_id, customer_id, address}} → {@code {cleared}} (0 or 1). */
  public Future<JsonObject> clear(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"), request.getLong("customer_id"),
        request.getString("address"));
    return db.preparedQuery(DeliverySql.CLEAR_BOUNCE).execute(tuple)
        .map(rows -> new JsonObject().put("cleared", rows.rowCount()));
  }
}
