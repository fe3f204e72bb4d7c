package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Browser;
import casemail.testing.Portal;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inbox, on its page and in the API: every message newest first, filters for sent, replies,
 * unread replies and failed deliveries, search by customer, subject and text, keyset paging.
 */
class InboxIT {

  private static TestApp app;
  private static String tag;
  private static JsonObject sent;
  private static JsonObject failed;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    tag = UUID.randomUUID().toString().substring(0, 8);
    sent = Portal.send(app, "invoice", "2026-000044", "Sent " + tag, "Plain text 100% " + tag);
    failed = Portal.send(app, "invoice", "2026-000164", "Failed " + tag, "Bounces " + tag);
    mark(failed.getString("id"), "failed");
    var uncertain = Portal.send(app, "invoice", "2026-000165", "Uncertain " + tag, "Lost");
    mark(uncertain.getString("id"), "uncertain");
    var customer = Portal.enter(app, sent);
    var page = customer.get("/portal/messages/" + sent.getString("id"));
    customer.submit(page, "form.reply", Map.of("body", "Answer " + tag));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void eachFilterShowsItsMessagesNewestFirst() {
    assertThat(subjects("all", tag)).containsExactly("Re: Sent " + tag, "Uncertain " + tag,
        "Failed " + tag, "Sent " + tag);
    assertThat(subjects("sent", tag)).containsExactly("Uncertain " + tag, "Failed " + tag,
        "Sent " + tag);
    assertThat(subjects("replies", tag)).containsExactly("Re: Sent " + tag);
    assertThat(subjects("unread_replies", tag)).containsExactly("Re: Sent " + tag);
    assertThat(subjects("failed", tag)).containsExactly("Uncertain " + tag, "Failed " + tag);
  }

  @Test
  void searchFindsCustomerNameSubjectAndTextWithWildcardsTakenLiterally() {
    assertThat(subjects("all", "müller BAU")).contains("Sent " + tag, "Re: Sent " + tag)
        .doesNotContain("Failed " + tag);
    assertThat(subjects("all", "Bounces " + tag)).containsExactly("Failed " + tag);
    assertThat(subjects("all", "text 100% " + tag)).containsExactly("Sent " + tag);
    assertThat(subjects("all", "100%% " + tag)).isEmpty();
    assertThat(subjects("all", "_" + tag)).isEmpty();
  }

  @Test
  void pagesFollowTheCursorWithoutGapsOrRepeats() {
    var tag = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 5; i++) {
      Portal.send(app, "invoice", "2026-000047", "Page " + i + " " + tag, "Paging " + tag);
    }
    var seen = new ArrayList<String>();
    String cursor = null;
    int pages = 0;
    do {
      var page = app.api().get("/inbox?q=Paging%20" + tag + "&limit=2"
          + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.getJsonArray("items")
          .forEach(item -> seen.add(((JsonObject) item).getString("subject")));
      cursor = page.getString("next");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("Page 4 " + tag, "Page 3 " + tag, "Page 2 " + tag,
        "Page 1 " + tag, "Page 0 " + tag);
  }

  @Test
  void theApiRefusesABadFilterCursorOrLimitNamingTheField() {
    var filter = app.api().get("/inbox?filter=spam");
    var cursor = app.api().get("/inbox?cursor=not-a-cursor");
    var limit = app.api().get("/inbox?limit=501");

    assertThat(filter.status()).isEqualTo(400);
    assertThat(cursor.status()).isEqualTo(400);
    assertThat(cursor.json().getJsonObject("error").getJsonObject("fields").getString("cursor"))
        .isNotBlank();
    assertThat(limit.status()).isEqualTo(400);
    assertThat(app.api().withKey("wrong").get("/inbox").status()).isEqualTo(401);
  }

  @Test
  void theApiGivesEachMessageItsCustomerAndReplyState() {
    var items = items("replies", tag);

    var reply = items.getJsonObject(0);
    assertThat(reply.getString("direction")).isEqualTo("inbound");
    assertThat(reply.getString("author")).isNull();
    assertThat(reply.getString("in_reply_to")).isEqualTo(sent.getString("id"));
    assertThat(reply.getString("read_at")).isNull();
    assertThat(reply.getJsonObject("customer").getString("name")).isEqualTo("Müller Bau GmbH");
    assertThat(reply.getString("created_at")).matches(".*[+-]\\d\\d:\\d\\d$");
  }

  @Test
  void theInboxPageFiltersSearchesAndMarksUnreadReplies() {
    var staff = signedIn();

    var page = staff.open("/inbox?filter=replies&q=" + tag).document();

    assertThat(page.select(".tabs a.current").text()).isEqualTo("Replies");
    assertThat(page.select("#q").val()).isEqualTo(tag);
    var rows = page.select("table.inbox tbody tr");
    assertThat(rows).hasSize(1);
    assertThat(rows.first().hasClass("unread")).isTrue();
    assertThat(rows.first().text()).contains("Re: Sent " + tag, "Customer reply", "Unread");
    var failedPage = staff.open("/inbox?filter=failed&q=" + tag).document();
    assertThat(failedPage.select("table.inbox tbody tr").text())
        .contains("Failed " + tag, "Failed");
    assertThat(staff.get("/inbox?filter=spam").status()).isEqualTo(400);
  }

  private static List<String> subjects(String filter, String search) {
    var subjects = new ArrayList<String>();
    items(filter, search).forEach(item -> subjects.add(((JsonObject) item).getString("subject")));
    return subjects;
  }

  private static JsonArray items(String filter, String search) {
    var reply = app.api().get("/inbox?filter=" + filter + "&q="
        + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonArray("items");
  }

  private static Browser signedIn() {
    var staff = app.browser();
    staff.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    return staff;
  }

  /** A delivery that failed permanently, as the mailer records one (GreenMail accepts all). */
  private static void mark(String messageId, String status) throws Exception {
    var url = casemail.persistence.Migrations.DatabaseUrl.parse(app.settings().databaseUrl());
    try (var connection = DriverManager.getConnection(url.jdbcUrl(), url.user(),
        url.password());
        var update = connection.prepareStatement("UPDATE deliveries SET status = ?, "
            + "error = '550 No such user' WHERE message_id = ?::uuid")) {
      update.setString(1, status);
      update.setString(2, messageId);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }
}
