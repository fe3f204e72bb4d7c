package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Eventually;
import casemail.testing.ScriptedSmtpServer;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each SMTP outcome against a server told how to fail: sent, transient (451, refused, server
 * down) retried on the schedule then failed, permanent (550) failed at once per address and
 * bouncing, connection lost after the data uncertain and never retried; recovery without a
 * restart, and a small pool that is not used up by refused or stale connections.
 */
class DeliveryOutcomesIT {

  private static ScriptedSmtpServer smtp;
  private static TestApp app;
  private static long customer;

  @BeforeAll
  static void start() {
    smtp = ScriptedSmtpServer.start();
    app = TestApp.start(Map.of(
        "CASEMAIL_SMTP_PORT", String.valueOf(smtp.port()),
        "CASEMAIL_SMTP_MAX_CONNECTIONS", "2",
        "CASEMAIL_SMTP_TIMEOUT", "4",
        "CASEMAIL_RETRY_SCHEDULE", "2s,2s,2s,2s"));
    customer = Cases.customer(app, "C10003");
  }

  @AfterAll
  static void stop() {
    app.close();
    smtp.close();
  }

  @AfterEach
  void normalServer() {
    smtp.reset();
  }

  @Test
  void sendsOneTransactionPerAddressWithTheSameEmail() {
    var to = List.of(address("first"), address("second"));

    var delivery = finalDelivery(send(to));

    assertThat(delivery.getString("status")).isEqualTo("sent");
    assertThat(statuses(delivery)).containsExactly("sent", "sent");
    var first = smtp.receivedBy(to.get(0));
    var second = smtp.receivedBy(to.get(1));
    assertThat(first).hasSize(1);
    assertThat(second).hasSize(1);
    assertThat(first.get(0).messageId()).isEqualTo(second.get(0).messageId());
    assertThat(first.get(0).data()).contains(to.get(0), to.get(1));
  }

  @Test
  void a550ForOneAddressFailsOnlyThatAddressAndMarksItBouncing() {
    var good = address("good");
    var bad = address("bad");
    smtp.replyToRecipient(bad, "550 5.1.1 <" + bad + ">: No such user");

    var delivery = finalDelivery(send(List.of(good, bad)));

    assertThat(delivery.getString("status")).isEqualTo("failed");
    assertThat(statuses(delivery)).containsExactly("sent", "failed");
    assertThat(recipient(delivery, 1).getString("error")).contains("550 5.1.1", "No such user");
    assertThat(smtp.receivedBy(good)).hasSize(1);
    var page = staff().open("/customers/" + customer).document();
    assertThat(page.select(".bounce").text()).contains(bad, "550 5.1.1");
  }

  @Test
  void aBouncingAddressIsSkippedVisiblyUntilCleared() {
    var bad = address("bounced");
    smtp.replyToRecipient(bad, "550 5.1.1 No such user");
    finalDelivery(send(List.of(bad)));
    smtp.reset();

    var skipped = finalDelivery(send(List.of(bad)));

    assertThat(statuses(skipped)).containsExactly("skipped");
    assertThat(skipped.getString("error")).contains("bouncing", "550 5.1.1");
    var staff = staff();
    var page = staff.open("/customers/" + customer);
    assertThat(page.document().select(".recipient").text()).contains("Skipped", bad);
    var cleared = staff.submit(page, ".bounce:contains(" + bad + ") form", Map.of());
    assertThat(cleared.document().select(".bounce").text()).doesNotContain(bad);
    assertThat(finalDelivery(send(List.of(bad))).getString("status")).isEqualTo("sent");
    assertThat(smtp.receivedBy(bad)).hasSize(1);
  }

  @Test
  void a451IsRetriedOnTheScheduleThenFails() {
    var later = address("later");
    smtp.replyToRecipient(later, "451 4.7.1 Try again later");

    var message = send(List.of(later));

    var retrying = Eventually.get(() -> delivery(message),
        delivery -> delivery.getString("error") != null);
    assertThat(retrying.getString("status")).isIn("queued", "sending");
    var failed = finalDelivery(message);
    assertThat(failed.getString("status")).isEqualTo("failed");
    assertThat(failed.getString("error")).contains("Gave up after 5 attempts", "451 4.7.1");
    assertThat(smtp.receivedBy(later)).isEmpty();
  }

  @Test
  void aTransientFailureIsSentOnceTheServerAccepts() {
    var greylisted = address("greylisted");
    smtp.replyToRecipient(greylisted, "451 4.7.1 Greylisted");
    var message = send(List.of(greylisted));
    Eventually.get(() -> delivery(message), delivery -> delivery.getString("error") != null);

    smtp.reset();

    assertThat(finalDelivery(message).getString("status")).isEqualTo("sent");
    assertThat(smtp.receivedBy(greylisted)).hasSize(1);
  }

  @Test
  void aConnectionLostAfterTheDataIsUncertainAndNeverRetried() {
    var lost = address("lost");
    smtp.dropAfterData(true);

    var message = send(List.of(lost));
    var delivery = finalDelivery(message);
    int connections = smtp.connections();
    Emails.sleep(4500);

    assertThat(delivery.getString("status")).isEqualTo("uncertain");
    assertThat(delivery.getString("error")).contains("may have arrived");
    assertThat(delivery(message).getString("status")).isEqualTo("uncertain");
    assertThat(smtp.connections()).isEqualTo(connections);
  }

  @Test
  void aServerThatIsDownIsRetriedAndRecoveredWithoutARestartAndThePoolSurvives() {
    smtp.down();
    var messages = new ArrayList<String>();
    try {
      for (int i = 0; i < 6; i++) {
        messages.add(send(List.of(address("down" + i))));
      }
      Eventually.get(() -> messages.stream().filter(message -> String.valueOf(
          delivery(message).getString("error")).contains("refused")).count(),
          refused -> refused >= 3);
    } finally {
      smtp.up();
    }

    for (var message : messages) {
      assertThat(finalDelivery(message).getString("status")).isEqualTo("sent");
    }
    assertThat(smtp.openConnections()).isLessThanOrEqualTo(2);
  }

  @Test
  void aStalePooledConnectionIsReplaced() {
    assertThat(finalDelivery(send(List.of(address("fresh")))).getString("status"))
        .isEqualTo("sent");
    smtp.dropAtReset(true);

    var delivery = finalDelivery(send(List.of(address("reused"))));

    assertThat(delivery.getString("status")).isEqualTo("sent");
    assertThat(delivery.getString("error")).isNull();
  }

  private static String address(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  private static String send(List<String> to) {
    var reply = app.api().post("/messages", new JsonObject()
        .put("case", new JsonObject().put("type", "customer").put("id", customer))
        .put("author", TestData.ADMIN_EMAIL)
        .put("to", new JsonArray(to))
        .put("subject", "Delivery check " + UUID.randomUUID())
        .put("body", "Please pay."));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getString("id");
  }

  /** The message's first delivery as the API shows it now. */
  private static JsonObject delivery(String message) {
    var reply = app.api().get("/messages/" + message);
    return reply.json().getJsonArray("deliveries").getJsonObject(0);
  }

  /** Waits until the first delivery is neither queued nor being sent. */
  private static JsonObject finalDelivery(String message) {
    return Eventually.get(() -> delivery(message),
        delivery -> !List.of("queued", "sending").contains(delivery.getString("status")));
  }

  private static JsonObject recipient(JsonObject delivery, int index) {
    return delivery.getJsonArray("recipients").getJsonObject(index);
  }

  private static List<String> statuses(JsonObject delivery) {
    return delivery.getJsonArray("recipients").stream()
        .map(item -> ((JsonObject) item).getString("status")).toList();
  }

  private static Browser staff() {
    var browser = app.browser();
    browser.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    return browser;
  }
}
