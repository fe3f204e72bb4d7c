package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Browser;
import casemail.testing.Portal;
import casemail.testing.TestApp;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customer A's portal session never reaches customer B: B's message, its replies, invoices and
 * mandate answer exactly like things that do not exist, and the portal's own links carry no
 * sequential ids.
 */
class PortalIsolationIT {

  private static TestApp app;
  private static JsonObject toA;
  private static JsonObject toB;
  private static Browser customerA;
  private static Browser customerB;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    toA = Portal.send(app, "invoice", "2026-000037", "For A " + UUID.randomUUID(), "Text A");
    toB = Portal.send(app, "invoice", "2026-000047", "For B " + UUID.randomUUID(), "Text B");
    customerA = Portal.enter(app, toA);
    customerB = Portal.enter(app, toB);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void anotherCustomersMessageReadsExactlyLikeAMissingOne() {
    var other = customerA.get("/portal/messages/" + toB.getString("id"));
    var missing = customerA.get("/portal/messages/" + UUID.randomUUID());
    var garbage = customerA.get("/portal/messages/1");

    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).isEqualTo(missing.body()).isEqualTo(garbage.body())
        .doesNotContain(toB.getString("subject"), "Text B");
    assertThat(customerB.get("/portal/messages/" + toB.getString("id")).status())
        .isEqualTo(200);
  }

  @Test
  void aCustomerCannotReplyToAnotherCustomersMessage() {
    var own = customerA.get("/portal/messages/" + toA.getString("id"));
    var token = own.document().select("form.reply input[name=_csrf]").val();

    var other = customerA.post("/portal/messages/" + toB.getString("id") + "/replies",
        Map.of("_csrf", token, "body", "Into B's case"));
    var missing = customerA.post("/portal/messages/" + UUID.randomUUID() + "/replies",
        Map.of("_csrf", token, "body", "Into nowhere"));
    var empty = customerA.post("/portal/messages/" + toB.getString("id") + "/replies",
        Map.of("_csrf", token, "body", ""));

    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).isEqualTo(missing.body()).isEqualTo(empty.body());
    var timeline = app.api().get("/invoices/" + toB.getJsonObject("case").getLong("id")
        + "/timeline").json().getJsonArray("items");
    assertThat(timeline.encode()).doesNotContain("Into B's case", "inbound");
  }

  @Test
  void aCustomerNeverSeesAnotherCustomersRepliesInvoicesOrMandate() {
    var pageB = customerB.get("/portal/messages/" + toB.getString("id"));
    customerB.submit(pageB, "form.reply", Map.of("body", "Reply of B"));
    var form = customerB.open("/portal/direct-debit");
    customerB.submit(form, "form.mandate", Map.of("account_holder", "Van der Berg",
        "iban", "NL91ABNA0417164300", "consent", "yes"));
    var tokenA = customerA.get("/portal/direct-debit").document()
        .select("form.mandate input[name=_csrf]").val();

    var revoke = customerA.post("/portal/direct-debit/revoke", Map.of("_csrf", tokenA));

    assertThat(revoke.status()).isEqualTo(404);
    assertThat(customerB.open("/portal/direct-debit").document().select(".mandate .iban").text())
        .isEqualTo("NL91 •••• 4300");
    var overviewA = customerA.open("/portal").body();
    var messageA = customerA.open("/portal/messages/" + toA.getString("id")).body();
    var directDebitA = customerA.open("/portal/direct-debit").body();
    for (var pageA : new String[] {overviewA, messageA, directDebitA}) {
      assertThat(pageA).doesNotContain("Reply of B", toB.getString("subject"), "2026-000047",
          "Van der Berg", "4300");
    }
  }

  @Test
  void anotherCustomersReplyAttachmentAnswersExactlyLikeAMissingOneByAnyId() {
    var page = customerA.get("/portal/messages/" + toA.getString("id"));
    var bytes = "Proof of payment of A".getBytes(StandardCharsets.UTF_8);
    var replied = customerA.submitWithFiles(page, "form.reply", Map.of("body", "See file"),
        List.of(ComposerIT.file("proof A.pdf", "application/pdf", bytes)));
    var link = replied.document().selectFirst(".thread .reply .attachment-list a").attr("href");
    var replyId = replied.document().selectFirst(".thread .reply").id().substring(6);
    var missing = customerB.download("/portal/attachments/" + UUID.randomUUID());

    assertThat(customerA.download(link).body()).isEqualTo(bytes);
    for (var id : List.of(link.substring(link.lastIndexOf('/') + 1), replyId,
        toA.getString("id"), "1", "0", link.substring(link.lastIndexOf('/') + 1).toUpperCase())) {
      var refused = customerB.download("/portal/attachments/" + id);
      assertThat(refused.status()).as(id).isEqualTo(404);
      assertThat(refused.body()).as(id).isEqualTo(missing.body());
    }
    assertThat(app.browser().download(link).status()).isEqualTo(403);
  }

  @Test
  void portalLinksCarryNoSequentialIds() {
    var overview = customerA.open("/portal").document();

    var links = overview.select("a[href^=/portal], form[action^=/portal]");

    assertThat(links).isNotEmpty();
    links.forEach(link -> assertThat(link.hasAttr("href") ? link.attr("href")
        : link.attr("action")).matches(
            "/portal(/messages/[0-9a-f-]{36}(/replies)?|/direct-debit(/revoke)?)?"));
  }
}
