package casemail.persistence;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.Locale;

/** Staff users. Emails are unique across Casemail: they are the login. */
public final class UserRepository {

  private static final String COLUMNS =
      "u.id, u.administration_id, u.email, u.name, u.role, u.signature, u.language";

  private static final String INSERT = """
      INSERT INTO users (administration_id, email, name, password_hash, role)
      VALUES ($1, $2, $3, $4, $5)
      RETURNING id""";

  private static final String SET_PASSWORD = """
      UPDATE users
      SET password_hash = $2
      WHERE email = $1""";

  private static final String FIND = "SELECT " + COLUMNS + ", u.password_hash" + """

      FROM users u
      WHERE u.email = $1""";

  private static final String GET = "SELECT " + COLUMNS + """

      FROM users u
      WHERE u.administration_id = $1 AND u.id = $2""";

  private static final String UPDATE_PROFILE = """
      UPDATE users
      SET name = $3, signature = $4, language = $5
      WHERE administration_id = $1 AND id = $2""";

  private final Pool db;

  public UserRepository(Pool db) {
    this.db = db;
  }

  public Future<JsonObject> create(JsonObject request) {
    var email = normalise(request.getString("email"));
    return db.withTransaction(tx -> AdministrationRepository
        .byName(tx, request.getString("administration"))
        .compose(admin -> tx.preparedQuery(INSERT).execute(Tuple.of(
            admin.getLong("id"), email, request.getString("name"),
            request.getString("password_hash"), request.getString("role")))))
        .recover(UserRepository::explainConflict)
        .compose(rows -> find(new JsonObject().put("email", email)))
        .map(UserRepository::withoutHash);
  }

  public Future<JsonObject> setPassword(JsonObject request) {
    var email = normalise(request.getString("email"));
    var tuple = Tuple.of(email, request.getString("password_hash"));
    return db.preparedQuery(SET_PASSWORD).execute(tuple).map(rows -> {
      if (rows.rowCount() == 0) {
        throw BusFailure.notFound("User");
      }
      return new JsonObject().put("email", email);
    });
  }

  /** The user with that login email, including the password hash. */
  public Future<JsonObject> find(JsonObject request) {
    var tuple = Tuple.of(normalise(request.getString("email")));
    return db.preparedQuery(FIND).execute(tuple).map(rows -> single(rows)
        .put("password_hash", rows.iterator().next().getString("password_hash")));
  }

  public Future<JsonObject> get(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"), request.getLong("id"));
    return db.preparedQuery(GET).execute(tuple).map(UserRepository::single);
  }

  /** Sets name, signature and page language of a user of the administration. */
  public Future<JsonObject> updateProfile(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"), request.getLong("id"),
        request.getString("name"), request.getString("signature"),
        request.getString("language"));
    return db.preparedQuery(UPDATE_PROFILE).execute(tuple).compose(rows -> rows.rowCount() == 0
        ? Future.failedFuture(BusFailure.notFound("User")) : get(request));
  }

  private static JsonObject withoutHash(JsonObject user) {
    var copy = user.copy();
    copy.remove("password_hash");
    return copy;
  }

  private static JsonObject single(RowSet<Row> rows) {
    if (rows.size() == 0) {
      throw BusFailure.notFound("User");
    }
    return toUser(rows.iterator().next());
  }

  private static <T> Future<T> explainConflict(Throwable failure) {
    if (Constraints.isUniqueViolation(failure)) {
      return Future.failedFuture(BusFailure.invalid("email", "A user with this email exists"));
    }
    return Future.failedFuture(failure);
  }

  private static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  static JsonObject toUser(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("administration_id", row.getLong("administration_id"))
        .put("email", row.getString("email"))
        .put("name", row.getString("name"))
        .put("role", row.getString("role"))
        .put("signature", row.getString("signature"))
        .put("language", row.getString("language"));
  }
}
