package casemail.http.staff;

import casemail.http.portal.PaymentLink;
import casemail.message.EmailAddress;
import casemail.message.MessageDraft;
import casemail.message.PlainText;
import casemail.message.Signature;
import casemail.message.Words;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/** Settings → Administration, checked: every problem named by its field. */
final class AdministrationForm {

  static final List<String> TRACKING_MODES = List.of("individual", "anonymous", "off");
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final Pattern PAYMENT_URL = Pattern.compile("https?://[^\\s<>\"]+");

  private final JsonObject values = new JsonObject();
  private final JsonObject problems = new JsonObject();
  private final Words words;

  private AdministrationForm(Words words) {
    this.words = words;
  }

  /** Checks the form; problems are worded with {@code words}, the reader's staff words. */
  static AdministrationForm check(MultiMap form, Words words) {
    var checked = new AdministrationForm(words);
    checked.text(form, "name", 200, true);
    checked.sender(form.get("sender_address"));
    checked.text(form, "sender_name", 200, true);
    checked.signature(form.get("default_signature"));
    checked.choice(form, "default_language", Words.LANGUAGES);
    checked.timeZone(form.get("time_zone"));
    checked.pattern(form, "portal_colour", COLOUR, words.get("problem.colour"));
    checked.values.put("reply_notifications", form.contains("reply_notifications"));
    checked.choice(form, "tracking_mode", TRACKING_MODES);
    checked.paymentUrl(form.get("payment_url_template"));
    return checked;
  }

  boolean isValid() {
    return problems.isEmpty();
  }

  JsonObject values() {
    return values;
  }

  JsonObject problems() {
    return problems;
  }

  private void text(MultiMap form, String field, int max, boolean required) {
    var value = form.get(field) == null ? "" : form.get(field).strip();
    values.put(field, value);
    if (required && value.isEmpty()) {
      problems.put(field, words.get("problem.empty"));
    } else if (value.length() > max || MessageDraft.hasControlCharacters(value, "")) {
      problems.put(field, words.get("problem.one_line", max));
    }
  }

  private void sender(String value) {
    var address = EmailAddress.parse(value);
    values.put("sender_address", value == null ? "" : value.strip());
    address.ifPresentOrElse(valid -> values.put("sender_address", valid.value()),
        () -> problems.put("sender_address", words.get("problem.email")));
  }

  private void signature(String value) {
    var text = PlainText.normalise(value);
    values.put("default_signature", text);
    if (Signature.problem(text) != null) {
      problems.put("default_signature", words.get("problem.signature_long",
          Signature.MAX_LENGTH));
    }
  }

  private void choice(MultiMap form, String field, List<String> allowed) {
    var value = form.get(field);
    values.put(field, value);
    if (value == null || !allowed.contains(value)) {
      problems.put(field, words.get("problem.choose", String.join(", ", allowed)));
    }
  }

  private void timeZone(String value) {
    values.put("time_zone", value);
    try {
      ZoneId.of(value == null ? "" : value);
    } catch (DateTimeException e) {
      problems.put("time_zone", words.get("problem.time_zone"));
    }
  }

  private void pattern(MultiMap form, String field, Pattern pattern, String problem) {
    var value = form.get(field) == null ? "" : form.get(field).strip();
    values.put(field, value);
    if (!pattern.matcher(value).matches()) {
      problems.put(field, problem);
    }
  }

  private void paymentUrl(String value) {
    var url = value == null ? "" : value.strip();
    values.put("payment_url_template", url.isEmpty() ? null : url);
    if (!url.isEmpty() && (!PAYMENT_URL.matcher(url).matches() || url.length() > 500)) {
      problems.put("payment_url_template", words.get("problem.payment_url",
          "https://pay.example.com/?invoice={invoice_number}"));
    } else {
      PaymentLink.unknownPlaceholder(url).ifPresent(unknown -> problems.put(
          "payment_url_template", words.get("problem.payment_value", unknown,
              "{invoice_number}, {amount}, {currency}")));
    }
  }
}
