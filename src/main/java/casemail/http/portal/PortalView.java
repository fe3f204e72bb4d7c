package casemail.http.portal;

import casemail.http.Formats;
import casemail.http.UploadForm;
import casemail.message.Attachments;
import casemail.message.Attachments.Problem;
import casemail.message.Attachments.Refusal;
import casemail.message.PlainText;
import casemail.message.Words;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.stream.Collectors;

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
        .put("hasInvoices", !invoices.isEmpty())
        .put("directDebit", directDebitSummary(data.getJsonObject("mandate")));
  }

  /** The message with its thread and the reply form, as typed and checked. */
  JsonObject message(ReplyForm form, boolean replied) {
    var message = data.getJsonObject("message");
    var view = message(message);
    return common()
        .put("title", message.getString("subject"))
        .put("message", view)
        .put("replies", replies(message.getJsonArray("replies")))
        .put("hasReplies", !message.getJsonArray("replies").isEmpty())
        .put("replied", replied ? words.get("portal.reply.sent", administrationName()) : null)
        .put("form", new JsonObject()
            .put("action", view.getString("url") + "/replies")
            .put("id", form.id())
            .put("body", form.body())
            .put("problem", form.problem() == null ? null
                : words.get(form.problem(), ReplyForm.MAX_BODY))
            .put("filesProblem", filesProblem(form))
            .put("filesAgain", form.files().uploads().isEmpty()
                && form.fileProblems().isEmpty() ? null
                : words.get("portal.reply.files_again"))
            .put("limits", UploadForm.limits(fileWords(new Problem(Refusal.FILE_TOO_LARGE,
                "{name}")), fileWords(new Problem(Refusal.MESSAGE_TOO_LARGE, null)))))
        .put("back", words.get("portal.back"));
  }

  /** What is wrong with the files, in the customer's words; null when nothing is. */
  private String filesProblem(ReplyForm form) {
    if (form.fileProblems().isEmpty()) {
      return null;
    }
    return form.fileProblems().stream().map(this::fileWords).collect(Collectors.joining(" "));
  }

  private String fileWords(Problem problem) {
    var limits = Attachments.limitsInMb();
    return words.get("portal.attachments." + problem.refusal().key(), problem.shownName(),
        limits[0], limits[1], limits[2]);
  }

  /** The stylesheet of the administration's colour (#RRGGBB), or null for Casemail's own. */
  private static String colourUrl(String colour) {
    return colour == null || !colour.matches("#[0-9A-Fa-f]{6}") ? null
        : "/colour/" + colour.substring(1).toLowerCase(Locale.ROOT) + ".css";
  }

  JsonObject common() {
    return new JsonObject()
        .put("lang", words.language())
        .put("administrationName", administrationName())
        .put("logoUrl", data.getJsonObject("administration").getString("logo_path"))
        .put("colourUrl", colourUrl(data.getJsonObject("administration")
            .getString("portal_colour")))
        .put("customerName", data.getJsonObject("customer").getString("name"))
        .put("words", PortalWords.of(words, "messages", "invoices", "no_messages",
            "no_invoices", "invoice", "due", "amount", "open", "thread", "problems",
            "reply.title", "reply.label", "reply.send", "reply.yours", "reply.files", "pay",
            "attachments", "staff_preview.text",
            "dd.title", "dd.holder", "dd.iban", "dd.iban_help", "dd.reference",
            "dd.submit", "dd.revoke", "dd.setup", "dd.manage", "dd.none", "dd.problems")
            .put("dd_intro", words.get("portal.dd.intro", administrationName()))
            .put("dd_consent", words.get("portal.dd.consent", administrationName()))
            .put("reply_files_help", words.get("portal.reply.files_help",
                Attachments.limitsInMb())));
  }

  Words words() {
    return words;
  }

  Formats formats() {
    return formats;
  }

  String administrationName() {
    return data.getJsonObject("administration").getString("name");
  }

  private JsonObject directDebitSummary(JsonObject mandate) {
    return new JsonObject()
        .put("active", mandate != null)
        .put("text", mandate == null ? words.get("portal.dd.none")
            : words.get("portal.dd.active",
                formats.dateTime(mandate.getString("authorised_at"))));
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
        .put("signatureHtml", PlainText.toHtml(message.getString("signature", "")))
        .put("attachments", attachments(message.getJsonArray("attachments", new JsonArray())));
  }

  private static JsonArray attachments(JsonArray attachments) {
    var views = new JsonArray();
    attachments.forEach(item -> {
      var attachment = (JsonObject) item;
      views.add(new JsonObject()
          .put("filename", attachment.getString("filename"))
          .put("sizeText", Attachments.sizeText(attachment.getLong("size")))
          .put("url", "/portal/attachments/" + attachment.getString("id")));
    });
    return views;
  }

  private JsonArray replies(JsonArray replies) {
    var views = new JsonArray();
    replies.forEach(item -> {
      var reply = (JsonObject) item;
      views.add(new JsonObject()
          .put("id", reply.getString("id"))
          .put("createdAt", formats.dateTime(reply.getString("created_at")))
          // Escaped by PlainText.toHtml.
          .put("bodyHtml", PlainText.toHtml(reply.getString("body")))
          .put("attachments", attachments(reply.getJsonArray("attachments", new JsonArray()))));
    });
    return views;
  }

  private JsonArray invoices(JsonArray invoices) {
    var template = data.getJsonObject("administration").getString("payment_url_template");
    var views = new JsonArray();
    invoices.forEach(item -> {
      var invoice = (JsonObject) item;
      var currency = invoice.getString("currency");
      var open = !"paid".equals(invoice.getString("status"));
      var pay = open ? PaymentLink.of(template, invoice.getString("number"),
          invoice.getString("open_amount"), currency).orElse(null) : null;
      views.add(new JsonObject()
          .put("number", invoice.getString("number"))
          .put("dueDate", formats.date(invoice.getString("due_date")))
          .put("amount", formats.amount(invoice.getString("amount"), currency))
          .put("openAmount", formats.amount(invoice.getString("open_amount"), currency))
          .put("status", invoice.getString("status"))
          .put("statusLabel", words.get("portal.status." + invoice.getString("status")))
          .put("payUrl", pay)
          .put("payLabel", words.get("portal.pay.label", invoice.getString("number"))));
    });
    return views;
  }
}
