package casemail.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

  private static final Map<String, String> VALUES = Map.of(
      "customer.name", "Smit & Zonen <b>",
      "invoice.number", "2026-000044",
      "user.name", "Anna");

  @Test
  void fillsPlaceholdersAsPlainTextWithoutEntities() {
    var filled = Placeholders.fill("Re: {{customer.name}} – {{ invoice.number }}", VALUES);

    assertThat(filled).isEqualTo("Re: Smit & Zonen <b> – 2026-000044");
  }

  @Test
  void aValueIsNeverReadAsATemplate() {
    var filled = Placeholders.fill("Dear {{customer.name}}",
        Map.of("customer.name", "{{user.name}} {{> x}}"));

    assertThat(filled).isEqualTo("Dear {{user.name}} {{> x}}");
  }

  @Test
  void keepsTextWithoutPlaceholders() {
    assertThat(Placeholders.problem("Plain text, {single} braces", "invoice")).isEmpty();
    assertThat(Placeholders.fill("Plain text, {single} braces", VALUES))
        .isEqualTo("Plain text, {single} braces");
  }

  @Test
  void refusesWhatWouldSilentlyDropText() {
    for (var template : List.of("A{{! note }}B", "A{{!-- long --}}C", "A {{~customer.name}}",
        "{{customer.name~}} B", "Literal \\{{customer.name}}")) {
      assertThat(Placeholders.problem(template, "invoice")).as(template)
          .hasValueSatisfying(problem -> assertThat(problem).contains("comments"));
    }
  }

  @Test
  void refusesAnUnknownPlaceholderNamingIt() {
    assertThat(Placeholders.problem("Hi {{customer.iban}}", "invoice"))
        .hasValueSatisfying(problem -> assertThat(problem)
            .startsWith("Unknown placeholder {{customer.iban}}"));
  }

  @Test
  void refusesAPlaceholderOfAnotherCaseType() {
    assertThat(Placeholders.problem("{{invoice.number}}", "customer")).hasValue(
        "{{invoice.number}} cannot be used on a customer: it only fits invoice cases");
    assertThat(Placeholders.problem("{{matter.total}}", "invoice")).isPresent();
    assertThat(Placeholders.problem("{{invoice.number}}", null)).isPresent();
    assertThat(Placeholders.problem("{{invoice.number}} {{customer.name}}", "invoice")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{{customer.name.class}}", "{{customer.name.bytes}}", "{{this}}", "{{@root}}",
      "{{../customer}}", "{{customer/name}}", "{{[customer.name]}}", "{{> layout}}",
      "{{#> layout}}x{{/layout}}", "{{#each this}}{{@key}}{{/each}}",
      "{{#with customer}}{{name}}{{/with}}",
      "{{lookup customer \"name\"}}", "{{log customer}}", "{{{customer.name}}}",
      "{{&customer.name}}", "{{^customer}}x{{/customer}}", "{{#*inline \"p\"}}x{{/inline}}",
      "{{=<% %>=}}<% customer.name %>", "{{customer.name \"x\"}}", "{{customer.name a=1}}",
      "{{customer.name (lookup a b)}}", "{{#if customer}}x{{/if}}", "{{getClass}}"})
  void refusesTemplatesReachingPastTheDocumentedValuesAndFillsNothingOfThem(String hostile) {
    var template = "Dear {{customer.name}}, " + hostile;

    assertThat(Placeholders.problem(template, "invoice")).isPresent();
    assertThat(Placeholders.problem(template, null)).isPresent();
    assertThatThrownBy(() -> Placeholders.fill(template, VALUES))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsThePlaceholdersOfACaseType() {
    assertThat(Placeholders.names("customer")).contains("customer.name", "portal.link")
        .doesNotContain("invoice.number", "matter.reference");
    assertThat(Placeholders.names("matter")).contains("matter.reference", "matter.total");
  }
}
