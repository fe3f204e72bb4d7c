package casemail.message;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as Casemail keeps it: trimmed and lower-cased, with an internationalised
 * domain kept as written ({@link #value()}) and available in its ASCII form for SMTP
 * ({@link #ascii()}). Plus-addresses are ordinary addresses.
 */
public record EmailAddress(String value, String ascii) {

  private static final Pattern LOCAL_PART =
      Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  // A label may end in a hyphen: accounting exports cut long domains that way, and DNS and
  // mail servers accept such names even though host-name rules do not.
  private static final Pattern ASCII_LABEL = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern SEPARATORS = Pattern.compile("[;,\\s]+");

  /** The address in {@code text}, normalised, or empty if it is not a valid address. */
  public static Optional<EmailAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    var candidate = text.strip().toLowerCase(Locale.ROOT);
    var at = candidate.lastIndexOf('@');
    if (at <= 0 || at > 64 || candidate.length() > 254) {
      return Optional.empty();
    }
    var local = candidate.substring(0, at);
    return asciiDomain(candidate.substring(at + 1))
        .filter(domain -> LOCAL_PART.matcher(local).matches())
        .map(domain -> new EmailAddress(candidate, local + "@" + domain));
  }

  /** The address's ASCII form for SMTP (internationalised domain as punycode), if it is one. */
  public static String asciiOf(String address) {
    return parse(address).map(EmailAddress::ascii).orElse(address);
  }

  /** Splits a list separated by {@code ;}, {@code ,} or white space, dropping empty parts. */
  public static List<String> split(String text) {
    var parts = new ArrayList<String>();
    if (text == null) {
      return parts;
    }
    for (var part : SEPARATORS.split(text)) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }

  private static Optional<String> asciiDomain(String domain) {
    try {
      var ascii = IDN.toASCII(domain).toLowerCase(Locale.ROOT);
      var labels = ascii.split("\\.", -1);
      if (labels.length < 2 || ascii.length() > 253) {
        return Optional.empty();
      }
      for (var label : labels) {
        if (label.length() > 63 || !ASCII_LABEL.matcher(label).matches()) {
          return Optional.empty();
        }
      }
      return Optional.of(ascii);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
