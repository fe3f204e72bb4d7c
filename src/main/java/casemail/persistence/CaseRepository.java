package casemail.persistence;

import casemail.bus.BusFailure;
import casemail.cases.CaseFilter;
import casemail.cases.CaseOrder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** Cases — customers, invoices and matters — listed and read within one administration. */
public final class CaseRepository {

  private static final int MAX_LIMIT = 500;

  private final Pool db;

  public CaseRepository(Pool db) {
    this.db = db;
  }

  /**
   * A page of cases as filtered and sorted, after the cursor; with {@code with_total}, also
   * how many match in all.
   */
  public Future<JsonObject> list(JsonObject request) {
    var type = CaseType.parse(request.getString("type")).value();
    long administrationId = request.getLong("administration_id");
    int limit = Math.max(1, Math.min(request.getInteger("limit", 50), MAX_LIMIT));
    var filter = CaseFilter.fromJson(type, request.getJsonObject("filter"));
    var order = CaseOrder.fromJson(type, request.getJsonObject("order"));
    var cursor = order.decode(request.getString("cursor"));
    var page = CaseQuerySql.page(administrationId, filter, order, cursor, null, limit + 1);
    var items = db.preparedQuery(page.sql()).execute(page.params())
        .map(rows -> page(CaseType.parse(type), order, rows, limit));
    if (!request.getBoolean("with_total", false)) {
      return items;
    }
    var count = CaseQuerySql.count(administrationId, filter, null);
    return Future.all(items, db.preparedQuery(count.sql()).execute(count.params()))
        .map(all -> all.<JsonObject>resultAt(0).put("total",
            all.<RowSet<Row>>resultAt(1).iterator().next().getLong("total")));
  }

  /** One case with its customer; a customer's and a matter's invoices too. */
  public Future<JsonObject> get(JsonObject request) {
    var type = CaseType.parse(request.getString("type"));
    long administrationId = request.getLong("administration_id");
    long id = request.getLong("id");
    return one(db, type, administrationId, id).compose(found -> withRelations(type, found));
  }

  static Future<JsonObject> one(SqlClient client, CaseType type, long administrationId, long id) {
    return client.preparedQuery(CaseSql.get(type)).execute(Tuple.of(administrationId, id))
        .map(rows -> {
          if (rows.size() == 0) {
            throw BusFailure.notFound(type.label());
          }
          return toCase(type, rows.iterator().next());
        });
  }

  private Future<JsonObject> withRelations(CaseType type, JsonObject found) {
    long administrationId = found.getLong("administration_id");
    var customerId = type == CaseType.CUSTOMER ? found.getLong("id")
        : found.getLong("customer_id");
    var result = new JsonObject().put("type", type.value()).put("case", found);
    return one(db, CaseType.CUSTOMER, administrationId, customerId)
        .compose(customer -> invoices(type, found).map(invoices -> result
            .put("customer", customer)
            .put("invoices", invoices)));
  }

  private Future<JsonArray> invoices(CaseType type, JsonObject found) {
    if (type == CaseType.INVOICE) {
      return Future.succeededFuture(new JsonArray());
    }
    var sql = type == CaseType.CUSTOMER ? CaseSql.CUSTOMER_INVOICES : CaseSql.MATTER_INVOICES;
    var tuple = Tuple.of(found.getLong("administration_id"), found.getLong("id"));
    return db.preparedQuery(sql).execute(tuple).map(rows -> toCases(CaseType.INVOICE, rows));
  }

  private static JsonObject page(CaseType type, CaseOrder order, RowSet<Row> rows, int limit) {
    var items = new JsonArray();
    String next = null;
    for (var row : rows) {
      if (items.size() == limit) {
        break;
      }
      items.add(toCase(type, row).put("customer_name", row.getString("customer_name")));
      if (items.size() == limit && rows.size() > limit) {
        next = order.cursor(row.getString("sort_value"), row.getLong("id"));
      }
    }
    return new JsonObject().put("items", items).put("next", next);
  }

  private static JsonArray toCases(CaseType type, RowSet<Row> rows) {
    var items = new JsonArray();
    rows.forEach(row -> items.add(toCase(type, row)));
    return items;
  }

  static JsonObject toCase(CaseType type, Row row) {
    return switch (type) {
      case CUSTOMER -> toCustomer(row);
      case INVOICE -> toInvoice(row);
      case MATTER -> toMatter(row);
    };
  }

  private static JsonObject toCustomer(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("administration_id", row.getLong("administration_id"))
        .put("number", row.getString("number"))
        .put("name", row.getString("name"))
        .put("emails", Rows.strings(row, "emails"))
        .put("language", row.getString("language"))
        .put("contact_name", row.getString("contact_name"))
        .put("phone", row.getString("phone"))
        .put("address", row.getString("address"))
        .put("postal_code", row.getString("postal_code"))
        .put("city", row.getString("city"))
        .put("country", row.getString("country"));
  }

  private static JsonObject toInvoice(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("administration_id", row.getLong("administration_id"))
        .put("number", row.getString("number"))
        .put("customer_id", row.getLong("customer_id"))
        .put("invoice_date", Rows.date(row, "invoice_date"))
        .put("due_date", Rows.date(row, "due_date"))
        .put("amount", Rows.amount(row, "amount"))
        .put("open_amount", Rows.amount(row, "open_amount"))
        .put("currency", row.getString("currency"))
        .put("status", row.getString("status"))
        .put("description", row.getString("description"));
  }

  private static JsonObject toMatter(Row row) {
    var invoiceIds = new JsonArray();
    for (Long id : row.getArrayOfLongs("invoice_ids")) {
      invoiceIds.add(id);
    }
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("administration_id", row.getLong("administration_id"))
        .put("reference", row.getString("reference"))
        .put("customer_id", row.getLong("customer_id"))
        .put("status", row.getString("status"))
        .put("opened_on", Rows.date(row, "opened_on"))
        .put("invoice_ids", invoiceIds)
        .put("principal_amount", Rows.amount(row, "principal_amount"))
        .put("collection_costs", Rows.amount(row, "collection_costs"))
        .put("interest_amount", Rows.amount(row, "interest_amount"))
        .put("total", Rows.amount(row, "total"))
        .put("currency", row.getString("currency"));
  }
}
