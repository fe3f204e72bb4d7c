package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Eventually;
import casemail.testing.Pixels;
import casemail.testing.Sql;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end, through HTTP, real PostgreSQL and a real SMTP server: a user
 * signs in, sends a message from an invoice, the customer's mailbox receives it, its button
 * opens the portal at that message, and the timeline shows sent, opened and viewed.
 */
class SendMessageIT {

  private static final String SENDER = "noreply@acme-credit-management.example";
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
  void sendsAnEmailOnBehalfOfTheUserWithOneButtonAndAPixel() throws Exception {
    var subject = "Herinnering – Ærø Müller ✓ " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000030");
    var staff = signedIn();

    var sent = send(staff, "/invoices/" + invoice, subject, "Dear customer,\n\nPlease pay.");

    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).contains("Your message was stored");
    var email = Emails.withSubject(app, subject);
    var from = (InternetAddress) email.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo(TestData.ADMIN_NAME + " | " + TestData.ADMINISTRATION);
    assertThat(from.getAddress()).isEqualTo(SENDER);
    assertThat(((InternetAddress) email.getReplyTo()[0]).getAddress())
        .isEqualTo(TestData.ADMIN_EMAIL);
    assertThat(email.getHeader("Subject")[0]).startsWith("=?UTF-8?");
    assertThat(email.getMessageID()).endsWith("@acme-credit-management.example>");
    assertThat(email.isMimeType("multipart/alternative")).isTrue();
    assertThat(Emails.part(email, "text/plain")).contains("Please pay.", "/portal/l/");
    var html = Jsoup.parse(Emails.part(email, "text/html"));
    assertThat(html.select("a")).hasSize(1);
    assertThat(html.selectFirst("a").text()).isEqualTo("Reply to this message");
    assertThat(html.selectFirst("a").attr("href")).startsWith(app.url("/portal/l/"));
    assertThat(html.select("img").attr("src")).matches(
        app.url("/o/") + "[A-Za-z0-9_-]{22}\\.gif");
  }

  @Test
  void theButtonOpensThePortalAtTheMessageAndTheTimelineShowsIt() throws Exception {
    var subject = "Portal check " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000031");
    var staff = signedIn();
    send(staff, "/invoices/" + invoice, subject, "Text with <b>markup</b> & a link.");
    var email = Emails.withSubject(app, subject);

    var portal = app.browser().open(button(email));

    assertThat(portal.status()).isEqualTo(200);
    assertThat(portal.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(portal.document().select("h1").text()).isEqualTo(subject);
    assertThat(portal.document().select(".body").text()).contains("Text with <b>markup</b>");
    assertThat(portal.document().select(".body b")).isEmpty();
    var timeline = staff.open("/invoices/" + invoice).document();
    assertThat(timeline.select(".entry").first().text())
        .contains(subject, "Sent", "to administratie@smit-jansen.example",
            "by " + TestData.ADMIN_NAME, "Viewed in portal");
  }

  @Test
  void staffFollowingThePortalLinkIsNotTheCustomersView() throws Exception {
    var subject = "Staff preview " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000037");
    var staff = signedIn();
    send(staff, "/invoices/" + invoice, subject, "Have a look.");

    var preview = staff.open(button(Emails.withSubject(app, subject)));

    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.document().select("h1").text()).isEqualTo(subject);
    assertThat(preview.document().select("form.reply")).isEmpty();
    assertThat(preview.document().select("[role=note]").text()).contains("cannot reply");
    var id = Sql.text(app.settings().databaseUrl(),
        "SELECT id FROM messages WHERE subject = '" + subject + "'");
    var token = staff.open("/profile").document().select("input[name=_csrf]").val();
    var reply = staff.post("/portal/messages/" + id + "/replies",
        Map.of("body", "Typed by staff", "_csrf", token));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(Sql.count(app.settings().databaseUrl(),
        "SELECT count(*) FROM messages WHERE in_reply_to = '" + id + "'")).isZero();
    var timeline = staff.open("/invoices/" + invoice).document();
    assertThat(timeline.select(".entry").first().text())
        .contains(subject)
        .doesNotContain("Viewed in portal");
  }

  @Test
  void aLongTimelineIsShownFiftyEntriesAtATime() {
    var invoice = Cases.invoice(app, "2026-000041");
    var tag = UUID.randomUUID().toString();
    Sql.execute(app.settings().databaseUrl(), """
        INSERT INTO messages (administration_id, customer_id, case_type, case_id, author_id,
          subject, body, created_at)
        SELECT i.administration_id, i.customer_id, 'invoice', i.id, u.id, '%s #' || g, 'Old',
          now() - make_interval(days => g)
        FROM invoices i, users u, generate_series(1, 55) g
        WHERE i.id = %d AND u.email = '%s'""".formatted(tag, invoice, TestData.ADMIN_EMAIL));
    var staff = signedIn();

    var newest = staff.open("/invoices/" + invoice).document();
    var older = staff.open(newest.select(".timeline-more a.button").attr("href")).document();

    assertThat(newest.select(".entry .subject").eachText()).hasSize(50)
        .startsWith(tag + " #1", tag + " #2");
    assertThat(older.select(".entry .subject").eachText())
        .containsExactly(tag + " #51", tag + " #52", tag + " #53", tag + " #54", tag + " #55");
    assertThat(older.select(".timeline-more a.button")).isEmpty();
    assertThat(older.select(".timeline-more a").attr("href")).isEqualTo("/invoices/" + invoice);
    assertThat(staff.get("/invoices/" + invoice + "?before=garbled").status()).isEqualTo(400);
  }

  @Test
  void thePixelRecordsAnOpenOnTheTimeline() throws Exception {
    var subject = "Pixel check " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000023");
    var staff = signedIn();
    send(staff, "/invoices/" + invoice, subject, "Hello");
    var pixelUrl = Pixels.in(Emails.withSubject(app, subject));

    var pixel = Pixels.get(pixelUrl, Pixels.APPLE_MAIL);

    assertThat(pixel.status()).isEqualTo(200);
    assertThat(pixel.header("Content-Type")).isEqualTo("image/gif");
    assertThat(pixel.header("Cache-Control")).contains("no-store");
    var entry = Eventually.get(() -> staff.open("/invoices/" + invoice).document()
        .select(".entry").first().text(), text -> text.contains("Opened in a mail client"));
    assertThat(entry).contains("(1×)");
  }

  @Test
  void aCustomerWithoutEmailGetsThePortalOnlyAndTheTimelineSaysWhy() {
    var subject = "No address " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000001");
    var staff = signedIn();
    var composer = staff.open("/invoices/" + invoice + "/messages/new");
    assertThat(composer.document().select("#to").val()).isEmpty();

    var sent = send(staff, "/invoices/" + invoice, subject, "Only in the portal");

    assertThat(sent.document().select(".alert.ok").text()).contains("No email went out");
    var entry = staff.open("/invoices/" + invoice).document().select(".entry").first().text();
    assertThat(entry).contains(subject, "Not emailed", "the customer has no email address");
    Emails.sleep(1500);
    assertThat(Emails.find(app, subject)).isEmpty();
  }

  @Test
  void theSameFormSubmittedTwiceSendsOneMessage() {
    var subject = "Double click " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000030");
    var staff = signedIn();
    var composer = staff.open("/invoices/" + invoice + "/messages/new");
    var fields = Map.of("subject", subject, "body", "Sent once");

    var first = staff.submit(composer, "form.composer", fields);
    var second = staff.submit(composer, "form.composer", fields);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    var entries = staff.open("/invoices/" + invoice).document().select(".entry")
        .eachText().stream().filter(text -> text.contains(subject)).toList();
    assertThat(entries).hasSize(1);
    Emails.withSubject(app, subject);
    Emails.sleep(1500);
    assertThat(Emails.count(app, subject)).isEqualTo(1);
  }

  @Test
  void aSentFormSentBackChangedIsRefusedAndThenSentAsANewMessage() {
    var subject = "Back button " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000030");
    var staff = signedIn();
    var composer = staff.open("/invoices/" + invoice + "/messages/new");
    staff.submit(composer, "form.composer", Map.of("subject", subject, "body", "First"));

    var refused = staff.submit(composer, "form.composer",
        Map.of("subject", subject, "body", "Second, changed"));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.document().select(".alert.error").text()).contains("sent before");
    assertThat(refused.document().select("#body").text()).isEqualTo("Second, changed");
    staff.submit(refused, "form.composer", Map.of());
    var entries = staff.open("/invoices/" + invoice).document().select(".entry")
        .eachText().stream().filter(text -> text.contains(subject)).toList();
    assertThat(entries).hasSize(2);
  }

  @Test
  void aClearedToSaysSoRatherThanThatTheCustomerHasNoAddress() {
    var subject = "Cleared To " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000030");
    var staff = signedIn();
    var composer = staff.open("/invoices/" + invoice + "/messages/new");
    assertThat(composer.document().select("#to").val()).isNotEmpty();

    staff.submit(composer, "form.composer", Map.of("to", "", "subject", subject,
        "body", "Portal only, on purpose"));

    var entry = staff.open("/invoices/" + invoice).document().select(".entry").first().text();
    assertThat(entry).contains(subject, "no address was given in To")
        .doesNotContain("the customer has no email address");
  }

  @Test
  void aMessageNoEmailCarriedShowsAPortalLinkThatOpensIt() {
    var subject = "Hand over " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000002");
    var staff = signedIn();
    send(staff, "/invoices/" + invoice, subject, "Read me in the portal");
    var emailed = "Emailed " + UUID.randomUUID();
    send(staff, "/invoices/" + Cases.invoice(app, "2026-000031"), emailed, "By email");

    var entry = staff.open("/invoices/" + invoice).document().select(".entry").first();

    assertThat(entry.text()).contains(subject, "Portal link", "90 days");
    var link = entry.selectFirst(".portal-link input[readonly]").val();
    assertThat(link).startsWith(app.url("/portal/l/"));
    var customer = app.browser().open(link.substring(app.url("").length()));
    assertThat(customer.status()).isEqualTo(200);
    assertThat(customer.document().select("h1").text()).isEqualTo(subject);
    var tampered = app.browser().open(link.substring(app.url("").length(), link.length() - 2)
        + (link.endsWith("AA") ? "AB" : "AA"));
    assertThat(tampered.body()).doesNotContain(subject);
    var item = app.api().get("/invoices/" + invoice + "/timeline").json().getJsonArray("items")
        .getJsonObject(0);
    assertThat(item.getString("subject")).isEqualTo(subject);
    assertThat(item.getString("portal_url")).startsWith(app.url("/portal/l/"));
    Emails.withSubject(app, emailed);
    assertThat(staff.open("/invoices/" + Cases.invoice(app, "2026-000031")).document()
        .select(".entry").first().select(".portal-link")).isEmpty();
  }

  @Test
  void theSentNoticeShowsOnceAndNotAgainOnReload() {
    var subject = "Once " + UUID.randomUUID();
    var invoice = Cases.invoice(app, "2026-000030");
    var staff = signedIn();

    var form = staff.open("/invoices/" + invoice + "/messages/new").document()
        .selectFirst("form.composer");
    var redirect = staff.post(form.attr("action"), Map.of(
        "_csrf", form.select("input[name=_csrf]").val(), "to", form.select("#to").val(),
        "subject", subject, "body", "Hello"));
    assertThat(redirect.status()).isEqualTo(302);
    var location = redirect.header("Location");

    var sent = staff.get(location);

    assertThat(sent.document().select("[role=status]").text())
        .isEqualTo("Your message was stored and is being sent.");
    assertThat(sent.document().select(".entry").first().text()).contains(subject);
    var reloaded = staff.get(location);
    assertThat(reloaded.document().select("[role=status]")).isEmpty();
    assertThat(reloaded.document().select(".entry").first().text()).contains(subject);
  }

  @Test
  void aRefusedMessageComesBackWithEverythingTyped() {
    var invoice = Cases.invoice(app, "2026-000024");
    var staff = signedIn();
    var composer = staff.open("/invoices/" + invoice + "/messages/new");

    var refused = staff.submit(composer, "form.composer",
        Map.of("to", "not-an-address", "subject", "", "body", "Kept text"));

    assertThat(refused.status()).isEqualTo(422);
    var page = refused.document();
    assertThat(page.select("#to-error").text()).contains("not-an-address");
    assertThat(page.select("#subject-error").text()).isEqualTo("Enter a subject");
    assertThat(page.select("#body").text()).isEqualTo("Kept text");
    assertThat(page.select("#to").val()).isEqualTo("not-an-address");
  }

  @Test
  void healthAnswersOnceRunning() {
    assertThat(app.browser().get("/health").status()).isEqualTo(200);
    assertThat(app.browser().get("/ready").status()).isEqualTo(200);
  }

  private static Browser signedIn() {
    var browser = app.browser();
    var inbox = browser.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    assertThat(inbox.status()).isEqualTo(200);
    return browser;
  }

  private static Browser.Response send(Browser staff, String casePath, String subject,
      String body) {
    var composer = staff.open(casePath + "/messages/new");
    return staff.submit(composer, "form.composer", Map.of("subject", subject, "body", body));
  }

  /** The path of the email's button, relative to the base URL. */
  private static String button(MimeMessage email) {
    var href = Jsoup.parse(Emails.part(email, "text/html")).selectFirst("a").attr("href");
    return href.substring(app.url("").length());
  }
}
