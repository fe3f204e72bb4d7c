package casemail.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads invoices.csv into {@link InvoiceRow}s. The customer number is not checked against
 * customers.csv: the customer may already be in the database, which the caller checks.
 */
final class InvoiceReader {

  static final String FILE = "invoices.csv";

  private static final List<String> REQUIRED = List.of(
      "invoice_number", "customer_number", "invoice_date", "due_date",
      "amount", "open_amount", "currency");

  private InvoiceReader() {}

  static List<InvoiceRow> read(CsvFile file) {
    var rows = new ArrayList<InvoiceRow>();
    if (!file.hasColumns(REQUIRED)) {
      return rows;
    }
    var keys = new Keys("invoice_number");
    file.forEachRow(row -> {
      var invoice = invoice(row, keys.unique(row));
      if (!row.failed()) {
        warnAboutInconsistencies(row, invoice);
        rows.add(invoice);
      }
    });
    return rows;
  }

  private static InvoiceRow invoice(CsvRow row, String number) {
    return new InvoiceRow(
        row.line(),
        number,
        row.required("customer_number"),
        row.date("invoice_date"),
        row.date("due_date"),
        row.amount("amount"),
        row.amount("open_amount"),
        row.currency("currency"),
        row.text("description"));
  }

  /**
   * Oddities that an accounting package can legitimately export are warnings, not errors: a
   * negative amount is a credit note, whose open amount is then negative too. What does not add
   * up is an open amount outside 0..amount (more open than invoiced, or of the opposite sign)
   * and a due date before the invoice date; the rows are kept as written.
   */
  private static void warnAboutInconsistencies(CsvRow row, InvoiceRow invoice) {
    var amount = invoice.amount();
    var open = invoice.openAmount();
    var low = amount.min(BigDecimal.ZERO);
    var high = amount.max(BigDecimal.ZERO);
    if (open.compareTo(low) < 0 || open.compareTo(high) > 0) {
      row.warning("open_amount " + open.toPlainString() + " is not between 0 and amount "
          + amount.toPlainString());
    }
    if (invoice.dueDate().isBefore(invoice.invoiceDate())) {
      row.warning("due_date " + invoice.dueDate() + " is before invoice_date "
          + invoice.invoiceDate());
    }
  }
}
