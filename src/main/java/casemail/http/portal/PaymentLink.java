package casemail.http.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Pay button's address: the administration's payment URL template with
 * {@code {invoice_number}}, {@code {amount}} (the open amount, e.g. {@code 1250.00}) and
 * {@code {currency}} filled in, each percent-encoded. None without a template, or for a
 * template that is not a web address.
 */
public final class PaymentLink {

  private static final Set<String> PLACEHOLDERS = Set.of("invoice_number", "amount", "currency");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private PaymentLink() {
  }

  /** The first {@code {…}} in a template that is none of the three values, if any. */
  public static Optional<String> unknownPlaceholder(String template) {
    var found = PLACEHOLDER.matcher(template);
    while (found.find()) {
      if (!PLACEHOLDERS.contains(found.group(1))) {
        return Optional.of(found.group());
      }
    }
    return Optional.empty();
  }

  static Optional<String> of(String template, String invoiceNumber, String amount,
      String currency) {
    if (template == null || !(template.startsWith("https://")
        || template.startsWith("http://"))) {
      return Optional.empty();
    }
    return Optional.of(template
        .replace("{invoice_number}", encode(invoiceNumber))
        .replace("{amount}", encode(amount))
        .replace("{currency}", encode(currency)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
