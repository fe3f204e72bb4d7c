package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.bus.Addresses;
import casemail.security.PasswordHasher;
import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Futures;
import casemail.testing.Portal;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff pages in the user's language: a user who chooses Dutch on the profile page gets every
 * page in Dutch, with {@code <html lang="nl">}, Dutch problems and error pages and Dutch
 * amounts; other users keep English. The API sets the same choice. Times are shown in the
 * administration's time zone.
 */
class StaffLanguageIT {

  private static final String DUTCH_USER = "eva@acme.example";
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    Futures.await(app.bus().request(Addresses.USER_CREATE, new JsonObject()
        .put("administration", TestData.ADMINISTRATION).put("email", DUTCH_USER)
        .put("name", "Eva Visser").put("role", "admin")
        .put("password_hash", PasswordHasher.hash(TestData.PASSWORD))));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aUserWhoChoosesDutchGetsEveryPageInDutch() {
    var eva = app.browser();
    eva.login(DUTCH_USER, TestData.PASSWORD);

    var saved = eva.submit(eva.open("/profile"), "form[action=/profile]",
        Map.of("language", "nl"));

    assertThat(saved.body()).contains("Profiel opgeslagen.");
    assertThat(lang(saved)).isEqualTo("nl");
    assertThat(saved.document().select("#language option[selected]").val()).isEqualTo("nl");
    var inbox = eva.open("/inbox");
    assertThat(lang(inbox)).isEqualTo("nl");
    assertThat(inbox.document().title()).isEqualTo("Inbox · Casemail");
    assertThat(inbox.document().select("nav[aria-label=Hoofdmenu]").text())
        .contains("Klanten", "Facturen", "Dossiers", "Instellingen");
    assertThat(inbox.document().select(".tabs").text()).contains("Ongelezen antwoorden");
    var invoice = eva.open("/invoices/" + Cases.invoice(app, "2026-000003"));
    assertThat(invoice.document().title()).isEqualTo("Factuur 2026-000003 · Casemail");
    assertThat(invoice.document().select("#timeline-title").text()).isEqualTo("Tijdlijn");
    assertThat(invoice.document().select(".facts").text())
        .contains("Vervaldatum", "€ 29.417,29", "€ 15.157,22", "29 apr. 2026");
    var message = Portal.send(app, "invoice", "2026-000003", "Herinnering " + UUID.randomUUID(),
        "Graag betalen.");
    var customer = eva.open("/customers/" + Cases.customer(app, "C10001")).document();
    assertThat(customer.select("#message-" + message.getString("id") + " .entry-head a").text())
        .contains("Factuur 2026-000003");
    var overview = eva.open("/invoices?status=overdue");
    assertThat(overview.document().select("h1").text()).isEqualTo("Facturen");
    assertThat(overview.document().select("table.overview tbody").text()).contains("vervallen");
  }

  @Test
  void aDutchUserGetsDutchProblemsAndErrorPages() {
    var eva = dutch();

    var refused = eva.submit(eva.open("/settings/administration"), "form.settings",
        Map.of("time_zone", "Mars/Base", "sender_name", ""));
    var missing = eva.open("/invoices/999999999");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(lang(refused)).isEqualTo("nl");
    assertThat(refused.document().select("[role=alert]").text())
        .isEqualTo("Er is niets opgeslagen. Verbeter de gemarkeerde velden hieronder.");
    assertThat(refused.document().select("#time_zone-error").text())
        .isEqualTo("Geen tijdzone (bijvoorbeeld Europe/Amsterdam)");
    assertThat(refused.document().select("#sender_name-error").text())
        .isEqualTo("Dit mag niet leeg zijn");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(lang(missing)).isEqualTo("nl");
    assertThat(missing.document().select("h1").text()).isEqualTo("Niet gevonden");
    assertThat(missing.document().title()).isEqualTo("Niet gevonden · Casemail");
    var composer = eva.open("/invoices/" + Cases.invoice(app, "2026-000003") + "/messages/new");
    var notSent = eva.submit(composer, "form.composer", Map.of("subject", "", "body", ""));
    assertThat(notSent.document().select("#subject-error").text())
        .isEqualTo("Vul een onderwerp in");
  }

  @Test
  void anEnglishUserKeepsEnglishPages() {
    var anna = app.browser();
    anna.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);

    var inbox = anna.open("/inbox");
    var missing = anna.open("/invoices/999999999");
    var invoice = anna.open("/invoices/" + Cases.invoice(app, "2026-000003"));

    assertThat(lang(inbox)).isEqualTo("en");
    assertThat(inbox.document().select("nav[aria-label=Main]").text())
        .contains("Customers", "Invoices", "Matters", "Settings");
    assertThat(lang(missing)).isEqualTo("en");
    assertThat(missing.document().select("h1").text()).isEqualTo("Not found");
    assertThat(invoice.document().title()).isEqualTo("Invoice 2026-000003 · Casemail");
    assertThat(invoice.document().select(".facts").text())
        .contains("Due date", "€29,417.29", "29 Apr 2026");
  }

  @Test
  void theApiSetsAndRefusesAUsersLanguage() {
    var api = app.api();

    var dutch = api.patch("/users/" + TestData.MEMBER_EMAIL,
        new JsonObject().put("language", "nl"));
    var german = api.patch("/users/" + TestData.MEMBER_EMAIL,
        new JsonObject().put("language", "de"));
    var mark = app.browser();
    mark.login(TestData.MEMBER_EMAIL, TestData.PASSWORD);

    assertThat(dutch.status()).isEqualTo(200);
    assertThat(dutch.json().getString("language")).isEqualTo("nl");
    assertThat(german.status()).isIn(400, 422);
    assertThat(lang(mark.open("/inbox"))).isEqualTo("nl");
  }

  @Test
  void timesOnTheTimelineFollowTheAdministrationsTimeZone() {
    var anna = app.browser();
    anna.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    var message = Portal.send(app, "invoice", "2026-000003", "Zone " + UUID.randomUUID(), "x");
    var sent = OffsetDateTime.parse(message.getString("created_at")).toInstant();
    var invoice = "/invoices/" + Cases.invoice(app, "2026-000003");

    var tokyo = timeShown(anna, "Asia/Tokyo", invoice, message.getString("id"));
    var newYork = timeShown(anna, "America/New_York", invoice, message.getString("id"));
    timeShown(anna, "Europe/Amsterdam", invoice, message.getString("id"));

    assertThat(tokyo).contains(clock(sent, "Asia/Tokyo"));
    assertThat(newYork).contains(clock(sent, "America/New_York"))
        .doesNotContain(clock(sent, "Asia/Tokyo"));
  }

  /** The time of a timeline entry once the administration's zone is {@code zone}. */
  private static String timeShown(Browser admin, String zone, String casePath, String id) {
    var saved = admin.submit(admin.open("/settings/administration"), "form.settings",
        Map.of("time_zone", zone));
    assertThat(saved.body()).contains("Settings saved.");
    return admin.open(casePath).document().select("#message-" + id + " .entry-head .meta")
        .text();
  }

  private static String clock(Instant instant, String zone) {
    return DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(ZoneId.of(zone)));
  }

  private static Browser dutch() {
    var eva = app.browser();
    eva.login(DUTCH_USER, TestData.PASSWORD);
    eva.submit(eva.open("/profile"), "form[action=/profile]", Map.of("language", "nl"));
    return eva;
  }

  private static String lang(Browser.Response page) {
    return page.document().selectFirst("html").attr("lang");
  }
}
