package casemail.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads matters.csv into {@link MatterRow}s. Customer and invoice numbers are not checked
 * against the other files: they may already be in the database, which the caller checks.
 */
final class MatterReader {

  static final String FILE = "matters.csv";

  private static final List<String> AMOUNTS =
      List.of("principal_amount", "collection_costs", "interest_amount");
  private static final List<String> REQUIRED = List.of(
      "matter_reference", "customer_number", "opened_on", "status", "invoice_numbers",
      "principal_amount", "collection_costs", "interest_amount");
  private static final Set<String> STATUSES = Set.of("open", "payment_plan", "closed");

  private MatterReader() {}

  static List<MatterRow> read(CsvFile file) {
    var rows = new ArrayList<MatterRow>();
    if (!file.hasColumns(REQUIRED)) {
      return rows;
    }
    var keys = new Keys("matter_reference");
    file.forEachRow(row -> {
      var matter = matter(row, keys.unique(row));
      if (!row.failed()) {
        warnAboutNegativeAmounts(row, matter);
        rows.add(matter);
      }
    });
    return rows;
  }

  private static MatterRow matter(CsvRow row, String reference) {
    return new MatterRow(
        row.line(),
        reference,
        row.required("customer_number"),
        row.date("opened_on"),
        status(row),
        invoiceNumbers(row),
        row.amount("principal_amount"),
        row.amount("collection_costs"),
        row.amount("interest_amount"));
  }

  private static String status(CsvRow row) {
    var written = row.required("status");
    if (written == null) {
      return null;
    }
    var status = written.toLowerCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      row.error("status '" + written + "' is not one of open, payment_plan, closed");
    }
    return status;
  }

  /** The ';'-separated numbers, stripped, without empty parts or repeats. */
  private static List<String> invoiceNumbers(CsvRow row) {
    var numbers = new LinkedHashSet<String>();
    var written = row.required("invoice_numbers");
    for (var part : written == null ? new String[0] : written.split(";")) {
      if (!part.isBlank()) {
        numbers.add(part.strip());
      }
    }
    if (written != null && numbers.isEmpty()) {
      row.error("invoice_numbers is empty");
    }
    return List.copyOf(numbers);
  }

  /**
   * A negative claim component makes no sense for a debt-collection matter, but the matter
   * itself is valid: the claim is kept as written and the user is warned to check it.
   */
  private static void warnAboutNegativeAmounts(CsvRow row, MatterRow matter) {
    var values = List.of(
        matter.principalAmount(), matter.collectionCosts(), matter.interestAmount());
    for (var i = 0; i < AMOUNTS.size(); i++) {
      if (values.get(i).signum() < 0) {
        row.warning(AMOUNTS.get(i) + " " + values.get(i).toPlainString() + " is negative");
      }
    }
  }
}
