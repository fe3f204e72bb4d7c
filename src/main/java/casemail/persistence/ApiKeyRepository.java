package casemail.persistence;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** API keys, stored only as their SHA-256; each belongs to one administration. */
public final class ApiKeyRepository {

  private static final String INSERT = """
      INSERT INTO api_keys (administration_id, key_hash)
      VALUES ($1, $2)
      RETURNING id""";

  private static final String FIND = """
      SELECT k.administration_id, a.time_zone
      FROM api_keys k
      JOIN administrations a ON a.id = k.administration_id
      WHERE k.key_hash = $1""";

  private final Pool db;

  public ApiKeyRepository(Pool db) {
    this.db = db;
  }

  public Future<JsonObject> create(JsonObject request) {
    return db.withTransaction(tx -> AdministrationRepository
        .byName(tx, request.getString("administration"))
        .compose(admin -> tx.preparedQuery(INSERT)
            .execute(Tuple.of(admin.getLong("id"), request.getString("key_hash")))))
        .map(rows -> new JsonObject().put("id", rows.iterator().next().getLong("id")));
  }

  public Future<JsonObject> find(JsonObject request) {
    return db.preparedQuery(FIND).execute(Tuple.of(request.getString("key_hash"))).map(rows -> {
      if (rows.size() == 0) {
        throw BusFailure.notFound("API key");
      }
      var row = rows.iterator().next();
      return new JsonObject()
          .put("administration_id", row.getLong("administration_id"))
          .put("time_zone", row.getString("time_zone"));
    });
  }
}
