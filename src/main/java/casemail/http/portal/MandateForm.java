package casemail.http.portal;

import casemail.message.MessageDraft;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanFormatException.IbanFormatViolation;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * The direct-debit form, checked: an account holder, an IBAN whose country, length, national
 * format and ISO 13616 mod-97 check digits are right (by iban4j), and the customer's consent.
 * Problems are keys of the words that name them, per field; the values are kept as typed.
 */
final class MandateForm {

  static final int MAX_HOLDER = 70;

  private final JsonObject values = new JsonObject();
  private final JsonObject problems = new JsonObject();

  private MandateForm() {
  }

  static MandateForm empty() {
    var form = new MandateForm();
    form.values.put("account_holder", "").put("iban", "").put("consent", false);
    return form;
  }

  static MandateForm check(MultiMap form) {
    var checked = new MandateForm();
    checked.holder(form.get("account_holder"));
    checked.iban(form.get("iban"));
    checked.values.put("consent", form.contains("consent"));
    if (!form.contains("consent")) {
      checked.problems.put("consent", "portal.dd.error.consent");
    }
    return checked;
  }

  boolean isValid() {
    return problems.isEmpty();
  }

  /** What was typed, for showing the form again. */
  JsonObject values() {
    return values;
  }

  /** Per field, the key of the words naming the problem. */
  JsonObject problems() {
    return problems;
  }

  /** The checked mandate to store: the holder trimmed, the IBAN without spaces. */
  JsonObject mandate() {
    return new JsonObject()
        .put("account_holder", values.getString("account_holder").strip())
        .put("iban", normalised(values.getString("iban")));
  }

  private void holder(String typed) {
    var holder = typed == null ? "" : typed;
    values.put("account_holder", holder);
    if (holder.isBlank()) {
      problems.put("account_holder", "portal.dd.error.holder");
    } else if (holder.strip().length() > MAX_HOLDER
        || MessageDraft.hasControlCharacters(holder, "")) {
      problems.put("account_holder", "portal.dd.error.holder_long");
    }
  }

  private void iban(String typed) {
    var iban = typed == null ? "" : typed;
    values.put("iban", iban);
    var problem = ibanProblem(normalised(iban));
    if (problem != null) {
      problems.put("iban", problem);
    }
  }

  /** The words key of what is wrong with an IBAN, or null if it is valid. */
  static String ibanProblem(String iban) {
    if (iban.isEmpty()) {
      return "portal.dd.error.iban_empty";
    }
    try {
      IbanUtil.validate(iban);
      return null;
    } catch (InvalidCheckDigitException e) {
      return "portal.dd.error.iban_check";
    } catch (UnsupportedCountryException e) {
      return "portal.dd.error.iban_country";
    } catch (IbanFormatException e) {
      return e.getFormatViolation() == IbanFormatViolation.COUNTRY_CODE_EXISTS
          ? "portal.dd.error.iban_country" : "portal.dd.error.iban_format";
    }
  }

  /** As banks print it or people type it — spaces, dashes, lower case — made plain. */
  static String normalised(String iban) {
    return iban.replaceAll("[\\s\\u00a0-]+", "").toUpperCase(Locale.ROOT);
  }
}
