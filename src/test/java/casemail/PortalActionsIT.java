package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.security.PortalLinks;
import casemail.testing.Administrations;
import casemail.testing.Cases;
import casemail.testing.Portal;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's actions beside the messages — direct debit and Pay — and its links: an altered
 * or expired link shows how to get a new one and nothing of the customer.
 */
class PortalActionsIT {

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
  void aCustomerAuthorisesADirectDebitMandateAfterAWrongIbanAndRevokesIt() {
    var sent = Portal.send(app, "invoice", "2026-000184", "Incasso " + UUID.randomUUID(), "Hi");
    var customer = Portal.enter(app, sent);
    var form = customer.open("/portal/direct-debit");
    assertThat(form.document().selectFirst("html").attr("lang")).isEqualTo("de");

    var refused = customer.submit(form, "form.mandate", Map.of("account_holder",
        "Hoppe GmbH", "iban", "DE89 3704 0044 0532 0130 01", "consent", "yes"));

    assertThat(refused.status()).isEqualTo(422);
    var page = refused.document();
    assertThat(page.select("#iban-error").text()).contains("Prüfziffern");
    assertThat(page.select("#iban").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#iban").val()).isEqualTo("DE89 3704 0044 0532 0130 01");
    assertThat(page.select("#account_holder").val()).isEqualTo("Hoppe GmbH");
    assertThat(page.select("#consent").hasAttr("checked")).isTrue();
    assertThat(page.select("#account_holder-error, #consent-error")).isEmpty();

    var authorised = customer.submit(refused, "form.mandate",
        Map.of("iban", "de89 3704 0044 0532 0130 00"));

    assertThat(authorised.status()).isEqualTo(200);
    assertThat(authorised.document().select("[role=status]").text())
        .isEqualTo("Vielen Dank. Die Lastschrift ist jetzt aktiv.");
    assertThat(authorised.document().select(".mandate .iban").text())
        .isEqualTo("DE89 •••• 3000");
    var customerPage = staffCustomerPage("C10018");
    assertThat(customerPage.select(".direct-debit").text())
        .contains("Active", "Hoppe GmbH", "DE89 3704 0044 0532 0130 00");
    assertThat(customerPage.select(".entry.event").text())
        .contains("Direct-debit mandate authorised by the customer in the portal");

    var revoked = customer.submit(authorised, "form.revoke", Map.of());

    assertThat(revoked.document().select("[role=status]").text())
        .startsWith("Die Lastschrift wurde widerrufen.");
    assertThat(revoked.document().select("form.mandate")).hasSize(1);
    var after = staffCustomerPage("C10018");
    assertThat(after.select(".direct-debit").text()).contains("Revoked");
    assertThat(after.select(".entry.event").first().text())
        .contains("Direct-debit mandate revoked by the customer in the portal");
  }

  @Test
  void aMandateNeedsAHolderAndConsentEachNamedAtItsField() {
    var sent = Portal.send(app, "invoice", "2026-000212", "Mandaat " + UUID.randomUUID(), "Hi");
    var customer = Portal.enter(app, sent);
    var form = customer.open("/portal/direct-debit");

    var refused = customer.submit(form, "form.mandate",
        Map.of("account_holder", " ", "iban", "XX12 3456"));

    assertThat(refused.status()).isEqualTo(422);
    var page = refused.document();
    assertThat(page.select("#account_holder-error").text())
        .isEqualTo("Vul de naam van de rekeninghouder in.");
    assertThat(page.select("#iban-error").text()).isNotEmpty();
    assertThat(page.select("#consent-error").text())
        .isEqualTo("Vink het vakje aan om uw machtiging te geven.");
    assertThat(staffCustomerPage("C10020").select(".direct-debit").text())
        .contains("No mandate");
  }

  @Test
  void openInvoicesHaveAPayButtonFromTheTemplateAndNoneWithoutOne() {
    var sent = Portal.send(app, "invoice", "2026-000201", "Pay " + UUID.randomUUID(), "Hi");
    var customer = Portal.enter(app, sent);
    assertThat(customer.open("/portal").document().select("a.pay")).isEmpty();
    paymentTemplate("https://pay.example/acme?inv={invoice_number}&amt={amount}&cur={currency}");

    var overview = customer.open("/portal").document();

    paymentTemplate(null);
    var pay = overview.select("a.pay");
    assertThat(pay).hasSize(overview.select("tbody tr:not(:has(.badge.paid))").size());
    assertThat(overview.select("tbody tr:has(.badge.paid) a.pay")).isEmpty();
    assertThat(pay.eachAttr("href")).contains(
        "https://pay.example/acme?inv=2026-000201&amt=2.62&cur=EUR",
        "https://pay.example/acme?inv=2025-000203&amt=1106.82&cur=EUR");
    assertThat(customer.open("/portal").document().select("a.pay")).isEmpty();
  }

  @Test
  void anAlteredLinkShowsNothingOfTheCustomer() {
    var subject = "Altered " + UUID.randomUUID();
    var sent = Portal.send(app, "invoice", "2025-000066", subject, "Secret text");
    var path = Portal.path(app, sent.getString("portal_url"));
    var last = path.charAt(path.length() - 1);
    var altered = path.substring(0, path.length() - 1) + (last == 'A' ? 'B' : 'A');
    var visitor = app.browser();

    var page = visitor.get(altered);

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.document().select("h1").text()).isEqualTo("This link does not work");
    assertThat(page.body()).doesNotContain(subject, "Secret text", "Groothandel De Zon",
        "2026-000066", "2025-000066");
    assertThat(visitor.get("/portal").status()).isEqualTo(403);
    assertThat(visitor.get("/portal/messages/" + sent.getString("id")).body())
        .doesNotContain(subject);
  }

  @Test
  void anExpiredLinkExplainsHowToGetANewOneAndShowsNothingOfTheCustomer() {
    var subject = "Expired " + UUID.randomUUID();
    var sent = Portal.send(app, "invoice", "2026-000067", subject, "Secret text");
    var days = app.settings().portalLinkDays();
    var links = new PortalLinks(app.settings().secret(), Duration.ofDays(days));
    var token = links.token(UUID.fromString(sent.getString("id")),
        Instant.now().minus(Duration.ofDays(days + 1)));
    var visitor = app.browser();

    var page = visitor.get("/portal/l/" + token);

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.document().selectFirst("html").attr("lang")).isEqualTo("nl");
    assertThat(page.document().select("h1").text()).isEqualTo("Deze link is verlopen");
    assertThat(page.document().select("p").text()).contains("meest recente e-mail");
    assertThat(page.body()).doesNotContain(subject, "Secret text", "Groothandel De Zon",
        "2026-000067");
    assertThat(visitor.get("/portal").status()).isEqualTo(403);
  }

  private static org.jsoup.nodes.Document staffCustomerPage(String number) {
    var staff = app.browser();
    staff.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    return staff.open("/customers/" + Cases.customer(app, number)).document();
  }

  private static void paymentTemplate(String template) {
    Administrations.update(app, new JsonObject().put("payment_url_template", template));
  }
}
