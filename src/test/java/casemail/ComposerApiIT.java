package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.bus.Addresses;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Eventually;
import casemail.testing.Futures;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Part;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The composer through the JSON API: attachments, placeholders, standard messages, users. */
class ComposerApiIT {

  /** Besides scripts, quotes and a euro sign: what form decoders like to rewrite. */
  private static final String NAME = "Счёт \"März\"; 請求書, €120=final: a\\b.pdf";
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
  void sendsAttachmentsWithTheirExactNamesAndBytesAndBccOnlyInTheEnvelope() throws Exception {
    var subject = "API attached " + UUID.randomUUID();
    var bytes = ComposerIT.randomBytes(9_500_000);

    var created = app.api().post("/messages", message("2026-000030", subject, "See attached")
        .put("bcc", new JsonArray().add("Archive@Bcc-Api.Example"))
        .put("attachments", new JsonArray().add(attachment(NAME, bytes))));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getJsonArray("attachments").getJsonObject(0).getString("filename"))
        .isEqualTo(NAME);
    var email = Emails.withSubject(app, subject);
    var attachments = ComposerIT.attachments(email);
    assertThat(attachments).extracting(Part::getFileName).containsExactly(NAME);
    assertThat(attachments.get(0).getInputStream().readAllBytes()).isEqualTo(bytes);
    assertThat(email.getHeader("Bcc")).isNull();
    // Each address is its own SMTP transaction, one after the other: wait for the BCC one.
    assertThat(Eventually.get(() -> app.mail().findReceivedMessages(
        user -> user.getEmail().equals("archive@bcc-api.example"),
        message -> subject.equals(Emails.subjectOf(message))).count(), count -> count > 0))
        .isEqualTo(1);
  }

  @Test
  void refusesAnOversizedAttachmentBeforeDecodingItAndStoresNothing() {
    var subject = "API too big " + UUID.randomUUID();
    var tooBig = "A".repeat(13_981_020);

    var refused = app.api().post("/messages", message("2026-000031", subject, "Big")
        .put("attachments", new JsonArray().add(new JsonObject()
            .put("filename", "scan.pdf").put("content_base64", tooBig))));

    assertThat(refused.status()).isEqualTo(413);
    assertThat(fields(refused).getMap()).containsKey("attachments");
    assertThat(fields(refused).getString("attachments")).contains("‘scan.pdf’", "10 MB");
    assertNothingStored("2026-000031", subject);
  }

  @Test
  void refusesEachBadInputWithTheFieldNamedAndStoresNothing() {
    refused("subject", json -> json.put("subject", "Hi\r\nBcc: evil@attacker.example"));
    refused("body", json -> json.put("body", " \n\t "));
    refused("cc", json -> json.put("cc", new JsonArray().add("jan@@example.com")));
    refused("body", json -> json.put("body", "Your IBAN {{customer.iban}}"));
    refused("body", json -> json.put("body", "{{customer.name.class}}"));
    refused("subject", json -> json.put("subject", "About {{matter.reference}}"));
    refused("attachments", json -> json.put("attachments", new JsonArray().add(new JsonObject()
        .put("filename", "x.pdf").put("content_base64", "not base64!"))));
  }

  @Test
  void aStandardMessageFillsTheMessageAndTheAuthorsSignatureIsAppended() {
    var description = "API reminder " + UUID.randomUUID();
    var standard = app.api().post("/standard-messages", new JsonObject()
        .put("description", description).put("case_type", "invoice")
        .put("subject", "Reminder {{invoice.number}} for {{customer.name}}")
        .put("body", "Open: {{invoice.open_amount}}. {{user.name}}, {{administration.name}}"));
    assertThat(standard.status()).isEqualTo(201);
    var patched = app.api().patch("/users/" + TestData.MEMBER_EMAIL,
        new JsonObject().put("signature", "Mark\r\nAcme <credit>"));
    assertThat(patched.json().getString("signature")).isEqualTo("Mark\nAcme <credit>");

    var created = app.api().post("/messages", new JsonObject()
        .put("case", new JsonObject().put("type", "invoice").put("number", "2025-000018"))
        .put("author", TestData.MEMBER_EMAIL)
        .put("standard_message_id", standard.json().getLong("id")));

    assertThat(created.status()).isEqualTo(201);
    var subject = "Reminder 2025-000018 for Smit, Jansen & Zn. \"De Hoek\" B.V.";
    assertThat(created.json().getString("subject")).isEqualTo(subject);
    var text = Emails.part(Emails.withSubject(app, subject), "text/plain");
    assertThat(text).contains("Open: £116.85. " + TestData.MEMBER_NAME + ", "
        + TestData.ADMINISTRATION, "Mark\nAcme <credit>");
    assertThat(app.api().get("/standard-messages/" + standard.json().getLong("id")).json()
        .getString("body")).doesNotContain("Acme <credit>");
  }

  @Test
  void managesStandardMessagesRefusingTemplatesThatReachPastThePlaceholders() {
    var base = new JsonObject().put("description", "API " + UUID.randomUUID())
        .put("subject", "Hello {{customer.name}}").put("body", "Text");

    assertThat(app.api().post("/standard-messages", base.copy()
        .put("body", "{{> layout}}")).status()).isEqualTo(422);
    assertThat(app.api().post("/standard-messages", base.copy()
        .put("body", "{{lookup customer \"name\"}}")).json().getJsonObject("error")
        .getJsonObject("fields").getString("body")).isNotEmpty();
    assertThat(app.api().post("/standard-messages", base.copy().put("case_type", "customer")
        .put("subject", "{{invoice.number}}")).json().getJsonObject("error")
        .getJsonObject("fields").getString("subject")).contains("{{invoice.number}}");
    var created = app.api().post("/standard-messages", base).json();
    var path = "/standard-messages/" + created.getLong("id");
    var replaced = app.api().put(path, base.copy().put("subject", "Changed"));
    assertThat(replaced.json().getString("subject")).isEqualTo("Changed");
    assertThat(app.api().get("/standard-messages?limit=500").json().getJsonArray("items")
        .stream().map(item -> ((JsonObject) item).getLong("id")))
        .contains(created.getLong("id"));
    assertThat(app.api().delete(path).status()).isEqualTo(204);
    assertThat(app.api().get(path).status()).isEqualTo(404);
  }

  @Test
  void changesOnlyUsersOfTheKeysAdministration() {
    Futures.await(app.bus().request(Addresses.ADMINISTRATION_ENSURE,
        new JsonObject().put("name", "Other BV")));
    Futures.await(app.bus().request(Addresses.USER_CREATE, new JsonObject()
        .put("administration", "Other BV").put("email", "olga@other.example")
        .put("name", "Olga").put("role", "admin").put("password_hash", "x")));

    var foreign = app.api().patch("/users/olga@other.example",
        new JsonObject().put("name", "Hijacked"));
    var unknown = app.api().patch("/users/nobody@acme.example",
        new JsonObject().put("name", "Nobody"));
    var invalid = app.api().patch("/users/" + TestData.ADMIN_EMAIL,
        new JsonObject().put("name", " "));
    var renamed = app.api().patch("/users/" + TestData.ADMIN_EMAIL,
        new JsonObject().put("name", TestData.ADMIN_NAME));

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(unknown.body());
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().getJsonObject("error").getJsonObject("fields").getMap())
        .containsKey("name");
    assertThat(renamed.status()).isEqualTo(200);
  }

  private static void refused(String field, Consumer<JsonObject> change) {
    var subject = "API refused " + UUID.randomUUID();
    var request = message("2026-000024", subject, "Text");
    change.accept(request);

    var reply = app.api().post("/messages", request);

    assertThat(reply.status()).as(request.encode()).isEqualTo(422);
    assertThat(fields(reply).getMap()).as(reply.body()).containsKey(field);
    assertNothingStored("2026-000024", "API refused");
  }

  private static JsonObject message(String invoice, String subject, String body) {
    return new JsonObject()
        .put("case", new JsonObject().put("type", "invoice").put("number", invoice))
        .put("author", TestData.ADMIN_EMAIL)
        .put("subject", subject)
        .put("body", body);
  }

  private static JsonObject attachment(String name, byte[] bytes) {
    return new JsonObject().put("filename", name).put("content_type", "application/pdf")
        .put("content_base64", Base64.getEncoder().encodeToString(bytes));
  }

  private static JsonObject fields(casemail.testing.Api.Reply reply) {
    return reply.json().getJsonObject("error").getJsonObject("fields");
  }

  private static void assertNothingStored(String invoice, String subjectPart) {
    var timeline = app.api().get("/invoices/" + Cases.invoice(app, invoice) + "/timeline");
    assertThat(timeline.body()).doesNotContain(subjectPart);
  }
}
