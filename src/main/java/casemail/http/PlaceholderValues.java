package casemail.http;

import casemail.message.Words;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of the placeholders for one case, from persistence data: amounts and dates
 * formatted for the customer's language, in the administration's time zone. Only the
 * placeholders that apply to the case's type are present.
 */
final class PlaceholderValues {

  private PlaceholderValues() {
  }

  /**
   * {@code found}: a {@code persistence.case.get} reply; {@code user}, {@code administration}:
   * their get replies; {@code portalLink}: the link to the message being written.
   */
  static Map<String, String> of(JsonObject found, JsonObject user, JsonObject administration,
      String portalLink) {
    return of(found, user, administration, portalLink, formats(found, administration));
  }

  /** The same, with {@code formats} for the customer's language (see {@link #formats}). */
  static Map<String, String> of(JsonObject found, JsonObject user, JsonObject administration,
      String portalLink, Formats formats) {
    var customer = found.getJsonObject("customer");
    var values = new LinkedHashMap<String, String>();
    values.put("customer.name", customer.getString("name"));
    values.put("customer.number", customer.getString("number"));
    var contact = customer.getString("contact_name");
    values.put("contact.name", contact == null || contact.isBlank()
        ? customer.getString("name") : contact);
    var item = found.getJsonObject("case");
    switch (found.getString("type")) {
      case "invoice" -> invoice(values, item, formats);
      case "matter" -> matter(values, item, formats);
      default -> { }
    }
    values.put("user.name", user.getString("name"));
    values.put("administration.name", administration.getString("name"));
    values.put("portal.link", portalLink);
    return values;
  }

  /** How amounts and dates read for the case's customer. */
  static Formats formats(JsonObject found, JsonObject administration) {
    var language = found.getJsonObject("customer").getString("language");
    return new Formats(Words.of(language).locale(), administration.getString("time_zone"));
  }

  private static void invoice(Map<String, String> values, JsonObject invoice, Formats formats) {
    var currency = invoice.getString("currency");
    values.put("invoice.number", invoice.getString("number"));
    values.put("invoice.amount", formats.amount(invoice.getString("amount"), currency));
    values.put("invoice.open_amount", formats.amount(invoice.getString("open_amount"),
        currency));
    values.put("invoice.due_date", formats.date(invoice.getString("due_date")));
  }

  private static void matter(Map<String, String> values, JsonObject matter, Formats formats) {
    values.put("matter.reference", matter.getString("reference"));
    values.put("matter.total", formats.amount(matter.getString("total"),
        matter.getString("currency")));
  }
}
