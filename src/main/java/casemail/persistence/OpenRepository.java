package casemail.persistence;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;

/**
 * Pixel loads, written many at a time: one statement stores a batch of opens and updates
 * each delivery's first-open time and count. Tokens that match no delivery are skipped.
 */
public final class OpenRepository {

  private static final String STORE = """
      WITH hits AS (
        SELECT h.token, h.opened_at, h.client_class
        FROM unnest($1::text[], $2::timestamptz[], $3::text[])
          AS h(token, opened_at, client_class)
      ),
      stored AS (
        INSERT INTO opens (delivery_id, opened_at, client_class)
        SELECT d.id, h.opened_at, h.client_class
        FROM hits h
        JOIN deliveries d ON d.tracking_token = h.token
        RETURNING delivery_id, opened_at
      ),
      totals AS (
        SELECT delivery_id, count(*) AS n, min(opened_at) AS first, max(opened_at) AS last
        FROM stored
        GROUP BY delivery_id
      )
      UPDATE deliveries d
      SET open_count = d.open_count + t.n,
        first_opened_at = LEAST(d.first_opened_at, t.first),
        last_opened_at = GREATEST(d.last_opened_at, t.last)
      FROM totals t
      WHERE d.id = t.delivery_id
      RETURNING t.n""";

  private final Pool db;

  public OpenRepository(Pool db) {
    this.db = db;
  }

  public Future<JsonObject> store(JsonObject request) {
    var opens = request.getJsonArray("opens");
    var tokens = new String[opens.size()];
    var times = new OffsetDateTime[opens.size()];
    var classes = new String[opens.size()];
    for (int i = 0; i < opens.size(); i++) {
      var open = opens.getJsonObject(i);
      tokens[i] = open.getString("token");
      times[i] = Rows.timestamp(open.getString("at"));
      classes[i] = open.getString("client_class");
    }
    return db.preparedQuery(STORE).execute(Tuple.of(tokens, times, classes)).map(rows -> {
      long stored = 0;
      for (var row : rows) {
        stored += row.getLong(0);
      }
      return new JsonObject().put("stored", stored);
    });
  }
}
