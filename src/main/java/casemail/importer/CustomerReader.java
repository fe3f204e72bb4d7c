package casemail.importer;

import casemail.message.EmailAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads customers.csv into {@link CustomerRow}s. */
final class CustomerReader {

  static final String FILE = "customers.csv";

  // The email column is required although its values may be empty: without it a misnamed
  // column (say "e-mail") would silently import every customer without an address.
  private static final List<String> REQUIRED = List.of("customer_number", "name", "email");
  private static final Set<String> LANGUAGES = Set.of("nl", "en", "de", "fr");

  private CustomerReader() {}

  static List<CustomerRow> read(CsvFile file) {
    var rows = new ArrayList<CustomerRow>();
    if (!file.hasColumns(REQUIRED)) {
      return rows;
    }
    var keys = new Keys("customer_number");
    file.forEachRow(row -> {
      var customer = customer(row, keys.unique(row));
      if (!row.failed()) {
        rows.add(customer);
      }
    });
    return rows;
  }

  private static CustomerRow customer(CsvRow row, String number) {
    return new CustomerRow(
        row.line(),
        number,
        row.required("name"),
        emails(row),
        row.text("contact_name"),
        row.text("phone"),
        language(row),
        row.text("address"),
        row.text("postal_code"),
        row.text("city"),
        upperCase(row.text("country")));
  }

  /** Valid addresses normalised; each invalid one is dropped with a warning. */
  private static List<String> emails(CsvRow row) {
    // Normalised addresses are lower-case, so the set drops case-insensitive duplicates.
    var emails = new LinkedHashSet<String>();
    for (var written : EmailAddress.split(row.text("email"))) {
      EmailAddress.parse(written).ifPresentOrElse(
          address -> emails.add(address.value()),
          () -> row.warning("invalid email address '" + written + "' dropped"));
    }
    return List.copyOf(emails);
  }

  private static String language(CsvRow row) {
    var written = row.text("language");
    if (written == null) {
      return null;
    }
    var code = written.toLowerCase(Locale.ROOT);
    if (LANGUAGES.contains(code)) {
      return code;
    }
    row.warning("unknown language '" + written + "'; the administration's default is used");
    return null;
  }

  private static String upperCase(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }
}
