package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings → Messages, and a standard message used in the composer with its placeholders. */
class StandardMessagesIT {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aStandardMessageWithPlaceholdersSendsAFilledSubjectAndTextWithTheSignature()
      throws Exception {
    var description = "Reminder " + UUID.randomUUID();
    save(signedIn(TestData.ADMIN_EMAIL), Map.of("description", description,
        "case_type", "invoice", "subject", "Invoice {{invoice.number}} – {{customer.name}}",
        "cc", "Copies+Reminders@Acme.Example",
        "body", "Dear {{contact.name}},\n\n{{invoice.open_amount}} is due on "
            + "{{invoice.due_date}}.\nRead and reply: {{portal.link}}"));
    var member = signedIn(TestData.MEMBER_EMAIL);
    member.submit(member.open("/profile"), "form.settings",
        Map.of("signature", "Mark Jansen\nCredit control"));
    var invoice = "/invoices/" + Cases.invoice(app, "2026-000044");
    var composer = member.open(invoice + "/messages/new");
    var picked = member.open(invoice + "/messages/new?standard_message="
        + option(composer, description));
    assertThat(picked.document().select("#subject").val())
        .isEqualTo("Invoice {{invoice.number}} – {{customer.name}}");
    assertThat(picked.document().select("#cc").val()).isEqualTo("copies+reminders@acme.example");
    assertThat(picked.document().select(".preview-subject").text())
        .isEqualTo("Invoice 2026-000044 – Müller Bau GmbH");

    member.submit(picked, "form.composer", Map.of());

    var email = Emails.withSubject(app, "Invoice 2026-000044 – Müller Bau GmbH");
    var text = Emails.part(email, "text/plain");
    assertThat(text).containsPattern("Dear Fardau Post,\n\n1\\.061,37[\\s\u00a0]€ is due on "
        + "20\\.05\\.2026\\.\nRead and reply: http://\\S+/portal/l/\\S+\n");
    assertThat(text).contains("Mark Jansen\nCredit control");
    assertThat(email.getHeader("Cc")).containsExactly("copies+reminders@acme.example");
    var link = text.substring(text.indexOf("/portal/l/")).split("\\s")[0];
    assertThat(app.browser().open(link).document().select("h1").text())
        .isEqualTo("Invoice 2026-000044 – Müller Bau GmbH");
    assertThat(stored(description).getString("body")).doesNotContain("Credit control");
  }

  @Test
  void anAdminAddsEditsAndDeletesAStandardMessage() {
    var admin = signedIn(TestData.ADMIN_EMAIL);
    var description = "Welcome " + UUID.randomUUID();

    var saved = save(admin, Map.of("description", description, "subject", "Welcome",
        "body", "Hello {{customer.name}}"));
    assertThat(saved.body()).contains("Standard message saved.");
    var edit = admin.open(saved.document().selectFirst("a:contains(" + description + ")")
        .attr("href"));
    var edited = admin.submit(edit, "form.standard-message", Map.of("subject", "Welcome back"));
    assertThat(edited.document().select("table.list").text()).contains(description,
        "Welcome back", "Any case");
    var deleted = admin.submit(admin.open(editPath(edited, description)), "form.delete",
        Map.of());

    assertThat(deleted.body()).contains("Standard message deleted.");
    assertThat(deleted.document().select("table.list").text()).doesNotContain(description);
  }

  @Test
  void aRefusedFormKeepsWhatWasTypedAndNamesEachProblem() {
    var admin = signedIn(TestData.ADMIN_EMAIL);

    var refused = admin.submit(admin.open("/settings/messages/new"), "form.standard-message",
        Map.of("description", "", "subject", "Hi\r\nBcc: x@y.example", "cc", "not-an-address",
            "body", "Your IBAN: {{customer.iban}}"));

    assertThat(refused.status()).isEqualTo(422);
    var page = refused.document();
    assertThat(page.select("#description-error").text()).isNotEmpty();
    assertThat(page.select("#subject-error").text()).contains("single line");
    assertThat(page.select("#cc-error").text()).contains("not-an-address");
    assertThat(page.select("#body-error").text()).contains("{{customer.iban}}");
    assertThat(page.select("#body").text()).isEqualTo("Your IBAN: {{customer.iban}}");
    assertThat(page.select("#cc").val()).isEqualTo("not-an-address");
  }

  @Test
  void refusesOnSaveAPlaceholderThatDoesNotFitTheChosenCaseType() {
    var admin = signedIn(TestData.ADMIN_EMAIL);
    var description = "Wrong type " + UUID.randomUUID();

    var refused = admin.submit(admin.open("/settings/messages/new"), "form.standard-message",
        Map.of("description", description, "case_type", "customer", "subject", "Hello",
            "body", "About invoice {{invoice.number}}"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.document().select("#body-error").text())
        .contains("{{invoice.number}}", "customer");
    assertThat(list(admin)).doesNotContain(description);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{customer.name.class}}", "{{customer.getClass}}",
      "{{> staff/layout}}", "{{lookup customer \"name\"}}", "{{#each this}}{{@key}}{{/each}}",
      "{{{customer.name}}}"})
  void refusesOnSaveATemplateReachingPastThePlaceholders(String hostile) {
    var admin = signedIn(TestData.ADMIN_EMAIL);
    var description = "Hostile " + UUID.randomUUID();

    var refused = admin.submit(admin.open("/settings/messages/new"), "form.standard-message",
        Map.of("description", description, "subject", "Hello", "body", "Dear " + hostile));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.document().select("#body-error").text()).isNotEmpty();
    assertThat(list(admin)).doesNotContain(description);
  }

  @Test
  void onlyAdminsManageStandardMessagesAndFormsNeedTheirToken() {
    var member = signedIn(TestData.MEMBER_EMAIL);
    var admin = signedIn(TestData.ADMIN_EMAIL);
    var description = "Forged " + UUID.randomUUID();

    assertThat(member.get("/settings/messages").status()).isEqualTo(403);
    assertThat(member.post("/settings/messages", Map.of("description", "x")).status())
        .isEqualTo(403);
    var forged = admin.post("/settings/messages", Map.of("description", description,
        "subject", "s", "body", "b"));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(list(admin)).doesNotContain(description);
  }

  private static Browser.Response save(Browser admin, Map<String, String> values) {
    var saved = admin.submit(admin.open("/settings/messages/new"), "form.standard-message",
        values);
    assertThat(saved.status()).isEqualTo(200);
    return saved;
  }

  private static String editPath(Browser.Response list, String description) {
    return list.document().selectFirst("a:contains(" + description + ")").attr("href");
  }

  private static String list(Browser admin) {
    return admin.open("/settings/messages").document().select("main").text();
  }

  private static String option(Browser.Response composer, String description) {
    return composer.document().select("#standard_message option").stream()
        .filter(option -> option.text().equals(description))
        .findFirst().orElseThrow().attr("value");
  }

  private static io.vertx.core.json.JsonObject stored(String description) {
    return app.api().get("/standard-messages").json().getJsonArray("items").stream()
        .map(io.vertx.core.json.JsonObject.class::cast)
        .filter(item -> item.getString("description").equals(description))
        .findFirst().orElseThrow();
  }

  private static Browser signedIn(String email) {
    var browser = app.browser();
    assertThat(browser.login(email, TestData.PASSWORD).status()).isEqualTo(200);
    return browser;
  }
}
