package casemail.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportErrorsTest {

  @TempDir
  Path directory;

  private ImportFiles files;

  @BeforeEach
  void writeEmptyFiles() {
    files = new ImportFiles(directory);
  }

  @Test
  void reportsEveryCustomerErrorWithFileAndLine() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "C1,Alpha,,,,,,,,\n"
        + ",No number,,,,,,,,\n"
        + "C1,Duplicate,,,,,,,,\n"
        + "C2,  ,,,,,,,,\n"
        + "C3,Too many,,,,,,,,,\n"
        + "C4,Fine,,,,,,,,\n").read();

    assertThat(data.errors()).containsExactly(
        error("customers.csv", 3, "customer_number is empty"),
        error("customers.csv", 4, "duplicate customer_number 'C1' (first on line 2)"),
        error("customers.csv", 5, "name is empty"),
        error("customers.csv", 6, "the row has 11 fields but the header has 10"));
    assertThat(data.hasErrors()).isTrue();
    assertThat(data.customers()).extracting(CustomerRow::number).containsExactly("C1", "C4");
  }

  @Test
  void reportsEveryBadDateAndAmountWithFileAndLine() {
    var data = files.invoices(ImportFiles.INVOICES
        + "F1,C1,2026-02-30,31-04-2026,10.00,10.00,EUR,\n"
        + "F2,C1,01/02/2026,2026-01-31,10.001,1.234.56,EUR,\n"
        + "F3,C1,2026-01-01,2026-01-31,ten,,EUR,\n").read();

    assertThat(data.errors()).containsExactly(
        error("invoices.csv", 2, dateError("invoice_date '2026-02-30'")),
        error("invoices.csv", 2, dateError("due_date '31-04-2026'")),
        error("invoices.csv", 3, dateError("invoice_date '01/02/2026'")),
        error("invoices.csv", 3, amountError("amount '10.001'", '.')),
        error("invoices.csv", 3, amountError("open_amount '1.234.56'", '.')),
        error("invoices.csv", 4, amountError("amount 'ten'", '.')),
        error("invoices.csv", 4, "open_amount is empty"));
    assertThat(data.invoices()).isEmpty();
  }

  @Test
  void reportsMissingKeysAndBadCurrencies() {
    var data = files.invoices(ImportFiles.INVOICES
        + ",C1,2026-01-01,2026-01-31,10.00,10.00,EUR,\n"
        + "F2,,2026-01-01,2026-01-31,10,10,EURO,\n"
        + "F3,C1,2026-01-01,2026-01-31,10,10,€,\n"
        + "F4,C1,2026-01-01,2026-01-31,10,10,gbp,\n").read();

    assertThat(data.errors()).containsExactly(
        error("invoices.csv", 2, "invoice_number is empty"),
        error("invoices.csv", 3, "customer_number is empty"),
        error("invoices.csv", 3, "currency 'EURO' is not a three-letter currency code"),
        error("invoices.csv", 4, "currency '€' is not a three-letter currency code"));
    assertThat(data.invoices()).extracting(InvoiceRow::currency).containsExactly("GBP");
  }

  @Test
  void reportsEveryMatterErrorWithFileAndLine() {
    var data = files.matters(ImportFiles.MATTERS
        + "M1,C1,2026-01-01,pending,F1,10.00,0.00,0.00\n"
        + "M1,C1,2026-01-01,open, ; ,10.00,0.00,0.00\n"
        + ",C1,2026-01-01,closed,F1,10.00,0.00,\n").read();

    assertThat(data.errors()).containsExactly(
        error("matters.csv", 2, "status 'pending' is not one of open, payment_plan, closed"),
        error("matters.csv", 3, "duplicate matter_reference 'M1' (first on line 2)"),
        error("matters.csv", 3, "invoice_numbers is empty"),
        error("matters.csv", 4, "matter_reference is empty"),
        error("matters.csv", 4, "interest_amount is empty"));
  }

  @Test
  void rejectsThousandsSeparatorsAndPointDecimalsInSemicolonFiles() {
    var data = files.invoices("""
        invoice_number;customer_number;invoice_date;due_date;amount;open_amount;currency
        F1;C1;2026-01-05;2026-02-04;1.234,56;12.50;EUR
        """).read();

    assertThat(data.errors()).containsExactly(
        error("invoices.csv", 2, amountError("amount '1.234,56'", ',')),
        error("invoices.csv", 2, amountError("open_amount '12.50'", ',')));
  }

  @Test
  void reportsErrorsInEveryFileInOneRun() {
    var data = files
        .customers(ImportFiles.CUSTOMERS + "C1,,,,,,,,,\n")
        .invoices(ImportFiles.INVOICES + "F1,C1,2026-01-01,2026-01-31,x,0,EUR,\n")
        .matters(ImportFiles.MATTERS + "M1,C1,2026-01-01,open,,1,0,0\n")
        .read();

    assertThat(data.errors()).extracting(ImportProblem::toString).containsExactly(
        "customers.csv:2: name is empty",
        "invoices.csv:2: " + amountError("amount 'x'", '.'),
        "matters.csv:2: invoice_numbers is empty");
  }

  @Test
  void leavesUnknownCustomerNumbersToTheDatabase() {
    var data = files
        .invoices(ImportFiles.INVOICES + "F1,C404,2026-01-01,2026-01-31,5,5,EUR,\n")
        .matters(ImportFiles.MATTERS + "M1,C404,2026-02-01,open,F404,5,0,0\n")
        .read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.warnings()).isEmpty();
    assertThat(data.invoices()).extracting(InvoiceRow::customerNumber).containsExactly("C404");
  }

  @Test
  void reportsMissingFileByName() throws Exception {
    Files.delete(directory.resolve("invoices.csv"));

    var data = files.read();

    assertThat(data.errors()).containsExactly(error("invoices.csv", 0, "the file is missing"));
  }

  @Test
  void reportsEachMissingColumnAtLineOne() {
    var data = files.customers("customer_number,naam\nC1,Alpha\n").read();

    assertThat(data.errors()).containsExactly(
        error("customers.csv", 1, "missing column 'name'"),
        error("customers.csv", 1, "missing column 'email'"));
    assertThat(data.customers()).isEmpty();
  }

  @Test
  void reportsRepeatedColumnAtLineOne() {
    var data = files.customers("customer_number,name,email,Name\nC1,A,,B\n").read();

    assertThat(data.errors()).containsExactly(
        error("customers.csv", 1, "column 'name' appears more than once"));
  }

  @Test
  void reportsEmptyFile() {
    var data = files.matters("").read();

    assertThat(data.errors()).containsExactly(
        error("matters.csv", 1, "the file is empty; expected a header row"));
  }

  @Test
  void reportsUnclosedQuoteAtTheLineWhereItStarts() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "C1,Alpha,,,,,,,,\n"
        + "C2,\"Beta,,,,,,,,\n"
        + "C3,Gamma,,,,,,,,\n").read();

    assertThat(data.errors()).containsExactly(error("customers.csv", 3,
        "a quoted value is not closed properly; the rest of the file was not read"));
    assertThat(data.customers()).extracting(CustomerRow::number).containsExactly("C1");
  }

  @Test
  void reportsFileThatIsNotUtf8AtTheLineOfTheFirstBadByte() {
    var latin1 = (ImportFiles.CUSTOMERS + "C1,Alpha,,,,,,,,\nC2,Café,,,,,,,,\n")
        .getBytes(StandardCharsets.ISO_8859_1);

    var data = files.write("customers.csv", latin1).read();

    assertThat(data.errors()).containsExactly(
        error("customers.csv", 3, "the file is not UTF-8 text; save it as UTF-8"));
  }

  private static ImportProblem error(String file, int line, String message) {
    return new ImportProblem(file, line, message);
  }

  private static String dateError(String value) {
    return value + " is not a valid date (yyyy-mm-dd or dd-mm-yyyy)";
  }

  private static String amountError(String value, char mark) {
    return value + " is not an amount (at most 12 digits, then at most 2 decimals after '" + mark
        + "', no thousands separators)";
  }
}
