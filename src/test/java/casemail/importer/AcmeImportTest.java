package casemail.importer;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.launch.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AcmeImportTest {

  private static ImportData data;

  @BeforeAll
  static void readAcme() {
    data = CsvImporter.read(DemoData.source());
  }

  @Test
  void importsEveryRowWithoutErrors() {
    assertThat(data.errors()).isEmpty();
    assertThat(data.hasErrors()).isFalse();
    assertThat(data.customers()).hasSize(2_000);
    assertThat(data.invoices()).hasSize(20_102);
    assertThat(data.matters()).hasSize(602);
  }

  @Test
  void warnsOnlyAboutInvalidAddresses() {
    // Domains cut off after a hyphen ("...-and-van-.example") are kept: see EmailAddress.
    assertThat(customer("C10115").emails())
        .containsExactly("info@van-der-horst-corsten-and-van-.example");
    assertThat(data.warnings()).hasSize(1).allSatisfy(warning -> {
      assertThat(warning.file()).isEqualTo("customers.csv");
      assertThat(warning.message()).startsWith("invalid email address '").endsWith("' dropped");
    });
    assertThat(data.warnings()).contains(new ImportProblem(
        "customers.csv", 14, "invalid email address 'jan@@timmerbedrijf-hout' dropped"));
    assertThat(customer("C10013").emails()).isEmpty();
  }

  @Test
  void keepsNamesExactlyAsWritten() {
    assertThat(customer("C10002").name()).isEqualTo("Smit, Jansen & Zn. \"De Hoek\" B.V.");
    assertThat(customer("C10003").name()).isEqualTo("O'Neill Facilities Ltd");
    assertThat(customer("C10008").name()).isEqualTo("Bloemenwinkel \uD83C\uDF37 Tulp");
    assertThat(customer("C10014").name()).isEqualTo("北京贸易有限公司");
    assertThat(customer("C10015").name())
        .isEqualTo("<script>alert(1)</script> Webdesign");
    assertThat(customer("C10016").name()).isEqualTo("Transport =HYPERLINK(\"http://x\") BV");
  }

  @Test
  void normalisesEmailAddresses() {
    assertThat(customer("C10001").emails()).isEmpty();
    assertThat(customer("C10004").emails()).containsExactly("buchhaltung@müller-bau.example");
    assertThat(customer("C10005").emails())
        .containsExactly("info@vanderberg-installatie.example");
    assertThat(customer("C10006").emails()).containsExactly("crediteuren+payt@dezon.example");
    assertThat(customer("C10007").emails()).containsExactly(
        "sjaan@kapsalon-sjaan.example", "boekhouder@kantoor-vos.example");
    assertThat(customer("C10012").emails()).containsExactly("info@cafe-creme.example");
  }

  @Test
  void numbersRowsByTheirLineInTheFile() {
    assertThat(customer("C10012").line()).isEqualTo(13);
    assertThat(data.invoices().get(data.invoices().size() - 1).line())
        .isEqualTo(20_103);
    assertThat(data.matters().get(0).line()).isEqualTo(2);
  }

  private static CustomerRow customer(String number) {
    return data.customers().stream()
        .filter(customer -> customer.number().equals(number))
        .findFirst()
        .orElseThrow();
  }
}
