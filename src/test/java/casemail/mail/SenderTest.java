package casemail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.SMTPException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a failed SMTP transaction counts for its address. */
class SenderTest {

  @Test
  void aRefusedAddressBouncesAndAPermanentDataReplyFailsWithoutBouncing() {
    var refused = classify(smtp("recipient address not accepted", 550, "550 5.1.1 No such user"),
        true);
    var rejected = classify(smtp("sending data failed", 554, "554 5.7.1 Spam"), true);

    assertThat(refused.status()).isEqualTo("failed");
    assertThat(refused.isBounced()).isTrue();
    assertThat(refused.error()).contains("550 5.1.1 No such user");
    assertThat(rejected.status()).isEqualTo("failed");
    assertThat(rejected.isBounced()).isFalse();
  }

  @Test
  void transientRepliesAndFailuresBeforeTheTransactionAreRetried() {
    assertThat(classify(smtp("recipient address not accepted", 451, "451 later"), true).status())
        .isEqualTo("queued");
    assertThat(classify(new ConnectException("Connection refused"), false).status())
        .isEqualTo("queued");
    assertThat(classify(smtp("authentication failed", 535, "535 bad login"), false).status())
        .isEqualTo("queued");
  }

  @Test
  void aConnectionLostDuringTheTransactionIsUncertain() {
    var lost = classify(new IOException("socket was closed unexpected."), true);
    var timedOut = classify(new VertxException("Timeout", true), true);

    assertThat(lost.status()).isEqualTo("uncertain");
    assertThat(timedOut.status()).isEqualTo("uncertain");
  }

  @Test
  void logLinesLeaveAddressesOut() {
    assertThat(Outcomes.forLog("550 5.1.1 <kees@klant.example>: No such user"))
        .isEqualTo("550 5.1.1 <<address>>: No such user");
  }

  @Test
  void aDeliveryIsSentOnlyWhenEveryAddressWas() {
    var delivery = new JsonObject().put("id", "d").put("attempts", 1)
        .put("to", new JsonArray().add("a@x.example").add("b@x.example"));
    var recipients = Recipient.of(delivery);
    recipients.get(0).update(Recipient.SENT, null, "2026-01-01T10:00:00Z");
    recipients.get(1).bounce("550 No such user", "2026-01-01T10:00:01Z");

    var outcome = Outcomes.of(delivery, recipients, List.of());

    assertThat(outcome.getString("status")).isEqualTo("failed");
    assertThat(outcome.getString("sent_at")).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(outcome.getJsonArray("bounces")).hasSize(1);
    assertThat(outcome.getString("error")).startsWith("b@x.example: 550");
  }

  private static Recipient classify(Throwable failure, boolean started) {
    var delivery = new JsonObject().put("to", new JsonArray().add("a@x.example"));
    var recipient = Recipient.of(delivery).get(0);
    Sender.classify(failure, started, recipient);
    return recipient;
  }

  private static SMTPException smtp(String what, int code, String reply) {
    return new SMTPException(what, code, List.of(reply), false);
  }
}
