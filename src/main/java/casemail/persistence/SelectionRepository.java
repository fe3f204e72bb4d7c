package casemail.persistence;

import casemail.cases.CaseFilter;
import casemail.cases.Selection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

/**
 * The cases an overview selection (or an API batch request) names, resolved within one
 * administration: counted for the bulk composer, and read with what their messages need.
 * A request is {@code {administration_id, case_type, filter, selection: {all, ids}}}.
 */
public final class SelectionRepository {

  private final Pool db;

  public SelectionRepository(Pool db) {
    this.db = db;
  }

  /** {@code {total, customers, emailed, portal_only}}. */
  public Future<JsonObject> summary(JsonObject request) {
    var type = type(request);
    var query = CaseQuerySql.summary(request.getLong("administration_id"),
        CaseFilter.fromJson(type, request.getJsonObject("filter")), selection(request));
    return db.preparedQuery(query.sql()).execute(query.params()).map(rows -> {
      var row = rows.iterator().next();
      long total = row.getLong("total");
      long emailed = row.getLong("emailed");
      return new JsonObject()
          .put("total", total)
          .put("customers", row.getLong("customers"))
          .put("emailed", emailed)
          .put("portal_only", total - emailed);
    });
  }

  /**
   * {@code {items: [{type, case, customer}]}}, by number or reference, at most {@code limit}:
   * each case with its customer's name, number, contact, language, emails and whether it
   * can be emailed — the shape of {@code persistence.case.get} that placeholders are filled
   * from.
   */
  public Future<JsonObject> cases(JsonObject request) {
    var type = CaseType.parse(type(request));
    var query = CaseQuerySql.selected(request.getLong("administration_id"),
        CaseFilter.fromJson(type.value(), request.getJsonObject("filter")), selection(request),
        request.getInteger("limit"));
    return db.preparedQuery(query.sql()).execute(query.params()).map(rows -> {
      var items = new JsonArray();
      rows.forEach(row -> items.add(toSelected(type, row)));
      return new JsonObject().put("items", items);
    });
  }

  private static String type(JsonObject request) {
    return CaseType.parse(request.getString("case_type")).value();
  }

  private static Selection selection(JsonObject request) {
    var given = request.getJsonObject("selection");
    return given == null ? Selection.everything() : Selection.fromJson(given);
  }

  private static JsonObject toSelected(CaseType type, Row row) {
    var found = CaseRepository.toCase(type, row);
    var customer = type == CaseType.CUSTOMER ? found.copy() : new JsonObject()
        .put("id", found.getLong("customer_id"))
        .put("name", row.getString("customer_name"))
        .put("number", row.getString("customer_number"))
        .put("contact_name", row.getString("customer_contact_name"))
        .put("language", row.getString("customer_language"))
        .put("emails", Rows.strings(row, "customer_emails"));
    return new JsonObject()
        .put("type", type.value())
        .put("case", found)
        .put("customer", customer.put("emailable", row.getBoolean("emailable")));
  }
}
