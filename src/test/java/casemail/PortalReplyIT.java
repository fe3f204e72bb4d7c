package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Administrations;
import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Portal;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer answers in the portal: the email's button opens the message in the customer's
 * language, the reply lands unread in the inbox and on the timeline, the author is told by
 * email (without the reply's text), and opening the reply clears the badge.
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
    assertThat(text).contains(subject).doesNotContain("Wir zahlen");
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
