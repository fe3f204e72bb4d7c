package casemail.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportWarningsTest {

  @TempDir
  Path directory;

  private ImportFiles files;

  @BeforeEach
  void writeEmptyFiles() {
    files = new ImportFiles(directory);
  }

  @Test
  void dropsInvalidAddressesWithAWarningNamingEach() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "C1,Alpha,\"ok@alpha.example; jan@@hout ;not-an-address\",,,,,,,\n").read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.customers().get(0).emails()).containsExactly("ok@alpha.example");
    assertThat(data.warnings()).containsExactly(
        warning("customers.csv", 2, "invalid email address 'jan@@hout' dropped"),
        warning("customers.csv", 2, "invalid email address 'not-an-address' dropped"));
  }

  @Test
  void warnsAboutUnknownLanguageAndLeavesItToTheDefault() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "C1,Alpha,,,,Dutch,,,,\n"
        + "C2,Beta,,,,,,,,\n").read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.customers()).extracting(CustomerRow::language).containsExactly(null, null);
    assertThat(data.warnings()).containsExactly(warning("customers.csv", 2,
        "unknown language 'Dutch'; the administration's default is used"));
  }

  @Test
  void warnsAboutOpenAmountOutsideTheInvoiceAmount() {
    var data = files.invoices(ImportFiles.INVOICES
        + "F1,C1,2026-01-01,2026-01-31,100.00,120.00,EUR,\n"
        + "F2,C1,2026-01-01,2026-01-31,100.00,-5.00,EUR,\n"
        + "F3,C1,2026-01-01,2026-01-31,100.00,100.00,EUR,\n").read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.invoices()).hasSize(3);
    assertThat(data.warnings()).containsExactly(
        warning("invoices.csv", 2, "open_amount 120.00 is not between 0 and amount 100.00"),
        warning("invoices.csv", 3, "open_amount -5.00 is not between 0 and amount 100.00"));
  }

  @Test
  void acceptsCreditNotesWithoutWarning() {
    var data = files.invoices(ImportFiles.INVOICES
        + "F1,C1,2026-01-01,2026-01-31,-50.00,-20.00,EUR,Credit note\n").read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.warnings()).isEmpty();
    assertThat(data.invoices().get(0).amount()).isNegative();
  }

  @Test
  void warnsAboutDueDateBeforeInvoiceDate() {
    var data = files.invoices(ImportFiles.INVOICES
        + "F1,C1,2026-02-01,2026-01-31,10,0,EUR,\n").read();

    assertThat(data.warnings()).containsExactly(
        warning("invoices.csv", 2, "due_date 2026-01-31 is before invoice_date 2026-02-01"));
  }

  @Test
  void warnsAboutNegativeMatterAmounts() {
    var data = files.matters(ImportFiles.MATTERS
        + "M1,C1,2026-01-01,open,F1,100.00,-40.00,0.00\n").read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.matters()).hasSize(1);
    assertThat(data.warnings()).containsExactly(
        warning("matters.csv", 2, "collection_costs -40.00 is negative"));
  }

  private static ImportProblem warning(String file, int line, String message) {
    return new ImportProblem(file, line, message);
  }
}
