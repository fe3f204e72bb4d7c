package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Settings → Administration (admins only) and each user's profile and signature. */
class SettingsIT {

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
  void anAdminChangesTheSenderAndTheNextEmailUsesIt() throws Exception {
    var admin = app.browser();
    admin.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    var settings = admin.open("/settings/administration");

    var saved = admin.submit(settings, "form.settings",
        Map.of("sender_address", "Credit@Acme.Example", "sender_name", "Acme Credit"));

    assertThat(saved.body()).contains("Settings saved.");
    assertThat(saved.document().select("#sender_address").val()).isEqualTo("credit@acme.example");
    var subject = "After settings " + UUID.randomUUID();
    var composer = admin.open("/invoices/" + Cases.invoice(app, "2026-000034") + "/messages/new");
    admin.submit(composer, "form.composer", Map.of("subject", subject, "body", "Hi"));
    assertThat(Emails.withSubject(app, subject).getFrom()[0].toString())
        .isEqualTo(TestData.ADMIN_NAME + " | Acme Credit <credit@acme.example>");
  }

  @Test
  void refusesWrongSettingsNamingEachFieldAndKeepingWhatWasTyped() {
    var admin = app.browser();
    admin.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    var settings = admin.open("/settings/administration");

    var refused = admin.submit(settings, "form.settings", Map.of("time_zone", "Mars/Base",
        "portal_colour", "red", "payment_url_template", "javascript:alert(1)",
        "tracking_mode", "spy"));

    assertThat(refused.status()).isEqualTo(422);
    var page = refused.document();
    assertThat(page.select("#time_zone-error").text()).contains("Not a time zone");
    assertThat(page.select("#portal_colour-error").text()).contains("#RRGGBB");
    assertThat(page.select("#payment-error").text()).contains("web address");
    assertThat(page.select("#tracking_mode-error").text()).contains("individual");
    assertThat(page.select("#time_zone").val()).isEqualTo("Mars/Base");
  }

  @Test
  void refusesAPaymentPageWithAnUnknownValue() {
    var admin = app.browser();
    admin.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    var settings = admin.open("/settings/administration");

    var refused = admin.submit(settings, "form.settings",
        Map.of("payment_url_template", "https://pay.example.com/?i={invoice}&a={amount}"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.document().select("#payment-error").text()).contains("{invoice}");
  }

  @Test
  void membersCannotOpenSettings() {
    var member = app.browser();
    member.login(TestData.MEMBER_EMAIL, TestData.PASSWORD);

    assertThat(member.get("/settings/administration").status()).isEqualTo(403);
    assertThat(member.post("/settings/administration", Map.of("name", "Hijacked")).status())
        .isEqualTo(403);
  }

  @Test
  void aUsersSignatureIsAddedToTheirMessages() throws Exception {
    var member = app.browser();
    member.login(TestData.MEMBER_EMAIL, TestData.PASSWORD);
    member.submit(member.open("/profile"), "form.settings",
        Map.of("signature", "Mark Jansen\nAcme <credit team>"));
    var subject = "Signed " + UUID.randomUUID();

    var composer = member.open("/invoices/" + Cases.invoice(app, "2026-000029")
        + "/messages/new");
    member.submit(composer, "form.composer", Map.of("subject", subject, "body", "Body"));

    var email = Emails.withSubject(app, subject);
    assertThat(Emails.part(email, "text/plain")).contains("Body", "Mark Jansen\nAcme <credit team>");
    assertThat(Emails.part(email, "text/html")).contains("Acme &lt;credit team&gt;");
  }
}
