package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Administrations;
import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Portal;
import casemail.testing.Sql;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer answers in the portal: the email's button opens the message in the customer's
 * language, the reply lands unread in the inbox and on the timeline, the author is told by
 * email (without the reply's text), and opening the reply clears the badge. Replies carry
 * files within the composer's limits, downloadable by staff and by that customer.
 */
class PortalReplyIT {

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
  void aReplyIsUnreadInTheInboxAndOnTheTimelineAndTheAuthorIsNotified() throws Exception {
    var subject = "Offene Rechnung " + UUID.randomUUID();
    var staff = signedIn();
    var invoice = Cases.invoice(app, "2026-000044");
    staff.submit(staff.open("/invoices/" + invoice + "/messages/new"), "form.composer",
        Map.of("subject", subject, "body", "Bitte zahlen Sie."));
    var email = Emails.withSubject(app, subject);
    var customer = app.browser();

    var message = customer.open(button(email));

    assertThat(message.status()).isEqualTo(200);
    assertThat(message.document().selectFirst("html").attr("lang")).isEqualTo("de");
    assertThat(message.document().select("#reply-title").text()).isEqualTo("Antworten");
    var badgeBefore = badge(staff.open("/inbox"));
    var replied = customer.submit(message, "form.reply",
        Map.of("body", "Wir zahlen nächste Woche.\nGrüße <b>Müller</b>"));

    assertThat(replied.status()).isEqualTo(200);
    assertThat(replied.document().select("[role=status]").text()).startsWith("Vielen Dank");
    assertThat(replied.document().select(".thread .reply .body").text())
        .contains("Wir zahlen nächste Woche.", "<b>Müller</b>");
    var inbox = staff.open("/inbox?filter=unread_replies");
    assertThat(badge(inbox)).isEqualTo(badgeBefore + 1);
    var row = inbox.document().select("table.inbox tbody tr").first();
    assertThat(row.text()).contains("Re: " + subject, "Müller Bau GmbH", "Customer reply",
        "Unread");
    var entry = staff.open("/invoices/" + invoice).document().select(".entry.inbound").first();
    assertThat(entry.text()).contains("Re: " + subject, "reply from the customer",
        "Wir zahlen nächste Woche.", "Unread");

    var notification = Emails.withSubject(app, "Reply from Müller Bau GmbH");
    var text = Emails.part(notification, "text/plain");
    assertThat(notification.getAllRecipients()[0].toString()).contains(TestData.ADMIN_EMAIL);
    assertThat(text).contains("\"" + subject + "\"").doesNotContain("Re: ")
        .doesNotContain("Wir zahlen");
    var link = text.lines().filter(line -> line.startsWith(app.url("/inbox/messages/")))
        .findFirst().orElseThrow();

    var opened = staff.open(Portal.path(app, link));

    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.document().select(".entry.inbound").first().text()).contains("Read ")
        .doesNotContain("Unread");
    assertThat(badge(opened)).isEqualTo(badgeBefore);
    assertThat(staff.open("/inbox?filter=unread_replies").body()).doesNotContain(subject);
  }

  @Test
  void aReplyWithAttachmentsIsStoredAndDownloadsByteExactForStaffAndTheCustomer()
      throws Exception {
    var sent = Portal.send(app, "invoice", "2026-000257", "Beleg " + UUID.randomUUID(), "Hallo");
    var customer = Portal.enter(app, sent);
    var page = customer.get("/portal/messages/" + sent.getString("id"));
    var pdf = ComposerIT.randomBytes(300_000);
    var text = "Zeile 1\r\nZeile 2 €".getBytes(StandardCharsets.UTF_8);

    var replied = customer.submitWithFiles(page, "form.reply", Map.of("body", "Siehe Anhang."),
        List.of(ComposerIT.file(ComposerIT.HOSTILE_NAME, "application/pdf", pdf),
            ComposerIT.file("notiz.txt", "text/plain", text)));

    assertThat(replied.status()).isEqualTo(200);
    assertThat(replied.document().select("[role=status]").text()).startsWith("Vielen Dank");
    var links = replied.document().select(".thread .reply .attachment-list a");
    assertThat(links.eachText()).containsExactly(ComposerIT.HOSTILE_NAME, "notiz.txt");
    ComposerIT.assertDownload(customer.download(links.get(0).attr("href")), pdf);
    assertThat(customer.download(links.get(1).attr("href")).body()).isEqualTo(text);

    var staff = signedIn();
    var reply = app.api().get("/invoices/" + sent.getJsonObject("case").getLong("id")
        + "/timeline").json().getJsonArray("items").getJsonObject(0);
    assertThat(reply.getString("direction")).isEqualTo("inbound");
    assertThat(reply.getJsonArray("attachments").getJsonObject(0).getString("filename"))
        .isEqualTo(ComposerIT.HOSTILE_NAME);
    var opened = staff.open("/inbox/messages/" + reply.getString("id"));
    var staffLinks = opened.document()
        .select("#message-" + reply.getString("id") + " .attachment-list a");
    assertThat(staffLinks.eachText()).containsExactly(ComposerIT.HOSTILE_NAME, "notiz.txt");
    ComposerIT.assertDownload(staff.download(staffLinks.get(0).attr("href")), pdf);
    var stranger = app.browser().download(staffLinks.get(0).attr("href"));
    assertThat(stranger.status()).isEqualTo(302);
    assertThat(stranger.header("Location")).startsWith("/login");

    var reloaded = customer.get("/portal/messages/" + sent.getString("id"));
    assertThat(reloaded.document().select("[role=status]")).isEmpty();
    assertThat(reloaded.document().select(".thread .reply .attachment-list a").eachText())
        .containsExactly(ComposerIT.HOSTILE_NAME, "notiz.txt");
  }

  @Test
  void anOversizedFileIsRefusedInTheCustomersLanguageKeepingTheTextAndStoringNothing()
      throws Exception {
    var subject = "Zu groß " + UUID.randomUUID();
    var sent = Portal.send(app, "invoice", "2026-000257", subject, "Hallo");
    var customer = Portal.enter(app, sent);
    var page = customer.get("/portal/messages/" + sent.getString("id"));
    var tooLarge = ComposerIT.randomBytes(10 * 1024 * 1024 + 1);

    var refused = customer.submitWithFiles(page, "form.reply",
        Map.of("body", "Mein Text bleibt."),
        List.of(ComposerIT.file("klein.pdf", "application/pdf", new byte[] {1, 2, 3}),
            ComposerIT.file("Großer Scan.pdf", "application/pdf", tooLarge)));

    assertThat(refused.status()).isEqualTo(413);
    var document = refused.document();
    assertThat(document.selectFirst("html").attr("lang")).isEqualTo("de");
    assertThat(document.select("#attachments-error").text()).isEqualTo(
        "‘Großer Scan.pdf’ ist größer als 10 MB: Hängen Sie höchstens 10 MB pro Datei an.");
    assertThat(document.select("#body").text()).isEqualTo("Mein Text bleibt.");
    assertThat(document.select(".thread")).isEmpty();
    assertThat(Sql.count(app.settings().databaseUrl(), "SELECT count(*) FROM messages"
        + " WHERE subject = 'Re: " + subject + "'")).isZero();
    assertThat(Sql.count(app.settings().databaseUrl(), "SELECT count(*) FROM attachments"
        + " WHERE filename IN ('klein.pdf', 'Großer Scan.pdf')")).isZero();
    try (var stored = Files.walk(app.settings().uploadsDir())) {
      assertThat(stored.filter(Files::isRegularFile).toList()).allSatisfy(
          file -> assertThat(Files.size(file)).isLessThanOrEqualTo(10 * 1024 * 1024));
    }
  }

  @Test
  void aFormLargerThanAReplyMayBeIsRefusedInTheCustomersLanguageBeforeItIsRead()
      throws Exception {
    var sent = Portal.send(app, "invoice", "2026-000047", "Groot " + UUID.randomUUID(), "Hallo");
    var customer = Portal.enter(app, sent);
    try (var socket = new Socket("127.0.0.1", app.settings().httpPort())) {
      socket.setSoTimeout(15_000);
      var out = socket.getOutputStream();
      out.write(("POST /portal/messages/" + sent.getString("id") + "/replies HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nCookie: " + customer.cookieHeader() + "\r\n"
          + "Content-Type: multipart/form-data; boundary=limit\r\n"
          + "Content-Length: " + 30 * 1024 * 1024 + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(new byte[64 * 1024]);
      out.flush();

      var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 413 ");
      var page = Jsoup.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(page.selectFirst("html").attr("lang")).isEqualTo("nl");
      assertThat(page.select("h1").text()).isEqualTo("Te groot");
      assertThat(page.select("main").text()).contains("10 MB per bestand", "25 MB per reactie");
    }
    assertThat(customer.get("/portal/messages/" + sent.getString("id")).document()
        .select(".thread")).isEmpty();
  }

  @Test
  void aReplyWithFilesPostedWithoutItsFormTokenIsRefused() {
    var subject = "Token files " + UUID.randomUUID();
    var sent = Portal.send(app, "invoice", "2026-000037", subject, "Hello");
    var customer = Portal.enter(app, sent);
    customer.get("/portal/messages/" + sent.getString("id"));

    var refused = customer.postWithFiles("/portal/messages/" + sent.getString("id") + "/replies",
        List.of(Map.entry("body", "Sent by another site")),
        List.of(ComposerIT.file("forged.pdf", "application/pdf", new byte[] {1})));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.document().select("h1").text()).isEqualTo("Please confirm");
    assertThat(Sql.count(app.settings().databaseUrl(),
        "SELECT count(*) FROM attachments WHERE filename = 'forged.pdf'")).isZero();
    assertThat(customer.get("/portal/messages/" + sent.getString("id")).document()
        .select(".thread")).isEmpty();
  }

  @Test
  void thePortalWithoutASessionSaysHowToGetInInTheLanguageLastUsedElseEnglish() {
    var stranger = app.browser().get("/portal");

    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.document().selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(stranger.document().select("main").text()).contains("through an email from us",
        "Reply to this message", "ask whoever sent it to send you a new one");

    var sent = Portal.send(app, "invoice", "2026-000047", "Taal " + UUID.randomUUID(), "Hallo");
    var customer = Portal.enter(app, sent);
    customer.forgetCookie("casemail_session");
    var later = customer.get("/portal");

    assertThat(later.status()).isEqualTo(403);
    assertThat(later.document().selectFirst("html").attr("lang")).isEqualTo("nl");
    assertThat(later.document().select("main").text()).contains("Reageer op dit bericht",
        "vraag dan de afzender om u een nieuwe te sturen");
    assertThat(later.body()).doesNotContain(sent.getString("subject"));
  }

  @Test
  void anEmptyReplyIsRefusedInTheCustomersLanguageWithNothingStored() {
    var sent = Portal.send(app, "invoice", "2026-000047", "Leeg " + UUID.randomUUID(), "Hallo");
    var customer = Portal.enter(app, sent);
    var page = customer.get("/portal/messages/" + sent.getString("id"));

    var refused = customer.submit(page, "form.reply", Map.of("body", "  \n "));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.document().selectFirst("html").attr("lang")).isEqualTo("nl");
    assertThat(refused.document().select("#body-error").text())
        .isEqualTo("Schrijf uw reactie voordat u die verstuurt.");
    assertThat(refused.document().select(".thread")).isEmpty();
  }

  @Test
  void aPortalViewCountsForTheDeliveriesMadeBeforeItNotForALaterResend() {
    var sent = Portal.send(app, "invoice", "2026-000037", "Viewed " + UUID.randomUUID(), "Hi");
    var id = sent.getString("id");
    Portal.enter(app, sent);

    assertThat(app.api().post("/messages/" + id + "/resend", new JsonObject()).status())
        .isEqualTo(201);

    var deliveries = app.api().get("/messages/" + id).json().getJsonArray("deliveries");
    assertThat(deliveries.getJsonObject(0).getString("portal_viewed_at")).isNotNull();
    assertThat(deliveries.getJsonObject(1).getString("portal_viewed_at")).isNull();
  }

  @Test
  void theSameReplySentTwiceIsStoredOnceAndAChangedOneAsANewReply() {
    var sent = Portal.send(app, "invoice", "2026-000037", "Twice " + UUID.randomUUID(), "Hi");
    var customer = Portal.enter(app, sent);
    var page = customer.get("/portal/messages/" + sent.getString("id"));

    customer.submit(page, "form.reply", Map.of("body", "Paid yesterday."));
    customer.submit(page, "form.reply", Map.of("body", "Paid yesterday."));
    customer.submit(page, "form.reply", Map.of("body", "Paid yesterday, by card."));

    var thread = customer.get("/portal/messages/" + sent.getString("id")).document()
        .select(".thread .reply").eachText();
    assertThat(thread).hasSize(2);
    assertThat(String.join(" ", thread)).contains("Paid yesterday.", "by card");
  }

  @Test
  void aReplyPostedWithoutItsFormTokenIsRefused() {
    var subject = "Token " + UUID.randomUUID();
    var sent = Portal.send(app, "invoice", "2026-000037", subject, "Hello");
    var customer = Portal.enter(app, sent);

    var refused = customer.post("/portal/messages/" + sent.getString("id") + "/replies",
        Map.of("body", "Sent by another site"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.document().select("h1").text()).isEqualTo("Please confirm");
    var page = customer.get("/portal/messages/" + sent.getString("id"));
    assertThat(page.document().select(".thread")).isEmpty();
    var inbox = signedIn().open("/inbox?filter=replies");
    assertThat(inbox.body()).doesNotContain(subject);
  }

  @Test
  void noNotificationWhenTheAdministrationTurnedThemOff() {
    var subject = "Quiet " + UUID.randomUUID();
    var sent = Portal.send(app, "invoice", "2026-000164", subject, "Hallo");
    var customer = Portal.enter(app, sent);
    var page = customer.get("/portal/messages/" + sent.getString("id"));
    replyNotifications(false);

    try {
      customer.submit(page, "form.reply", Map.of("body", "Betaald."));
    } finally {
      replyNotifications(true);
    }

    var unread = signedIn().open("/inbox?filter=unread_replies&q=" + subject.split(" ")[1]);
    assertThat(unread.body()).contains("Re: " + subject);
    Emails.sleep(2000);
    assertThat(Emails.find(app, "Reply from Molenaar - Bijl")).isEmpty();
  }

  private static void replyNotifications(boolean on) {
    Administrations.update(app, new JsonObject().put("reply_notifications", on));
  }

  private static int badge(Browser.Response page) {
    var badge = page.document().selectFirst(".topbar .badge.count");
    return badge == null ? 0 : Integer.parseInt(badge.text());
  }

  private static Browser signedIn() {
    var browser = app.browser();
    assertThat(browser.login(TestData.ADMIN_EMAIL, TestData.PASSWORD).status()).isEqualTo(200);
    return browser;
  }

  private static String button(jakarta.mail.internet.MimeMessage email) {
    var href = Jsoup.parse(Emails.part(email, "text/html")).selectFirst("a").attr("href");
    return Portal.path(app, href);
  }
}
