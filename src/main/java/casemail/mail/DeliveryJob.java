package casemail.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One attempt at a claimed delivery: its bouncing addresses skipped, then one SMTP transaction
 * per address still queued, one after the other, and the outcome to record.
 */
final class DeliveryJob {

  private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

  private final JsonObject delivery;
  private final List<Recipient> recipients;

  DeliveryJob(JsonObject delivery) {
    this.delivery = delivery;
    this.recipients = Recipient.of(delivery);
  }

  /**
   * Sends to every address still queued while the lease lasts for one more transaction; the
   * future holds the outcome and never fails.
   */
  Future<JsonObject> run(MailMessage email, Sender sender, List<Duration> schedule) {
    skipBouncing();
    Future<Void> chain = Future.succeededFuture();
    for (var recipient : recipients) {
      if (recipient.isPending()) {
        chain = chain.compose(ignored -> leaseLasts(sender.timeout())
            ? sender.send(email, attachments(), recipient) : notTried(recipient));
      }
    }
    return chain.map(ignored -> Outcomes.of(delivery, recipients, schedule));
  }

  private JsonArray attachments() {
    return delivery.getJsonArray("attachments", new JsonArray());
  }

  /** Whether one more transaction, at its longest, ends well before the lease does. */
  boolean leaseLasts(Duration transaction) {
    var leaseUntil = Instant.parse(delivery.getString("lease_until"));
    return Instant.now().plus(transaction).plus(LEASE_MARGIN).isBefore(leaseUntil);
  }

  private static Future<Void> notTried(Recipient recipient) {
    recipient.update(Recipient.QUEUED, "Not tried yet: the time reserved for this delivery "
        + "ran out", Instant.now().toString());
    return Future.succeededFuture();
  }

  private void skipBouncing() {
    Map<String, String> bouncing = new HashMap<>();
    delivery.getJsonArray("bouncing").forEach(item -> {
      var bounce = (JsonObject) item;
      bouncing.put(bounce.getString("address").toLowerCase(Locale.ROOT),
          bounce.getString("reason"));
    });
    var now = Instant.now().toString();
    for (var recipient : recipients) {
      var reason = bouncing.get(recipient.address().toLowerCase(Locale.ROOT));
      if (recipient.isPending() && reason != null) {
        recipient.update(Recipient.SKIPPED, "Skipped: the address is bouncing (" + reason
            + "); clear it on the customer's page to send to it again", now);
      }
    }
  }
}
