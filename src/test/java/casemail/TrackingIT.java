package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Administrations;
import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Eventually;
import casemail.testing.Pixels;
import casemail.testing.Portal;
import casemail.testing.Sql;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open tracking end to end: the pixel answers the same GIF whatever is asked, a known token's
 * loads are stored and classified (a mail client apart from image proxies) on the timeline and
 * in the API, and each tracking mode keeps its promise: {@code off} sends no pixel,
 * {@code anonymous} counts per batch and stores nothing per delivery.
 */
class TrackingIT {

  private static final String INVOICE = "2026-000030";
  private static TestApp app;
  private static Browser staff;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    staff = app.browser();
    staff.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @AfterEach
  void trackIndividually() {
    trackingMode("individual");
  }

  @Test
  void everyPixelRequestGetsTheSameGif() {
    var known = pixelOf(send("Same GIF " + UUID.randomUUID()));
    var unknown = app.url("/o/" + "A".repeat(22) + ".gif");
    var malformed = app.url("/o/..%2Fnot-a-token");

    var answers = List.of(Pixels.get(known, Pixels.APPLE_MAIL), Pixels.get(unknown,
        Pixels.APPLE_MAIL), Pixels.get(malformed, Pixels.APPLE_MAIL),
        Pixels.get(known, Pixels.GMAIL_PROXY));
    var head = Pixels.load(known, "HEAD", Pixels.APPLE_MAIL);

    var gif = answers.get(0).body();
    assertThat(gif).hasSize(43).startsWith("GIF89a".getBytes());
    for (var answer : answers) {
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo(gif);
      assertThat(answer.headers().map()).isEqualTo(answers.get(0).headers().map());
    }
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().map()).isEqualTo(answers.get(0).headers().map());
    assertThat(head.header("Content-Type")).isEqualTo("image/gif");
    assertThat(head.header("Content-Length")).isEqualTo("43");
    assertThat(head.header("Cache-Control")).contains("no-store");
  }

  @Test
  void opensAppearClassifiedOnTheTimelineAndInTheApi() {
    var message = send("Classified " + UUID.randomUUID());
    var pixel = pixelOf(message);

    Pixels.get(pixel, Pixels.APPLE_PRIVACY_PROXY);
    Pixels.get(pixel, Pixels.GMAIL_PROXY);
    Pixels.get(pixel, Pixels.APPLE_MAIL);
    Pixels.get(pixel, Pixels.APPLE_MAIL);

    var delivery = Eventually.get(() -> delivery(message),
        found -> found.getInteger("open_count") == 4);
    assertThat(delivery.getString("tracking_mode")).isEqualTo("individual");
    assertThat(delivery.getInteger("person_open_count")).isEqualTo(2);
    assertThat(delivery.getInteger("automated_open_count")).isEqualTo(2);
    assertThat(delivery.getString("first_person_opened_at")).isNotNull();
    var entry = timelineEntry(message);
    assertThat(entry).contains("Loaded automatically 2×", "not a sign that anyone read it",
        "Opened in a mail client");
    assertThat(entry).containsPattern("Opened in a mail client .+ \\(2×, last .+\\)");
    assertThat(Sql.count(database(), "SELECT count(*) FROM opens WHERE client_class = "
        + "'image_proxy' AND delivery_id = '" + delivery.getString("id") + "'")).isEqualTo(2);
  }

  @Test
  void theTokenIsOpaqueAndNeverOpensThePortal() {
    var message = send("Opaque " + UUID.randomUUID());
    var token = pixelOf(message).replaceAll(".*/o/([^.]+)\\.gif", "$1");

    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
    var customer = app.browser();
    var page = customer.open("/portal/l/" + token);

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).doesNotContain(message.getString("subject"));
    assertThat(customer.open("/portal").body()).doesNotContain(message.getString("subject"));
  }

  @Test
  void trackingOffSendsNoPixelAndStoresNothing() {
    trackingMode("off");
    var message = send("No pixel " + UUID.randomUUID());
    var email = Emails.withSubject(app, message.getString("subject"));
    var token = Sql.text(database(), "SELECT tracking_token FROM deliveries WHERE message_id = '"
        + message.getString("id") + "'");

    var answer = Pixels.get(app.url("/o/" + token + ".gif"), Pixels.APPLE_MAIL);

    assertThat(Pixels.in(email)).isNull();
    assertThat(Emails.part(email, "text/html")).doesNotContain("/o/");
    assertThat(answer.status()).isEqualTo(200);
    var delivery = Eventually.get(() -> delivery(message),
        found -> "off".equals(found.getString("tracking_mode")));
    Emails.sleep(600);
    assertThat(delivery(message).getInteger("open_count")).isZero();
    assertThat(entry(message)).contains("Open tracking off");
  }

  @Test
  void anonymousTrackingCountsPerBatchAndNothingPerDelivery() {
    trackingMode("anonymous");
    var batch = UUID.randomUUID();
    var messages = sendBatch(batch, 10);

    Pixels.get(pixelOf(messages.get(0)), Pixels.APPLE_MAIL);
    Pixels.get(pixelOf(messages.get(1)), Pixels.APPLE_MAIL);
    Pixels.get(pixelOf(messages.get(1)), Pixels.GMAIL_PROXY);

    Eventually.get(() -> batchOpens(batch), "2/1"::equals);
    assertThat(Sql.count(database(), "SELECT count(*) FROM opens o JOIN deliveries d ON "
        + "d.id = o.delivery_id JOIN messages m ON m.id = d.message_id WHERE m.batch_id = '"
        + batch + "'")).isZero();
    var delivery = delivery(messages.get(1));
    assertThat(delivery.getString("tracking_mode")).isEqualTo("anonymous");
    assertThat(delivery.getInteger("open_count")).isZero();
    assertThat(delivery.getString("first_opened_at")).isNull();
    assertThat(entry(messages.get(1))).contains("not tracked per customer",
        "opened 2× in a mail client, loaded 1× automatically").doesNotContain("Opened in");
  }

  @Test
  void anEmailSentAnonymouslyIsNotTrackedPerCustomerAfterwards() {
    trackingMode("anonymous");
    var message = send("Sent anonymously " + UUID.randomUUID());
    var pixel = pixelOf(message);
    var before = anonymousSingleOpens();
    trackingMode("individual");

    Pixels.get(pixel, Pixels.APPLE_MAIL);

    Eventually.get(TrackingIT::anonymousSingleOpens, count -> count == before + 1);
    assertThat(delivery(message).getInteger("open_count")).isZero();
  }

  @Test
  void choosingAnonymousHidesOpensAlreadyCountedPerCustomer() {
    var message = send("Opened, then anonymous " + UUID.randomUUID());
    Pixels.get(pixelOf(message), Pixels.APPLE_MAIL);
    timelineEntry(message);

    trackingMode("anonymous");

    var delivery = delivery(message);
    assertThat(delivery.getString("tracking_mode")).isEqualTo("anonymous");
    assertThat(delivery.getInteger("person_open_count")).isZero();
    assertThat(delivery.getString("first_person_opened_at")).isNull();
    assertThat(entry(message)).contains("not tracked per customer")
        .doesNotContain("Opened in a mail client");
  }

  private static void trackingMode(String mode) {
    Administrations.update(app, new JsonObject().put("tracking_mode", mode));
  }

  private static JsonObject send(String subject) {
    return Portal.send(app, "invoice", INVOICE, subject, "Please pay.");
  }

  /** Messages of a batch: sent one by one, then tied to the batch as bulk sending does. */
  private static List<JsonObject> sendBatch(UUID batch, int size) {
    Sql.execute(database(), "INSERT INTO batches (id, administration_id) SELECT '" + batch
        + "', id FROM administrations WHERE name = '" + TestData.ADMINISTRATION + "'");
    var messages = new ArrayList<JsonObject>();
    for (int i = 0; i < size; i++) {
      var message = send("Batch " + batch + " #" + i);
      Sql.execute(database(), "UPDATE messages SET batch_id = '" + batch + "' WHERE id = '"
          + message.getString("id") + "'");
      messages.add(message);
    }
    return messages;
  }

  /** The pixel's URL in the message's email, once it was mailed (and its mode kept). */
  private static String pixelOf(JsonObject message) {
    return Pixels.in(Emails.withSubject(app, message.getString("subject")));
  }

  private static JsonObject delivery(JsonObject message) {
    return app.api().get("/messages/" + message.getString("id")).json()
        .getJsonArray("deliveries").getJsonObject(0);
  }

  private static String timelineEntry(JsonObject message) {
    return Eventually.get(() -> entry(message), text -> text.contains("Opened in a mail client"));
  }

  private static String entry(JsonObject message) {
    var page = staff.open("/invoices/" + Cases.invoice(app, INVOICE)).document();
    return page.select("#message-" + message.getString("id")).text();
  }

  /** The batch's anonymous opens as "person/automated". */
  private static String batchOpens(UUID batch) {
    return Sql.text(database(), "SELECT person_opens || '/' || automated_opens "
        + "FROM anonymous_opens WHERE batch_id = '" + batch + "'");
  }

  /** Anonymous opens of single messages (and small batches), all months together. */
  private static long anonymousSingleOpens() {
    return Sql.count(database(), "SELECT COALESCE(sum(person_opens + automated_opens), 0) "
        + "FROM anonymous_opens WHERE batch_id IS NULL");
  }

  private static String database() {
    return app.settings().databaseUrl();
  }
}
