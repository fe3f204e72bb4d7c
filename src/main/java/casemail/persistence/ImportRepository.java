package casemail.persistence;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies checked import rows in one transaction: customers, then invoices, then matters,
 * updating by key. A reference to a customer or invoice that exists neither in the files nor
 * in the database fails the whole import with every such row named by file and line.
 */
public final class ImportRepository {

  private final Pool db;

  public ImportRepository(Pool db) {
    this.db = db;
  }

  public Future<JsonObject> apply(JsonObject request) {
    var counts = new JsonObject();
    return db.withTransaction(tx -> AdministrationRepository
        .ensure(tx, request.getString("administration"))
        .compose(admin -> new Run(tx, admin.getLong("id"), request, counts, new JsonArray())
            .execute()))
        .map(ignored -> counts);
  }

  /**
   * One import inside its transaction. References to unknown customers and invoices are
   * collected as {@code errors} over all files, so that one run names them all; with any, the
   * transaction is rolled back.
   */
  private record Run(SqlClient tx, long administrationId, JsonObject data, JsonObject counts,
      JsonArray errors) {

    Future<Void> execute() {
      return upsert("customers", ImportSql.UPSERT_CUSTOMERS, customerColumns())
          .compose(ignored -> checkCustomers())
          .compose(ignored -> upsert("invoices", ImportSql.UPSERT_INVOICES, invoiceColumns()))
          .compose(ignored -> checkInvoices())
          .compose(ignored -> checkInvoiceCustomers())
          .compose(ignored -> errors.isEmpty() ? Future.succeededFuture() : Future.failedFuture(
              new BusFailure(422, "The import has errors", new JsonObject().put("errors",
                  errors))))
          .compose(ignored -> upsert("matters", ImportSql.UPSERT_MATTERS, matterColumns()))
          .compose(ignored -> linkMatterInvoices());
    }

    private Future<Void> upsert(String name, String sql, List<String[]> columns) {
      var tuple = Tuple.tuple().addLong(administrationId);
      columns.forEach(tuple::addArrayOfString);
      return tx.preparedQuery(sql).execute(tuple).map(rows -> {
        int inserted = 0;
        for (var row : rows) {
          inserted += row.getBoolean("inserted") ? 1 : 0;
        }
        counts.put(name, new JsonObject()
            .put("inserted", inserted)
            .put("updated", rows.rowCount() - inserted)
            .put("rows", rows(name).size()));
        return null;
      });
    }

    private Future<Void> checkCustomers() {
      var references = new ArrayList<Reference>();
      collect(references, "invoices.csv", rows("invoices"), "customer_number");
      collect(references, "matters.csv", rows("matters"), "customer_number");
      return check(ImportSql.UNKNOWN_CUSTOMERS, references, "unknown customer ");
    }

    /**
     * The matters' invoices that are neither in invoices.csv nor stored before (an invoice of
     * the file whose customer is unknown has its own error already).
     */
    private Future<Void> checkInvoices() {
      var inFile = new HashSet<String>();
      objects(rows("invoices")).forEach(invoice -> inFile.add(invoice.getString("number")));
      var references = new ArrayList<Reference>();
      for (var matter : objects(rows("matters"))) {
        for (var number : matter.getJsonArray("invoice_numbers")) {
          if (!inFile.contains((String) number)) {
            references.add(new Reference("matters.csv", matter.getInteger("line"),
                (String) number));
          }
        }
      }
      return check(ImportSql.UNKNOWN_INVOICES, references, "unknown invoice ");
    }

    /** A matter's invoices are its customer's. */
    private Future<Void> checkInvoiceCustomers() {
      var lines = new ArrayList<Integer>();
      var numbers = new ArrayList<String>();
      var customers = new ArrayList<String>();
      for (var matter : objects(rows("matters"))) {
        for (var number : matter.getJsonArray("invoice_numbers")) {
          lines.add(matter.getInteger("line"));
          numbers.add((String) number);
          customers.add(matter.getString("customer_number"));
        }
      }
      var tuple = Tuple.of(administrationId, lines.toArray(Integer[]::new),
          numbers.toArray(String[]::new), customers.toArray(String[]::new));
      return tx.preparedQuery(ImportSql.FOREIGN_INVOICES).execute(tuple).map(rows -> {
        rows.forEach(row -> errors.add("matters.csv:" + row.getInteger("line") + ": invoice "
            + row.getString("number") + " is of customer " + row.getString("customer_number")
            + ", not of the matter's"));
        return null;
      });
    }

    private Future<Void> check(String sql, List<Reference> references, String problem) {
      var values = references.stream().map(Reference::value).distinct().toArray(String[]::new);
      var tuple = Tuple.of(administrationId).addArrayOfString(values);
      return tx.preparedQuery(sql).execute(tuple).map(rows -> {
        var unknown = values(rows);
        references.stream()
            .filter(reference -> unknown.contains(reference.value()))
            .forEach(reference -> errors.add(reference.problem(problem)));
        return null;
      });
    }

    private Future<Void> linkMatterInvoices() {
      var references = new ArrayList<String>();
      var numbers = new ArrayList<String>();
      for (var matter : objects(rows("matters"))) {
        for (var number : matter.getJsonArray("invoice_numbers")) {
          references.add(matter.getString("reference"));
          numbers.add((String) number);
        }
      }
      var tuple = Tuple.of(administrationId, references.toArray(String[]::new),
          numbers.toArray(String[]::new));
      return tx.preparedQuery(ImportSql.UNLINK_MATTER_INVOICES).execute(tuple)
          .compose(ignored -> tx.preparedQuery(ImportSql.LINK_MATTER_INVOICES).execute(tuple))
          .mapEmpty();
    }

    private List<String[]> customerColumns() {
      var rows = rows("customers");
      return List.of(column(rows, "number"), column(rows, "name"),
          column(rows, row -> joinLines(row.getJsonArray("emails"))),
          column(rows, "contact_name"), column(rows, "phone"), column(rows, "language"),
          column(rows, "address"), column(rows, "postal_code"), column(rows, "city"),
          column(rows, "country"));
    }

    private List<String[]> invoiceColumns() {
      var rows = rows("invoices");
      return List.of(column(rows, "number"), column(rows, "customer_number"),
          column(rows, "invoice_date"), column(rows, "due_date"), column(rows, "amount"),
          column(rows, "open_amount"), column(rows, "currency"), column(rows, "description"));
    }

    private List<String[]> matterColumns() {
      var rows = rows("matters");
      return List.of(column(rows, "reference"), column(rows, "customer_number"),
          column(rows, "opened_on"), column(rows, "status"), column(rows, "principal_amount"),
          column(rows, "collection_costs"), column(rows, "interest_amount"));
    }

    private JsonArray rows(String name) {
      return data.getJsonArray(name, new JsonArray());
    }
  }

  /** A row's reference to another file's key, for naming it when it is unknown. */
  private record Reference(String file, int line, String value) {

    String problem(String what) {
      return file + ":" + line + ": " + what + value;
    }
  }

  private static void collect(List<Reference> into, String file, JsonArray rows, String field) {
    for (var row : objects(rows)) {
      into.add(new Reference(file, row.getInteger("line"), row.getString(field)));
    }
  }

  private static String[] column(JsonArray rows, String field) {
    return column(rows, row -> row.getString(field));
  }

  private static String[] column(JsonArray rows, Function<JsonObject, String> value) {
    var values = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      values[i] = value.apply(rows.getJsonObject(i));
    }
    return values;
  }

  private static String joinLines(JsonArray values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining("\n"));
  }

  private static List<JsonObject> objects(JsonArray rows) {
    var list = new ArrayList<JsonObject>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      list.add(rows.getJsonObject(i));
    }
    return list;
  }

  private static Set<String> values(RowSet<Row> rows) {
    var values = new HashSet<String>();
    rows.forEach(row -> values.add(row.getString(0)));
    return values;
  }
}
