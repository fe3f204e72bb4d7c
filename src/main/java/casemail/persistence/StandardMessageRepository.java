package casemail.persistence;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/** An administration's standard messages; the values were checked by the caller. */
public final class StandardMessageRepository {

  private static final int MAX_LIMIT = 500;

  private static final String COLUMNS = """
      s.id, s.description, s.case_type, s.subject, s.cc_addresses, s.bcc_addresses, s.body,
      s.updated_at""";

  /** {@code $2}: a case type to list those fitting it (its own and any-case ones), or null. */
  private static final String LIST = "SELECT " + COLUMNS + """

      FROM standard_messages s
      WHERE s.administration_id = $1
        AND ($2::text IS NULL OR s.case_type IS NULL OR s.case_type = $2)
        AND ($3::bigint IS NULL OR s.id > $3)
      ORDER BY s.id
      LIMIT $4""";

  private static final String GET = "SELECT " + COLUMNS + """

      FROM standard_messages s
      WHERE s.administration_id = $1 AND s.id = $2""";

  private static final String INSERT = """
      INSERT INTO standard_messages (administration_id, description, case_type, subject,
        cc_addresses, bcc_addresses, body)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      RETURNING id""";

  private static final String UPDATE = """
      UPDATE standard_messages
      SET description = $3, case_type = $4, subject = $5, cc_addresses = $6,
        bcc_addresses = $7, body = $8, updated_at = now()
      WHERE administration_id = $1 AND id = $2
      RETURNING id""";

  private static final String DELETE = """
      DELETE FROM standard_messages
      WHERE administration_id = $1 AND id = $2""";

  private final Pool db;

  public StandardMessageRepository(Pool db) {
    this.db = db;
  }

  public Future<JsonObject> list(JsonObject request) {
    int limit = Math.min(Math.max(request.getInteger("limit", MAX_LIMIT), 1), MAX_LIMIT);
    var tuple = Tuple.of(request.getLong("administration_id"), request.getString("case_type"),
        cursor(request.getString("cursor")), limit + 1);
    return db.preparedQuery(LIST).execute(tuple).map(rows -> page(rows, limit));
  }

  public Future<JsonObject> get(JsonObject request) {
    return get(request.getLong("administration_id"), request.getLong("id"));
  }

  public Future<JsonObject> create(JsonObject request) {
    long administrationId = request.getLong("administration_id");
    var tuple = Tuple.of(administrationId, request.getString("description"),
        request.getString("case_type"), request.getString("subject"))
        .addArrayOfString(Rows.array(request.getJsonArray("cc")))
        .addArrayOfString(Rows.array(request.getJsonArray("bcc")))
        .addString(request.getString("body"));
    return db.preparedQuery(INSERT).execute(tuple)
        .recover(StandardMessageRepository::explainConflict)
        .compose(rows -> get(administrationId, rows.iterator().next().getLong("id")));
  }

  public Future<JsonObject> update(JsonObject request) {
    long administrationId = request.getLong("administration_id");
    var tuple = Tuple.of(administrationId, request.getLong("id"),
        request.getString("description"), request.getString("case_type"),
        request.getString("subject"))
        .addArrayOfString(Rows.array(request.getJsonArray("cc")))
        .addArrayOfString(Rows.array(request.getJsonArray("bcc")))
        .addString(request.getString("body"));
    return db.preparedQuery(UPDATE).execute(tuple)
        .recover(StandardMessageRepository::explainConflict)
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(BusFailure.notFound("Standard message"))
            : get(administrationId, request.getLong("id")));
  }

  public Future<JsonObject> delete(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"), request.getLong("id"));
    return db.preparedQuery(DELETE).execute(tuple).map(rows -> {
      if (rows.rowCount() == 0) {
        throw BusFailure.notFound("Standard message");
      }
      return new JsonObject().put("deleted", true);
    });
  }

  private Future<JsonObject> get(long administrationId, long id) {
    return db.preparedQuery(GET).execute(Tuple.of(administrationId, id)).map(rows -> {
      if (rows.size() == 0) {
        throw BusFailure.notFound("Standard message");
      }
      return toStandardMessage(rows.iterator().next());
    });
  }

  private static <T> Future<T> explainConflict(Throwable failure) {
    return Future.failedFuture(Constraints.isUniqueViolation(failure)
        ? BusFailure.invalid("description", "Another standard message has this description")
        : failure);
  }

  private static Long cursor(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw BusFailure.invalid("cursor", "Not a cursor from an earlier page");
    }
  }

  private static JsonObject page(RowSet<Row> rows, int limit) {
    var items = new JsonArray();
    rows.forEach(row -> items.add(toStandardMessage(row)));
    String next = null;
    if (items.size() > limit) {
      items.remove(limit);
      next = String.valueOf(items.getJsonObject(limit - 1).getLong("id"));
    }
    return new JsonObject().put("items", items).put("next", next);
  }

  private static JsonObject toStandardMessage(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("description", row.getString("description"))
        .put("case_type", row.getString("case_type"))
        .put("subject", row.getString("subject"))
        .put("cc", Rows.strings(row, "cc_addresses"))
        .put("bcc", Rows.strings(row, "bcc_addresses"))
        .put("body", row.getString("body"))
        .put("updated_at", Rows.instant(row, "updated_at"));
  }
}
