package casemail.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {

  @TempDir
  Path directory;

  private ImportFiles files;

  @BeforeEach
  void writeEmptyFiles() {
    files = new ImportFiles(directory);
  }

  @Test
  void readsSemicolonDelimiterWithCommaDecimals() {
    var data = files.invoices("""
        invoice_number;customer_number;invoice_date;due_date;amount;open_amount;currency
        F1;C1;2026-01-05;2026-02-04;1234,5;12;eur
        """).read();

    assertThat(data.errors()).isEmpty();
    var invoice = data.invoices().get(0);
    assertThat(invoice.amount()).isEqualTo(new BigDecimal("1234.50"));
    assertThat(invoice.openAmount()).isEqualTo(new BigDecimal("12.00"));
    assertThat(invoice.currency()).isEqualTo("EUR");
    assertThat(invoice.description()).isNull();
  }

  @Test
  void stripsByteOrderMarkAndReadsCrlfLines() {
    var content = "\uFEFF" + ImportFiles.CUSTOMERS.replace("\n", "\r\n")
        + "C1,Alpha,a@alpha.example,,,nl,,,,nl\r\n"
        + "C2,Beta,,,,,,,,\r\n";
    var data = files.customers(content).read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.customers()).extracting(CustomerRow::number, CustomerRow::line)
        .containsExactly(tuple("C1", 2), tuple("C2", 3));
    assertThat(data.customers().get(0).country()).isEqualTo("NL");
  }

  @Test
  void readsDayMonthYearDates() {
    var data = files.matters(ImportFiles.MATTERS
        + "M1,C1,29-02-2028,open,F1,10.00,0.00,0.00\n").read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.matters().get(0).openedOn()).isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @Test
  void countsEveryPhysicalLineOfAMultiLineQuotedValue() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "C1,\"Line one\nline two\r\nline three\",,,,,,,,\n"
        + "C2,Second,,,,,,,,\n"
        + "C3,,,,,,,,,\n").read();

    assertThat(data.customers()).extracting(CustomerRow::line).containsExactly(2, 5);
    assertThat(data.customers().get(0).name()).isEqualTo("Line one\nline two\r\nline three");
    assertThat(data.errors()).containsExactly(
        new ImportProblem("customers.csv", 6, "name is empty"));
  }

  @Test
  void skipsBlankLinesWithoutLosingLineNumbers() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "\nC1,First,,,,,,,,\n\n\r\n"
        + "C2,Second,,,,,,,,\n"
        + ",,,,,,,,,\n").read();

    assertThat(data.errors()).isEmpty();
    assertThat(data.customers()).extracting(CustomerRow::line).containsExactly(3, 6);
  }

  @Test
  void matchesColumnsByNameInAnyOrderIgnoringExtraColumns() {
    var data = files.customers("""
         Name ,Extra,EMAIL,Customer_Number
        Alpha,ignored,a@alpha.example,C1
        """).read();

    assertThat(data.errors()).isEmpty();
    var customer = data.customers().get(0);
    assertThat(customer.number()).isEqualTo("C1");
    assertThat(customer.name()).isEqualTo("Alpha");
    assertThat(customer.emails()).containsExactly("a@alpha.example");
    assertThat(customer.phone()).isNull();
  }

  @Test
  void keepsNamesExactlyAsWritten() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "C1,\"  =SUM(A1:A2)  and   <b>bold</b> \",,,,,,,,\n"
        + "C2,\"Smit, Jansen & Zn. \"\"De Hoek\"\" B.V.\",,,,,,,,\n").read();

    assertThat(data.customers()).extracting(CustomerRow::name).containsExactly(
        "=SUM(A1:A2)  and   <b>bold</b>", "Smit, Jansen & Zn. \"De Hoek\" B.V.");
  }

  @Test
  void normalisesCustomerFields() {
    var data = files.customers(ImportFiles.CUSTOMERS
        + "C1,Alpha,\"A@Alpha.example, a@alpha.example;b@beta.example\",,,DE,,,, be \n")
        .read();

    var customer = data.customers().get(0);
    assertThat(customer.emails()).containsExactly("a@alpha.example", "b@beta.example");
    assertThat(customer.language()).isEqualTo("de");
    assertThat(customer.country()).isEqualTo("BE");
    assertThat(customer.contactName()).isNull();
    assertThat(data.warnings()).isEmpty();
  }

  @Test
  void readsMatterInvoiceNumbers() {
    var data = files.matters(ImportFiles.MATTERS
        + "M1,C1,2026-03-01,Payment_Plan, F1 ; F2;;F1 ,10.00,40.00,1.25\n").read();

    var matter = data.matters().get(0);
    assertThat(matter.invoiceNumbers()).containsExactly("F1", "F2");
    assertThat(matter.status()).isEqualTo("payment_plan");
    assertThat(matter.collectionCosts()).isEqualTo(new BigDecimal("40.00"));
  }

  @Test
  void readsFromAnyCsvSource() {
    var contents = Map.of(
        "customers.csv", ImportFiles.CUSTOMERS + "C1,Alpha,,,,,,,,\n",
        "invoices.csv", ImportFiles.INVOICES,
        "matters.csv", ImportFiles.MATTERS);
    CsvSource source = name -> contents.containsKey(name)
        ? new ByteArrayInputStream(contents.get(name).getBytes(StandardCharsets.UTF_8))
        : null;

    var data = CsvImporter.read(source);

    assertThat(data.errors()).isEmpty();
    assertThat(data.customers()).extracting(CustomerRow::name).containsExactly("Alpha");
  }

  @Test
  void namesTheThreeFiles() {
    assertThat(CsvImporter.FILES)
        .isEqualTo(List.of("customers.csv", "invoices.csv", "matters.csv"));
  }
}
