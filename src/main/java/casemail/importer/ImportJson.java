package casemail.importer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Converts {@link ImportData} to and from its event-bus JSON: snake_case keys, dates as
 * yyyy-MM-dd strings and amounts as plain decimal strings, so no precision is lost in transit.
 */
final class ImportJson {

  private ImportJson() {}

  static JsonObject toJson(ImportData data) {
    return new JsonObject()
        .put("customers", array(data.customers(), ImportJson::customer))
        .put("invoices", array(data.invoices(), ImportJson::invoice))
        .put("matters", array(data.matters(), ImportJson::matter))
        .put("errors", array(data.errors(), ImportJson::problem))
        .put("warnings", array(data.warnings(), ImportJson::problem));
  }

  static ImportData fromJson(JsonObject json) {
    return new ImportData(
        list(json.getJsonArray("customers"), ImportJson::customer),
        list(json.getJsonArray("invoices"), ImportJson::invoice),
        list(json.getJsonArray("matters"), ImportJson::matter),
        list(json.getJsonArray("errors"), ImportJson::problem),
        list(json.getJsonArray("warnings"), ImportJson::problem));
  }

  private static JsonObject customer(CustomerRow row) {
    return new JsonObject()
        .put("line", row.line())
        .put("number", row.number())
        .put("name", row.name())
        .put("emails", new JsonArray(new ArrayList<>(row.emails())))
        .put("contact_name", row.contactName())
        .put("phone", row.phone())
        .put("language", row.language())
        .put("address", row.address())
        .put("postal_code", row.postalCode())
        .put("city", row.city())
        .put("country", row.country());
  }

  private static CustomerRow customer(JsonObject json) {
    return new CustomerRow(
        json.getInteger("line"),
        json.getString("number"),
        json.getString("name"),
        strings(json.getJsonArray("emails")),
        json.getString("contact_name"),
        json.getString("phone"),
        json.getString("language"),
        json.getString("address"),
        json.getString("postal_code"),
        json.getString("city"),
        json.getString("country"));
  }

  private static JsonObject invoice(InvoiceRow row) {
    return new JsonObject()
        .put("line", row.line())
        .put("number", row.number())
        .put("customer_number", row.customerNumber())
        .put("invoice_date", text(row.invoiceDate()))
        .put("due_date", text(row.dueDate()))
        .put("amount", text(row.amount()))
        .put("open_amount", text(row.openAmount()))
        .put("currency", row.currency())
        .put("description", row.description());
  }

  private static InvoiceRow invoice(JsonObject json) {
    return new InvoiceRow(
        json.getInteger("line"),
        json.getString("number"),
        json.getString("customer_number"),
        date(json.getString("invoice_date")),
        date(json.getString("due_date")),
        amount(json.getString("amount")),
        amount(json.getString("open_amount")),
        json.getString("currency"),
        json.getString("description"));
  }

  private static JsonObject matter(MatterRow row) {
    return new JsonObject()
        .put("line", row.line())
        .put("reference", row.reference())
        .put("customer_number", row.customerNumber())
        .put("opened_on", text(row.openedOn()))
        .put("status", row.status())
        .put("invoice_numbers", new JsonArray(new ArrayList<>(row.invoiceNumbers())))
        .put("principal_amount", text(row.principalAmount()))
        .put("collection_costs", text(row.collectionCosts()))
        .put("interest_amount", text(row.interestAmount()));
  }

  private static MatterRow matter(JsonObject json) {
    return new MatterRow(
        json.getInteger("line"),
        json.getString("reference"),
        json.getString("customer_number"),
        date(json.getString("opened_on")),
        json.getString("status"),
        strings(json.getJsonArray("invoice_numbers")),
        amount(json.getString("principal_amount")),
        amount(json.getString("collection_costs")),
        amount(json.getString("interest_amount")));
  }

  private static JsonObject problem(ImportProblem problem) {
    return new JsonObject()
        .put("file", problem.file())
        .put("line", problem.line())
        .put("message", problem.message());
  }

  private static ImportProblem problem(JsonObject json) {
    return new ImportProblem(
        json.getString("file"), json.getInteger("line"), json.getString("message"));
  }

  private static <T> JsonArray array(List<T> items, Function<T, JsonObject> toJson) {
    var array = new JsonArray();
    items.forEach(item -> array.add(toJson.apply(item)));
    return array;
  }

  private static <T> List<T> list(JsonArray array, Function<JsonObject, T> fromJson) {
    var items = new ArrayList<T>(array.size());
    for (var i = 0; i < array.size(); i++) {
      items.add(fromJson.apply(array.getJsonObject(i)));
    }
    return items;
  }

  private static List<String> strings(JsonArray array) {
    var strings = new ArrayList<String>(array.size());
    for (var i = 0; i < array.size(); i++) {
      strings.add(array.getString(i));
    }
    return strings;
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static String text(BigDecimal amount) {
    return amount == null ? null : amount.toPlainString();
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }

  private static BigDecimal amount(String text) {
    return text == null ? null : new BigDecimal(text);
  }
}
