package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Eventually;
import casemail.testing.ScriptedSmtpServer;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With STARTTLS required, a server that does not offer it never gets the email in plain text. */
class StartTlsIT {

  @Test
  void neverFallsBackToPlainText() {
    try (var smtp = ScriptedSmtpServer.start();
        var app = TestApp.start(Map.of("CASEMAIL_SMTP_PORT", String.valueOf(smtp.port()),
            "CASEMAIL_SMTP_STARTTLS", "required"))) {
      var customer = Cases.customer(app, "C10003");
      var reply = app.api().post("/messages", new JsonObject()
          .put("case", new JsonObject().put("type", "customer").put("id", customer))
          .put("author", TestData.ADMIN_EMAIL)
          .put("to", new JsonArray().add("tls@example.test"))
          .put("subject", "TLS only")
          .put("body", "Secret matters."));

      var delivery = Eventually.get(() -> app.api().get("/messages/"
              + reply.json().getString("id")).json().getJsonArray("deliveries").getJsonObject(0),
          found -> found.getString("error") != null);

      assertThat(delivery.getString("error")).contains("STARTTLS");
      Emails.sleep(1500);
      assertThat(smtp.received()).isEmpty();
      var ready = app.browser().get("/ready");
      assertThat(ready.status()).as("not ready to send without STARTTLS").isEqualTo(503);
      assertThat(new JsonObject(ready.body()).getString("smtp")).isEqualTo("DOWN");
    }
  }
}
