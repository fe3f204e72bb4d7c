package casemail.mail;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.SMTPException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails reply notifications to staff. Claims a few due ones at a time, sends them one after
 * another over the shared SMTP pool, and records each outcome; transient failures are retried
 * on the configured schedule. Runs on the mailing verticle's event loop only; separate from the
 * customer outbox so neither waits for the other.
 */
final class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
  private static final int BATCH = 10;
  private static final int LEASE_SECONDS = 300;
  private static final long SEND_TIMEOUT_S = 120;

  private final Bus bus;
  private final MailClient client;
  private final NotificationEmail email;
  private final List<Duration> retrySchedule;
  private Future<Void> running;
  private boolean again;
  private boolean stopping;

  NotificationSender(Vertx vertx, MailClient client, String baseUrl,
      List<Duration> retrySchedule) {
    this.bus = new Bus(vertx);
    this.client = client;
    this.email = new NotificationEmail(baseUrl);
    this.retrySchedule = retrySchedule;
  }

  /** Looks for due notifications now, or right after the round under way. */
  void wake() {
    if (stopping) {
      return;
    }
    if (running != null) {
      again = true;
      return;
    }
    running = round().onComplete(ignored -> {
      running = null;
      if (again) {
        again = false;
        wake();
      }
    });
  }

  /** Stops claiming; the round under way finishes its sends and records them. */
  Future<Void> stop() {
    stopping = true;
    return running == null ? Future.succeededFuture() : running.recover(ignored -> null);
  }

  private Future<Void> round() {
    var request = new JsonObject().put("limit", BATCH).put("lease_seconds", LEASE_SECONDS);
    return bus.request(Addresses.NOTIFICATION_CLAIM, request)
        .compose(reply -> {
          Future<Void> chain = Future.succeededFuture();
          for (var item : reply.getJsonArray("items")) {
            chain = chain.compose(ignored -> send((JsonObject) item));
          }
          return chain;
        })
        .onFailure(failure -> LOG.warn("Could not mail reply notifications: {}",
            failure.getMessage()));
  }

  private Future<Void> send(JsonObject notification) {
    Promise<JsonObject> outcome = Promise.promise();
    client.sendMail(email.render(notification))
        .timeout(SEND_TIMEOUT_S, TimeUnit.SECONDS)
        .onSuccess(sent -> outcome.complete(outcome(notification, "sent")
            .put("sent_at", Instant.now().toString())))
        .onFailure(failure -> outcome.complete(afterFailure(notification, failure)));
    return outcome.future()
        .compose(result -> bus.request(Addresses.NOTIFICATION_RECORD, result))
        .mapEmpty();
  }

  private JsonObject afterFailure(JsonObject notification, Throwable failure) {
    var reason = Outcomes.reason(failure);
    int attempt = notification.getInteger("attempts");
    var permanent = failure instanceof SMTPException smtp && smtp.isPermanent();
    if (permanent || attempt > retrySchedule.size()) {
      LOG.warn("Notification {} failed: {}", notification.getString("id"), reason);
      return outcome(notification, "failed").put("error", reason);
    }
    var delay = retrySchedule.get(attempt - 1);
    LOG.warn("Notification {} will be retried in {}: {}", notification.getString("id"), delay,
        reason);
    return outcome(notification, "queued").put("error", reason)
        .put("next_attempt_at", Instant.now().plus(delay).toString());
  }

  private static JsonObject outcome(JsonObject notification, String status) {
    return new JsonObject().put("id", notification.getString("id")).put("status", status);
  }
}
