package casemail.http.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class MandateFormTest {

  @Test
  void acceptsIbansAsPeopleTypeThem() {
    assertThat(MandateForm.ibanProblem(MandateForm.normalised("NL91 ABNA 0417 1643 00")))
        .isNull();
    assertThat(MandateForm.ibanProblem(MandateForm.normalised("de89-3704-0044-0532-0130-00")))
        .isNull();
    assertThat(MandateForm.ibanProblem(MandateForm.normalised("BE68\u00a05390 0754 7034")))
        .isNull();
  }

  @Test
  void namesWhatIsWrongWithAnIban() {
    assertThat(MandateForm.ibanProblem("")).isEqualTo("portal.dd.error.iban_empty");
    assertThat(MandateForm.ibanProblem("NL91ABNA0417164301"))
        .isEqualTo("portal.dd.error.iban_check");
    assertThat(MandateForm.ibanProblem("NL91ABNA041716430")).isEqualTo(
        "portal.dd.error.iban_format");
    assertThat(MandateForm.ibanProblem("XX91ABNA0417164300"))
        .isEqualTo("portal.dd.error.iban_country");
    assertThat(MandateForm.ibanProblem("NL91ABNA04171643OO"))
        .isEqualTo("portal.dd.error.iban_format");
  }

  @Test
  void refusesEachMissingFieldAndKeepsWhatWasTyped() {
    var form = MandateForm.check(MultiMap.caseInsensitiveMultiMap()
        .add("account_holder", "  ")
        .add("iban", "NL91 abna 0417 1643 01"));

    assertThat(form.isValid()).isFalse();
    assertThat(form.problems().fieldNames())
        .containsExactlyInAnyOrder("account_holder", "iban", "consent");
    assertThat(form.values().getString("iban")).isEqualTo("NL91 abna 0417 1643 01");
  }

  @Test
  void storesTheIbanPlainAndTheHolderTrimmed() {
    var form = MandateForm.check(MultiMap.caseInsensitiveMultiMap()
        .add("account_holder", " Bakkerij Jansen ")
        .add("iban", "nl91 abna 0417 1643 00")
        .add("consent", "yes"));

    assertThat(form.isValid()).isTrue();
    assertThat(form.mandate().getString("iban")).isEqualTo("NL91ABNA0417164300");
    assertThat(form.mandate().getString("account_holder")).isEqualTo("Bakkerij Jansen");
  }

  @Test
  void refusesAHolderOnSeveralLinesOrTooLong() {
    var multiline = MandateForm.check(MultiMap.caseInsensitiveMultiMap()
        .add("account_holder", "A\r\nBcc: x").add("iban", "NL91ABNA0417164300")
        .add("consent", "yes"));
    var long71 = MandateForm.check(MultiMap.caseInsensitiveMultiMap()
        .add("account_holder", "x".repeat(71)).add("iban", "NL91ABNA0417164300")
        .add("consent", "yes"));

    assertThat(multiline.problems().getString("account_holder"))
        .isEqualTo("portal.dd.error.holder_long");
    assertThat(long71.problems().getString("account_holder"))
        .isEqualTo("portal.dd.error.holder_long");
  }

  @Test
  void showsOnlyTheEndsOfAnIbanInThePortal() {
    assertThat(DirectDebitView.masked("NL91ABNA0417164300")).isEqualTo("NL91 •••• 4300");
  }
}
