package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Eventually;
import casemail.testing.Portal;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API of the walking skeleton: finding cases, sending, reading back, timelines. */
class ApiIT {

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
  void refusesRequestsWithoutAValidKey() {
    assertThat(app.api().withKey(null).get("/invoices").status()).isEqualTo(401);
    var wrong = app.api().withKey("cm_wrong").get("/invoices");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().getJsonObject("error").getString("code")).isEqualTo("unauthorized");
  }

  @Test
  void findsAnInvoiceByNumberInTheDocumentedShape() {
    var reply = app.api().get("/invoices?number=2026-000030");

    assertThat(reply.status()).isEqualTo(200);
    var invoice = reply.json().getJsonArray("items").getJsonObject(0);
    assertThat(invoice.fieldNames()).containsExactlyInAnyOrder("id", "number", "customer_id",
        "invoice_date", "due_date", "amount", "open_amount", "currency", "status");
    assertThat(invoice.getString("amount")).isEqualTo("336.05");
    assertThat(invoice.getString("currency")).isEqualTo("GBP");
  }

  @Test
  void pagesThroughCustomersWithACursor() {
    var first = app.api().get("/customers?limit=2").json();
    var second = app.api().get("/customers?limit=2&cursor=" + first.getString("next")).json();

    assertThat(first.getJsonArray("items")).hasSize(2);
    assertThat(second.getJsonArray("items").getJsonObject(0).getString("number"))
        .isGreaterThan(first.getJsonArray("items").getJsonObject(1).getString("number"));
  }

  @Test
  void pagesThroughATimelineWithACursor() {
    var subjects = new ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      subjects.add(0, Portal.send(app, "matter", "M-2026-0007",
          "Timeline page " + i + " " + UUID.randomUUID(), "Text").getString("subject"));
    }
    var matter = Cases.matter(app, "M-2026-0007");

    var first = app.api().get("/matters/" + matter + "/timeline?limit=2").json();
    var second = app.api().get("/matters/" + matter + "/timeline?limit=2&cursor="
        + first.getString("next")).json();

    var seen = new ArrayList<String>();
    first.getJsonArray("items").forEach(item -> seen.add(((JsonObject) item).getString("subject")));
    second.getJsonArray("items").forEach(item -> seen.add(((JsonObject) item).getString("subject")));
    assertThat(seen).startsWith(subjects.toArray(String[]::new));
    assertThat(first.getJsonArray("items")).hasSize(2);
    assertThat(app.api().get("/matters/" + matter + "/timeline?limit=501").status())
        .isEqualTo(400);
    assertThat(app.api().get("/matters/" + matter + "/timeline?cursor=garbled").status())
        .isEqualTo(400);
  }

  @Test
  void sendsAMessageByInvoiceNumberAndReportsItsDelivery() {
    var subject = "API " + UUID.randomUUID();
    var created = app.api().post("/messages", new JsonObject()
        .put("case", new JsonObject().put("type", "invoice").put("number", "2026-000017"))
        .put("author", TestData.MEMBER_EMAIL)
        .put("subject", subject)
        .put("body", "Sent through the API"));

    assertThat(created.status()).isEqualTo(201);
    var message = created.json();
    assertThat(message.getString("portal_url")).startsWith(app.url("/portal/l/"));
    assertThat(message.getString("author")).isEqualTo(TestData.MEMBER_EMAIL);
    Emails.withSubject(app, subject);
    var read = Eventually.get(() -> app.api().get("/messages/" + message.getString("id")).json(),
        json -> "sent".equals(delivery(json).getString("status")));
    assertThat(delivery(read).getString("sent_at")).matches(".*[+-]\\d\\d:\\d\\d$");
    assertThat(delivery(read).getJsonArray("to"))
        .containsExactly("administratie@smit-jansen.example");
    var invoice = Cases.invoice(app, "2026-000017");
    var timeline = app.api().get("/invoices/" + invoice + "/timeline").json();
    assertThat(timeline.getJsonArray("items").getJsonObject(0).getString("subject"))
        .isEqualTo(subject);
  }

  @Test
  void refusesBadInputWithTheFieldNamed() {
    var invalid = app.api().post("/messages", new JsonObject()
        .put("case", new JsonObject().put("type", "invoice").put("number", "2026-000017"))
        .put("author", TestData.ADMIN_EMAIL)
        .put("to", new JsonArray().add("jan@@example"))
        .put("subject", "Hello")
        .put("body", "Text"));
    var missing = app.api().post("/messages", new JsonObject().put("subject", "x"));
    var mismatched = app.api().post("/messages", new JsonObject()
        .put("case", new JsonObject().put("type", "invoice").put("number", "2026-000017")
            .put("id", Cases.invoice(app, "2026-000030")))
        .put("author", TestData.ADMIN_EMAIL).put("subject", "Hello").put("body", "Text"));
    var malformed = app.api().post("/messages", "{not json");
    var unknown = app.api().post("/messages", new JsonObject()
        .put("case", new JsonObject().put("type", "invoice").put("number", "nope"))
        .put("author", TestData.ADMIN_EMAIL)
        .put("subject", "Hello")
        .put("body", "Text"));

    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().getJsonObject("error").getJsonObject("fields").getString("to"))
        .contains("jan@@example");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().getJsonObject("error").getJsonObject("fields").fieldNames())
        .as("a missing property is named as the field").containsAnyOf("case", "author", "body");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(mismatched.status()).isEqualTo(422);
    assertThat(mismatched.json().getJsonObject("error").getJsonObject("fields").getString("case"))
        .contains("different cases");
  }

  @Test
  void servesItsOpenApiDocument() {
    var document = app.browser().get("/api/v1/openapi.yaml");

    assertThat(document.status()).isEqualTo(200);
    assertThat(document.body()).contains("openapi: 3.1.0", "operationId: createMessage");
  }

  private static JsonObject delivery(JsonObject message) {
    return message.getJsonArray("deliveries").getJsonObject(0);
  }
}
