package casemail.http.portal;

import casemail.http.Formats;
import casemail.message.PlainText;
import casemail.message.Words;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Portal pages' models: every word in the customer's language, amounts and dates for them. */
final class PortalView {

  private final JsonObject data;
  private final Words words;
  private final Formats formats;

  PortalView(JsonObject data) {
    this.data = data;
    this.words = Words.of(data.getJsonObject("customer").getString("language"));
    this.formats = PortalRoutes.formats(data);
  }

  JsonObject overview() {
    var messages = data.getJsonArray("messages");
    var invoices = data.getJsonArray("invoices");
    return common()
        .put("title", words.get("portal.title"))
        .put("messages", messages(messages))
        .put("invoices", invoices(invoices))
        .put("hasMessages", !messages.isEmpty())
        .put("hasInvoices", !invoices.isEmpty());
  }

  JsonObject message() {
    var message = data.getJsonObject("message");
    return common()
        .put("title", message.getString("subject"))
        .put("message", message(message))
        .put("back", words.get("portal.back"));
  }

  private JsonObject common() {
    var administration = data.getJsonObject("administration");
    return new JsonObject()
        .put("lang", words.language())
        .put("administrationName", administration.getString("name"))
        .put("customerName", data.getJsonObject("customer").getString("name"))
        .put("words", new JsonObject()
            .put("messages", words.get("portal.messages"))
            .put("invoices", words.get("portal.invoices"))
            .put("noMessages", words.get("portal.no_messages"))
            .put("noInvoices", words.get("portal.no_invoices"))
            .put("invoice", words.get("portal.invoice"))
            .put("due", words.get("portal.due"))
            .put("amount", words.get("portal.amount"))
            .put("open", words.get("portal.open")));
  }

  private JsonArray messages(JsonArray messages) {
    var views = new JsonArray();
    messages.forEach(item -> views.add(message((JsonObject) item)));
    return views;
  }

  private JsonObject message(JsonObject message) {
    return new JsonObject()
        .put("url", "/portal/messages/" + message.getString("id"))
        .put("subject", message.getString("subject"))
        .put("from", words.get("portal.from", message.getString("author_name")))
        .put("about", words.get("portal.about", message.getJsonObject("case").getString("label")))
        .put("createdAt", formats.dateTime(message.getString("created_at")))
        // Escaped by PlainText.toHtml.
        .put("bodyHtml", PlainText.toHtml(message.getString("body")))
        .put("signatureHtml", PlainText.toHtml(message.getString("signature", "")));
  }

  private JsonArray invoices(JsonArray invoices) {
    var views = new JsonArray();
    invoices.forEach(item -> {
      var invoice = (JsonObject) item;
      var currency = invoice.getString("currency");
      views.add(new JsonObject()
          .put("number", invoice.getString("number"))
          .put("dueDate", formats.date(invoice.getString("due_date")))
          .put("amount", formats.amount(invoice.getString("amount"), currency))
          .put("openAmount", formats.amount(invoice.getString("open_amount"), currency))
          .put("status", invoice.getString("status"))
          .put("statusLabel", words.get("portal.status." + invoice.getString("status"))));
    });
    return views;
  }
}
