package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.bus.Addresses;
import casemail.bus.BusFailure;
import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Eventually;
import casemail.testing.Futures;
import casemail.testing.ScriptedSmtpServer;
import casemail.testing.Sql;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resend (timeline menu and API) and View email; a batch's progress from its deliveries;
 * {@code /ready} and {@code /metrics}.
 */
class ResendAndOperationsIT {

  private static ScriptedSmtpServer smtp;
  private static TestApp app;
  private static long invoice;

  @BeforeAll
  static void start() {
    smtp = ScriptedSmtpServer.start();
    app = TestApp.start(Map.of("CASEMAIL_SMTP_PORT", String.valueOf(smtp.port()),
        "CASEMAIL_SMTP_TIMEOUT", "4"));
    invoice = Cases.invoice(app, "2026-000031");
  }

  @AfterAll
  static void stop() {
    app.close();
    smtp.close();
  }

  @Test
  void resendThroughTheApiMakesANewDeliveryWithItsOwnTrackingAndTheSameContent() {
    var original = address("original");
    var message = send(original);
    var first = awaitSent(message, 0);

    var reply = app.api().post("/messages/" + message + "/resend", new JsonObject());

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().getJsonArray("to")).containsExactly(original);
    assertThat(reply.json().getString("status")).isEqualTo("queued");
    awaitSent(message, 1);
    var emails = smtp.receivedBy(original);
    assertThat(emails).hasSize(2);
    assertThat(emails.get(0).messageId()).isNotEqualTo(emails.get(1).messageId());
    assertThat(pixel(emails.get(0).data())).isNotEqualTo(pixel(emails.get(1).data()));
    assertThat(emails.get(1).data()).contains("Please pay the invoice.");
    assertThat(first.getString("id")).isNotEqualTo(reply.json().getString("id"));
  }

  @Test
  void resendTakesEditedAddressesAndRefusesBadOnes() {
    var original = address("before");
    var message = send(original);
    awaitSent(message, 0);
    var edited = address("edited");

    var bad = app.api().post("/messages/" + message + "/resend",
        new JsonObject().put("to", new JsonArray().add("not an address")));
    var unknown = app.api().post("/messages/" + UUID.randomUUID() + "/resend", new JsonObject());
    var good = app.api().post("/messages/" + message + "/resend",
        new JsonObject().put("to", new JsonArray().add(edited)));

    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().getJsonObject("error").getJsonObject("fields").getString("to"))
        .contains("not an address");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(good.status()).isEqualTo(201);
    awaitSent(message, 2 - 1);
    assertThat(smtp.receivedBy(edited)).hasSize(1);

    var again = app.api().post("/messages/" + message + "/resend", new JsonObject());
    assertThat(again.status()).isEqualTo(201);
    awaitSent(message, 2);
    assertThat(smtp.receivedBy(original)).as("a resend without To goes where the message "
        + "first went, not to the last resend's address").hasSize(2);
    assertThat(smtp.receivedBy(edited)).hasSize(1);
  }

  @Test
  void theTimelineMenuResendsAndShowsTheEmailAsSent() {
    var original = address("menu");
    var message = send(original);
    var delivery = awaitSent(message, 0);
    var staff = staff();
    var page = staff.open("/invoices/" + invoice);
    var entry = page.document().selectFirst("#message-" + message);
    assertThat(entry.select(".recipient").text()).contains("Sent", original);
    assertThat(entry.select("details.entry-menu summary").text()).isEqualTo("⋯");

    var resent = staff.submit(page, "#message-" + message + " form.resend",
        Map.of("to", original));

    assertThat(resent.body()).contains("The message is being sent again");
    awaitSent(message, 1);
    var view = staff.open(entry.selectFirst(".view-email a").attr("href"));
    assertThat(view.status()).isEqualTo(200);
    var raw = view.document().select(".raw-source pre").text();
    assertThat(raw).contains("Message-ID: " + smtp.receivedBy(original).get(0).messageId());
    assertThat(raw).contains(pixel(smtp.receivedBy(original).get(0).data()));
    var frame = staff.get(view.document().selectFirst("iframe.email").attr("src"));
    assertThat(frame.header("Content-Security-Policy")).contains("img-src data:");
    assertThat(frame.body()).contains("Please pay the invoice.");
    assertThat(delivery.getString("id")).isNotBlank();
  }

  @Test
  void aResendFormSentTwiceMakesOneDelivery() {
    var original = address("twice");
    var message = send(original);
    awaitSent(message, 0);
    var staff = staff();
    var page = staff.open("/invoices/" + invoice);
    var queuedBefore = queuedTotal();

    staff.submit(page, "#message-" + message + " form.resend", Map.of("to", original));
    staff.submit(page, "#message-" + message + " form.resend", Map.of("to", original));

    awaitSent(message, 1);
    Emails.sleep(1500);
    assertThat(app.api().get("/messages/" + message).json().getJsonArray("deliveries"))
        .hasSize(2);
    assertThat(smtp.receivedBy(original)).hasSize(2);
    assertThat(queuedTotal()).isEqualTo(queuedBefore + 1);
  }

  /** {@code casemail_deliveries_queued_total} as {@code /metrics} gives it. */
  private static double queuedTotal() {
    return app.browser().get("/metrics").body().lines()
        .filter(line -> line.startsWith("casemail_deliveries_queued_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst().orElse(0);
  }

  @Test
  void aResendToABadAddressComesBackWithWhatWasTyped() {
    var message = send(address("typo"));
    awaitSent(message, 0);
    var staff = staff();
    var page = staff.open("/invoices/" + invoice);

    var refused = staff.submit(page, "#message-" + message + " form.resend",
        Map.of("to", "jan@@example"));

    assertThat(refused.status()).isEqualTo(422);
    var form = refused.document();
    assertThat(form.select("#to").val()).isEqualTo("jan@@example");
    assertThat(form.select("#to-error").text()).contains("jan@@example");
    assertThat(form.select("a[href=/invoices/" + invoice + "]")).isNotEmpty();
    assertThat(app.api().get("/messages/" + message).json().getJsonArray("deliveries"))
        .hasSize(1);
  }

  @Test
  void aBatchIsDoneOnlyWhenNoDeliveryOfItIsPending() {
    smtp.down();
    String batch;
    try {
      var created = app.api().post("/batches", new JsonObject()
          .put("case_type", "invoice")
          .put("case_ids", new JsonArray().add(invoice))
          .put("author", TestData.ADMIN_EMAIL)
          .put("subject", "Batch check " + UUID.randomUUID())
          .put("body", "Please pay the invoice."));
      assertThat(created.status()).as(created.body()).isEqualTo(202);
      batch = created.json().getString("id");
      assertThat(progress(batch).getBoolean("done")).isFalse();
    } finally {
      smtp.up();
    }

    var done = Eventually.get(() -> progress(batch), progress -> progress.getBoolean("done"));

    assertThat(done.getLong("total")).isEqualTo(1);
    assertThat(done.getLong("sent")).isEqualTo(1);
    var unknown = Futures.awaitFailure(app.bus().request(Addresses.BATCH_PROGRESS,
        new JsonObject().put("administration_id", 1).put("id", UUID.randomUUID().toString())));
    assertThat(((BusFailure) unknown).code()).isEqualTo(404);
  }

  @Test
  void readyAsksTheDatabaseAndTheSmtpServer() {
    assertThat(app.browser().get("/ready").status()).isEqualTo(200);
    smtp.down();
    try {
      var notReady = app.browser().get("/ready");
      assertThat(notReady.status()).isEqualTo(503);
      assertThat(new JsonObject(notReady.body()).getString("smtp")).isEqualTo("DOWN");
      assertThat(new JsonObject(notReady.body()).getString("database")).isEqualTo("UP");
    } finally {
      smtp.up();
    }
    assertThat(app.browser().get("/ready").status()).isEqualTo(200);
  }

  @Test
  void metricsSpeakPrometheus() {
    awaitSent(send(address("metrics")), 0);

    var metrics = app.browser().get("/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains(
        "casemail_messages_total", "casemail_deliveries_queued_total",
        "casemail_deliveries_sent_total", "casemail_smtp_send_seconds_count",
        "casemail_outbox_depth", "vertx_http_server_response_time_seconds");
    assertThat(metrics.body()).doesNotContain("@example.test");
  }

  private static String address(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  private static String send(String to) {
    var reply = app.api().post("/messages", new JsonObject()
        .put("case", new JsonObject().put("type", "invoice").put("id", invoice))
        .put("author", TestData.ADMIN_EMAIL)
        .put("to", new JsonArray(List.of(to)))
        .put("subject", "Resend check " + UUID.randomUUID())
        .put("body", "Please pay the invoice."));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static JsonObject awaitSent(String message, int index) {
    return Eventually.get(() -> {
      var deliveries = app.api().get("/messages/" + message).json().getJsonArray("deliveries");
      return deliveries.size() > index ? deliveries.getJsonObject(index) : new JsonObject();
    }, delivery -> "sent".equals(delivery.getString("status")));
  }

  private static JsonObject progress(String batch) {
    return Futures.await(app.bus().request(Addresses.BATCH_PROGRESS, new JsonObject()
        .put("administration_id", Sql.count(app.settings().databaseUrl(),
            "SELECT administration_id FROM batches WHERE id = '" + batch + "'"))
        .put("id", batch)));
  }

  private static String pixel(String data) {
    var match = java.util.regex.Pattern.compile("/o/[A-Za-z0-9_-]+\\.gif").matcher(data);
    return match.find() ? match.group() : null;
  }

  private static Browser staff() {
    var browser = app.browser();
    browser.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    return browser;
  }
}
