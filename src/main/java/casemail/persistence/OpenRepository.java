package casemail.persistence;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * Pixel loads, written many at a time: one statement stores a batch of opens per delivery, or
 * counts them per batch, as each delivery's tracking mode says (see {@link OpenSql#STORE}).
 * Tokens that match no delivery are skipped.
 */
public final class OpenRepository {

  private final Pool db;

  public OpenRepository(Pool db) {
    this.db = db;
  }

  /**
   * {@code {tokens, at, client_classes}} → {@code {stored, counted}}: opens stored per
   * delivery and opens counted anonymously.
   */
  public Future<JsonObject> store(JsonObject request) {
    var tuple = Tuple.of(strings(request.getJsonArray("tokens")),
        longs(request.getJsonArray("at")), strings(request.getJsonArray("client_classes")));
    return db.preparedQuery(OpenSql.STORE).execute(tuple).map(rows -> {
      var row = rows.iterator().next();
      return new JsonObject()
          .put("stored", row.getLong("stored"))
          .put("counted", row.getLong("counted"));
    });
  }

  private static String[] strings(JsonArray values) {
    var array = new String[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.getString(i);
    }
    return array;
  }

  private static Long[] longs(JsonArray values) {
    var array = new Long[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.getLong(i);
    }
    return array;
  }
}
