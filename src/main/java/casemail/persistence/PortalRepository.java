package casemail.persistence;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * What the portal may see: one customer's invoices, messages with their replies, and mandate.
 * Every statement is scoped to that customer in its WHERE clause, so another customer's message
 * reads as not found.
 */
public final class PortalRepository {

  private static final String RESOLVE = """
      SELECT m.customer_id, m.administration_id, c.language, a.name AS administration_name
      FROM messages m
      JOIN customers c ON c.id = m.customer_id
      JOIN administrations a ON a.id = m.administration_id
      WHERE m.id = $1""";

  private static final String RECORD_VIEW = """
      INSERT INTO portal_views (message_id)
      VALUES ($1)""";

  private static final String CUSTOMER = """
      SELECT c.id, c.name, c.number, c.language, a.name AS administration_name,
        a.portal_colour, a.payment_url_template, a.time_zone, a.id AS administration_id,
        a.logo_version
      FROM customers c
      JOIN administrations a ON a.id = c.administration_id
      WHERE c.id = $1""";

  private static final String INVOICES = "SELECT " + CaseSql.INVOICE_COLUMNS + """

      FROM invoices i
      WHERE i.customer_id = $1
      ORDER BY i.open_amount = 0, i.due_date DESC, i.number""";

  private final Pool db;
  private final MandateRepository mandates;

  public PortalRepository(Pool db) {
    this.db = db;
    this.mandates = new MandateRepository(db);
  }

  /** Whose message is this: the customer a portal link opens a session for. */
  public Future<JsonObject> resolve(JsonObject request) {
    var id = MessageRepository.parseId(request.getString("message_id"));
    return db.preparedQuery(RESOLVE).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        throw BusFailure.notFound("Message");
      }
      var row = rows.iterator().next();
      return new JsonObject()
          .put("customer_id", row.getLong("customer_id"))
          .put("administration_id", row.getLong("administration_id"))
          .put("language", row.getString("language"))
          .put("administration_name", row.getString("administration_name"));
    });
  }

  public Future<JsonObject> overview(JsonObject request) {
    long customerId = request.getLong("customer_id");
    var tuple = Tuple.of(customerId);
    return customer(customerId).compose(customer -> Future.all(
            db.preparedQuery(INVOICES).execute(tuple),
            db.preparedQuery(MessageSql.PORTAL_LIST).execute(tuple),
            mandates.active(customerId))
        .map(results -> customer
            .put("invoices", invoices(results.resultAt(0)))
            .put("messages", messages(results.resultAt(1)))
            .put("mandate", results.resultAt(2))));
  }

  /**
   * One of the customer's messages with the customer's replies to it; recording that the
   * customer viewed it unless {@code record_view} is false (a refused reply shown again).
   */
  public Future<JsonObject> message(JsonObject request) {
    long customerId = request.getLong("customer_id");
    var id = MessageRepository.parseId(request.getString("message_id"));
    var tuple = Tuple.of(customerId, id);
    return Future.all(
            db.preparedQuery(MessageSql.PORTAL_ONE).execute(tuple),
            db.preparedQuery(MessageSql.PORTAL_REPLIES).execute(tuple))
        .compose(results -> {
          RowSet<Row> found = results.resultAt(0);
          if (found.size() == 0) {
            return Future.failedFuture(BusFailure.notFound("Message"));
          }
          var message = toPortalMessage(found.iterator().next())
              .put("replies", messages(results.resultAt(1)));
          return recordView(id, request.getBoolean("record_view", true))
              .compose(ignored -> customer(customerId))
              .map(customer -> customer.put("message", message));
        });
  }

  /** {@code {customer_id}} → the customer with its active mandate (or null). */
  public Future<JsonObject> directDebit(JsonObject request) {
    long customerId = request.getLong("customer_id");
    return customer(customerId).compose(customer -> mandates.active(customerId)
        .map(mandate -> customer.put("mandate", mandate)));
  }

  private Future<Void> recordView(UUID id, boolean record) {
    return record ? db.preparedQuery(RECORD_VIEW).execute(Tuple.of(id)).mapEmpty()
        : Future.succeededFuture();
  }

  private Future<JsonObject> customer(long customerId) {
    return db.preparedQuery(CUSTOMER).execute(Tuple.of(customerId)).map(rows -> {
      if (rows.size() == 0) {
        throw BusFailure.notFound("Customer");
      }
      var row = rows.iterator().next();
      return new JsonObject()
          .put("customer", new JsonObject()
              .put("id", row.getLong("id"))
              .put("name", row.getString("name"))
              .put("number", row.getString("number"))
              .put("language", row.getString("language")))
          .put("administration", new JsonObject()
              .put("name", row.getString("administration_name"))
              .put("portal_colour", row.getString("portal_colour"))
              .put("payment_url_template", row.getString("payment_url_template"))
              .put("time_zone", row.getString("time_zone"))
              .put("logo_path", AdministrationRepository.logoPath(
                  row.getLong("administration_id"), row.getLong("logo_version"))));
    });
  }

  private static JsonArray invoices(RowSet<Row> rows) {
    var items = new JsonArray();
    rows.forEach(row -> items.add(CaseRepository.toCase(CaseType.INVOICE, row)));
    return items;
  }

  private static JsonArray messages(RowSet<Row> rows) {
    var items = new JsonArray();
    rows.forEach(row -> items.add(toPortalMessage(row)));
    return items;
  }

  /** A message as the customer may see it: no recipients, delivery state or staff emails. */
  private static JsonObject toPortalMessage(Row row) {
    var message = MessageRepository.toMessage(row);
    return new JsonObject()
        .put("id", message.getString("id"))
        .put("case", message.getJsonObject("case"))
        .put("direction", message.getString("direction"))
        .put("author_name", message.getString("author_name"))
        .put("subject", message.getString("subject"))
        .put("body", message.getString("body"))
        .put("signature", message.getString("signature"))
        .put("created_at", message.getString("created_at"))
        .put("attachments", message.getJsonArray("attachments"));
  }
}
