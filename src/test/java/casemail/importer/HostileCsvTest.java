package casemail.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile values in every kind of CSV column: what the database could not hold (a NUL, a
 * control character, an amount past numeric(14, 2)) is an error on its line, never a failure
 * of the import; markup and SQL are plain text, kept as written.
 */
class HostileCsvTest {

  @TempDir
  Path directory;

  private ImportFiles files;

  @BeforeEach
  void writeEmptyFiles() {
    files = new ImportFiles(directory);
  }

  @Test
  void bidiOverridesAndHugeValuesAreErrorsOnTheirLine() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "C1,Alpha\u202egnp.exe,,,,,,,,\n"
        + "C2," + "x".repeat(CsvRow.MAX_TEXT + 1) + ",,,,,,,,\n"
        + "C3," + "é".repeat(CsvRow.MAX_TEXT) + ",,,,,,,,\n").read();

    assertThat(data.errors()).extracting(String::valueOf).containsExactly(
        "customers.csv:2: name holds a control character",
        "customers.csv:3: name is longer than " + CsvRow.MAX_TEXT + " characters");
    assertThat(data.customers()).extracting(CustomerRow::number).containsExactly("C3");
  }

  @Test
  void controlCharactersInTextColumnsAreErrorsOnTheirLine() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "C1,Nul\u0000Name,,,,,,,,\n"
        + "C2,Fine,,Esc\u001b[31m,,,,,,\n"
        + "C3,Bell,,,\u0007,,,,,\n"
        + "C4,\"Line\nbreak\",,,,,,,,\n").read();

    assertThat(data.errors()).extracting(String::valueOf).anySatisfy(error -> assertThat(error)
        .contains("customers.csv:2", "name holds a control character"));
    assertThat(data.errors()).hasSize(3);
    assertThat(data.customers()).extracting(CustomerRow::number).containsExactly("C4");
  }

  @Test
  void amountsPastWhatTheDatabaseHoldsAndBadDatesAreErrors() {
    var data = files.customers(ImportFiles.CUSTOMERS + "C1,Alpha,,,,,,,,\n")
        .invoices(ImportFiles.INVOICES
            + "I1,C1,2026-01-01,2026-02-01,9999999999999.00,1.00,EUR,x\n"
            + "I2,C1,2026-01-01,2026-02-01,1e400,1.00,EUR,x\n"
            + "I3,C1,2026-13-45,2026-02-01,1.00,1.00,EUR,x\n"
            + "I4,C1,2026-01-01,2026-02-01,999999999999.99,-1.00,EUR,x\n").read();

    assertThat(data.errors()).hasSize(3);
    assertThat(data.invoices()).extracting(InvoiceRow::number).containsExactly("I4");
  }

  @Test
  void markupAndSqlAreKeptAsPlainText() {
    var name = "<script>alert(1)</script> x'); DROP TABLE customers; --";
    var data = files.customers(ImportFiles.CUSTOMERS + "C1,\"" + name + "\",,,,,,,,\n").read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.customers()).extracting(CustomerRow::name).containsExactly(name);
  }
}
