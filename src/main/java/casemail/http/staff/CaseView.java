package casemail.http.staff;

import casemail.http.Formats;
import casemail.http.Pages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A case's facts prepared for its page: amounts and dates formatted, links built. */
final class CaseView {

  private final Formats formats;

  CaseView(Formats formats) {
    this.formats = formats;
  }

  /** From a {@code persistence.case.get} reply. */
  JsonObject of(JsonObject found) {
    var type = found.getString("type");
    var item = found.getJsonObject("case");
    var customer = found.getJsonObject("customer");
    var view = new JsonObject()
        .put("type", type)
        .put("path", "/" + type + "s/" + item.getLong("id"))
        .put("customer", customer(customer))
        .put("invoices", invoices(found.getJsonArray("invoices")));
    return switch (type) {
      case "invoice" -> view.put("invoice", invoice(item))
          .put(Pages.TITLE_KEY, "case.invoice_title")
          .put(Pages.TITLE_ARGUMENTS, new JsonArray().add(item.getString("number")));
      case "matter" -> view.put("matter", matter(item))
          .put(Pages.TITLE_KEY, "case.matter_title")
          .put(Pages.TITLE_ARGUMENTS, new JsonArray().add(item.getString("reference")));
      default -> view.put("title", customer.getString("name"));
    };
  }

  JsonObject customer(JsonObject customer) {
    return customer.copy()
        .put("url", "/customers/" + customer.getLong("id"))
        .put("hasEmail", !customer.getJsonArray("emails").isEmpty());
  }

  JsonObject invoice(JsonObject invoice) {
    var currency = invoice.getString("currency");
    return invoice.copy()
        .put("url", "/invoices/" + invoice.getLong("id"))
        .put("invoiceDate", formats.date(invoice.getString("invoice_date")))
        .put("dueDate", formats.date(invoice.getString("due_date")))
        .put("amountText", formats.amount(invoice.getString("amount"), currency))
        .put("openAmountText", formats.amount(invoice.getString("open_amount"), currency));
  }

  JsonObject matter(JsonObject matter) {
    var currency = matter.getString("currency");
    return matter.copy()
        .put("url", "/matters/" + matter.getLong("id"))
        .put("openedOn", formats.date(matter.getString("opened_on")))
        .put("principalText", formats.amount(matter.getString("principal_amount"), currency))
        .put("costsText", formats.amount(matter.getString("collection_costs"), currency))
        .put("interestText", formats.amount(matter.getString("interest_amount"), currency))
        .put("totalText", formats.amount(matter.getString("total"), currency));
  }

  private JsonArray invoices(JsonArray invoices) {
    var views = new JsonArray();
    invoices.forEach(invoice -> views.add(invoice((JsonObject) invoice)));
    return views;
  }
}
