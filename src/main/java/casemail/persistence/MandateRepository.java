package casemail.persistence;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * Direct-debit mandates: authorised and revoked by the customer in the portal (every statement
 * scoped to the portal's customer), read by staff within their administration. A customer has
 * at most one active mandate.
 */
public final class MandateRepository {

  private static final String COLUMNS = """
      id, reference, account_holder, iban, authorised_at, revoked_at""";

  private static final String AUTHORISE = """
      INSERT INTO mandates (administration_id, customer_id, reference, account_holder, iban)
      SELECT c.administration_id, c.id,
        'CM-' || upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)), $2, $3
      FROM customers c
      WHERE c.id = $1
      RETURNING\s""" + COLUMNS;

  private static final String REVOKE = """
      UPDATE mandates
      SET revoked_at = now()
      WHERE customer_id = $1 AND revoked_at IS NULL
      RETURNING\s""" + COLUMNS;

  private static final String ACTIVE = "SELECT " + COLUMNS + """

      FROM mandates
      WHERE customer_id = $1 AND revoked_at IS NULL""";

  private static final String OF_CUSTOMER = "SELECT " + COLUMNS + """

      FROM mandates
      WHERE administration_id = $1 AND customer_id = $2
      ORDER BY authorised_at DESC""";

  private final Pool db;

  public MandateRepository(Pool db) {
    this.db = db;
  }

  /** {@code {customer_id, account_holder, iban}} (checked) → the mandate; 409 if active. */
  public Future<JsonObject> authorise(JsonObject request) {
    var tuple = Tuple.of(request.getLong("customer_id"), request.getString("account_holder"),
        request.getString("iban"));
    return db.preparedQuery(AUTHORISE).execute(tuple)
        .recover(failure -> Future.failedFuture(Constraints.isUniqueViolation(failure)
            ? new BusFailure(409, "A direct-debit mandate is already active") : failure))
        .map(rows -> {
          if (rows.size() == 0) {
            throw BusFailure.notFound("Customer");
          }
          return toMandate(rows.iterator().next());
        });
  }

  /** {@code {customer_id}} → the mandate now revoked; 404 if none was active. */
  public Future<JsonObject> revoke(JsonObject request) {
    return db.preparedQuery(REVOKE).execute(Tuple.of(request.getLong("customer_id")))
        .map(rows -> {
          if (rows.size() == 0) {
            throw BusFailure.notFound("Active mandate");
          }
          return toMandate(rows.iterator().next());
        });
  }

  /** The portal customer's active mandate, or null. */
  Future<JsonObject> active(long customerId) {
    return db.preparedQuery(ACTIVE).execute(Tuple.of(customerId))
        .map(rows -> rows.size() == 0 ? null : toMandate(rows.iterator().next()));
  }

  /** {@code {administration_id, customer_id}} → {@code {items}}: all, newest first. */
  public Future<JsonObject> list(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"), request.getLong("customer_id"));
    return db.preparedQuery(OF_CUSTOMER).execute(tuple).map(rows -> {
      var items = new JsonArray();
      rows.forEach(row -> items.add(toMandate(row)));
      return new JsonObject().put("items", items);
    });
  }

  private static JsonObject toMandate(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("reference", row.getString("reference"))
        .put("account_holder", row.getString("account_holder"))
        .put("iban", row.getString("iban"))
        .put("authorised_at", Rows.instant(row, "authorised_at"))
        .put("revoked_at", Rows.instant(row, "revoked_at"));
  }
}
