package casemail.mail;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes queued deliveries from the database and mails them. Claims a few at a time (never more
 * than it can send soon, so leases do not run out while waiting), keeps at most one send per
 * pooled SMTP connection in flight, respects the send rate, and records outcomes in batches.
 * Runs on the mailing verticle's event loop only.
 */
final class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private static final int LEASE_SECONDS = 300;
  private static final long SEND_TIMEOUT_S = 120;
  private static final int FLUSH_SIZE = 200;
  private static final long FLUSH_DELAY_MS = 25;

  private final Vertx vertx;
  private final Bus bus;
  private final MailClient client;
  private final EmailRenderer renderer;
  private final AttachmentParts attachments;
  private final int concurrency;
  private final long nanosPerSend;
  private final List<Duration> retrySchedule;
  private final Deque<JsonObject> queue = new ArrayDeque<>();
  private final List<JsonObject> outcomes = new ArrayList<>();
  private boolean claiming;
  private boolean stopping;
  private boolean pumpScheduled;
  private int inFlight;
  private Future<Void> currentFlush;
  private long nextSendNanos;

  Outbox(Vertx vertx, MailClient client, EmailRenderer renderer, AttachmentParts attachments,
      MailSettings settings) {
    this.vertx = vertx;
    this.bus = new Bus(vertx);
    this.client = client;
    this.renderer = renderer;
    this.attachments = attachments;
    this.concurrency = settings.maxConnections();
    this.nanosPerSend = settings.sendRate() == 0 ? 0 : 1_000_000_000L / settings.sendRate();
    this.retrySchedule = settings.retrySchedule();
  }

  /** Looks for work now: new deliveries were queued, or it is time to look again. */
  void wake() {
    claim();
  }

  /** Stops claiming, lets in-flight sends finish, hands unsent claims back, records all. */
  Future<Void> stop() {
    stopping = true;
    while (!queue.isEmpty()) {
      outcomes.add(Outcomes.released(queue.poll()));
    }
    var done = Promise.<Void>promise();
    awaitIdle(done, System.nanoTime() + TimeUnit.SECONDS.toNanos(SEND_TIMEOUT_S));
    return done.future().compose(ignored -> flush());
  }

  private void claim() {
    int limit = concurrency * 4 - queue.size() - inFlight;
    if (claiming || stopping || limit < concurrency) {
      return;
    }
    claiming = true;
    var request = new JsonObject().put("limit", limit).put("lease_seconds", LEASE_SECONDS);
    bus.request(Addresses.DELIVERY_CLAIM, request)
        .onSuccess(reply -> claimed(reply.getJsonArray("items"), limit))
        .onFailure(failure -> {
          claiming = false;
          LOG.warn("Could not claim deliveries: {}", failure.getMessage());
        });
  }

  private void claimed(JsonArray items, int limit) {
    claiming = false;
    items.forEach(item -> queue.add((JsonObject) item));
    pump();
    if (items.size() == limit) {
      claim();
    }
  }

  private void pump() {
    while (inFlight < concurrency && !queue.isEmpty()) {
      long wait = nextSendNanos - System.nanoTime();
      if (nanosPerSend > 0 && wait > 0) {
        schedulePump(wait);
        return;
      }
      nextSendNanos = Math.max(nextSendNanos, System.nanoTime()) + nanosPerSend;
      send(queue.poll());
    }
    claim();
  }

  private void schedulePump(long waitNanos) {
    if (!pumpScheduled) {
      pumpScheduled = true;
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)), id -> {
        pumpScheduled = false;
        pump();
      });
    }
  }

  private void send(JsonObject delivery) {
    inFlight++;
    MailMessage email;
    try {
      email = renderer.render(delivery, Instant.now());
    } catch (RuntimeException e) {
      LOG.error("Delivery {} could not be rendered", delivery.getString("id"), e);
      finished(Outcomes.failed(delivery, "The email could not be built"));
      return;
    }
    attachments.open(delivery.getJsonArray("attachments", new JsonArray()))
        .compose(opened -> client.sendMail(email.setAttachment(opened.attachments()))
            .timeout(SEND_TIMEOUT_S, TimeUnit.SECONDS)
            .onComplete(done -> opened.close()))
        .onSuccess(result -> finished(Outcomes.sent(delivery, Instant.now())))
        .onFailure(failure -> finished(afterFailure(delivery, failure)));
  }

  private JsonObject afterFailure(JsonObject delivery, Throwable failure) {
    var reason = Outcomes.reason(failure);
    if (failure instanceof AttachmentParts.MissingFile) {
      LOG.error("Delivery {} failed: {}", delivery.getString("id"), reason);
      return Outcomes.failed(delivery, reason);
    }
    if (failure instanceof SMTPException smtp && smtp.isPermanent()) {
      LOG.warn("Delivery {} failed permanently: {}", delivery.getString("id"), reason);
      return Outcomes.failed(delivery, reason);
    }
    int attempt = delivery.getInteger("attempts");
    if (attempt > retrySchedule.size()) {
      LOG.warn("Delivery {} failed after {} attempts: {}", delivery.getString("id"), attempt,
          reason);
      return Outcomes.failed(delivery, reason);
    }
    var delay = retrySchedule.get(attempt - 1);
    LOG.warn("Delivery {} will be retried in {}: {}", delivery.getString("id"), delay, reason);
    return Outcomes.retry(delivery, reason, Instant.now().plus(delay));
  }

  private void finished(JsonObject outcome) {
    inFlight--;
    outcomes.add(outcome);
    if (outcomes.size() >= FLUSH_SIZE) {
      flush();
    } else if (outcomes.size() == 1) {
      vertx.setTimer(FLUSH_DELAY_MS, id -> flush());
    }
    if (!stopping) {
      pump();
    }
  }

  /** Records the outcomes gathered so far; waits for a flush already under way. */
  private Future<Void> flush() {
    if (currentFlush != null) {
      return currentFlush.compose(ignored -> flush());
    }
    if (outcomes.isEmpty()) {
      return Future.succeededFuture();
    }
    var batch = new ArrayList<>(outcomes);
    outcomes.clear();
    var request = new JsonObject().put("outcomes", new JsonArray(batch));
    currentFlush = bus.request(Addresses.DELIVERY_RECORD, request)
        .<Void>mapEmpty()
        .recover(failure -> {
          LOG.warn("Could not record {} outcomes, will retry: {}", batch.size(),
              failure.getMessage());
          outcomes.addAll(0, batch);
          return Future.<Void>future(retry -> vertx.setTimer(1000, id -> retry.complete()));
        })
        .onComplete(ignored -> currentFlush = null);
    return currentFlush.compose(ignored -> flush());
  }

  private void awaitIdle(Promise<Void> done, long deadlineNanos) {
    if (inFlight == 0 || System.nanoTime() > deadlineNanos) {
      done.tryComplete();
      return;
    }
    vertx.setTimer(50, id -> awaitIdle(done, deadlineNanos));
  }
}
