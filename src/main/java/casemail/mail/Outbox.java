package casemail.mail;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes queued deliveries from the database and mails them. Claims a few at a time under a
 * lease, and sends at most one delivery per pooled SMTP connection at a time. Deliveries are
 * <em>in flight</em> while being sent or sent with their outcome not yet stored: at most two
 * per connection, so that the connections go on sending while outcomes are stored. A crash
 * can leave at most that many deliveries sent but not recorded, which are sent again after
 * their lease runs out. Outcomes
 * are stored together (one statement for all that finished meanwhile, a few such statements
 * under way at once, so no outcome waits for an earlier store to end). A claimed delivery
 * whose lease would run out before it could be sent is handed back. Runs on the mailing
 * verticle's event loop only.
 */
final class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private static final long RECORD_RETRY_MS = 1000;
  private static final int MAX_RECORDINGS = 2;

  private final Vertx vertx;
  private final Bus bus;
  private final Sender sender;
  private final EmailRenderer renderer;
  private final MailSettings settings;
  private final MeterRegistry registry;
  private final Deque<JsonObject> queue = new ArrayDeque<>();
  private final List<JsonObject> unrecorded = new ArrayList<>();
  private boolean claiming;
  private boolean moreDue;
  private int recordings;
  private boolean stopping;
  private int inFlight;
  private int sending;
  private Promise<Void> idle;

  Outbox(Vertx vertx, Sender sender, EmailRenderer renderer, MailSettings settings,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.bus = new Bus(vertx);
    this.sender = sender;
    this.renderer = renderer;
    this.settings = settings;
    this.registry = registry;
  }

  /** Looks for work now: new deliveries were queued, or it is time to look again. */
  void wake() {
    moreDue = true;
    claim();
  }

  /**
   * Stops claiming, hands unsent claims back, lets in-flight sends finish and stores every
   * outcome. Completes when nothing is in flight any more.
   */
  Future<Void> stop() {
    stopping = true;
    releaseQueue();
    idle = Promise.promise();
    checkIdle();
    return idle.future();
  }

  private void claim() {
    int wanted = wanted();
    int limit = wanted - queue.size() - inFlight;
    if (claiming || stopping || !moreDue || limit < Math.max(1, wanted / 4)) {
      return;
    }
    claiming = true;
    var request = new JsonObject().put("limit", limit)
        .put("lease_seconds", settings.leaseSeconds());
    bus.request(Addresses.DELIVERY_CLAIM, request)
        .onSuccess(reply -> claimed(reply.getJsonArray("items"), limit))
        .onFailure(failure -> {
          claiming = false;
          checkIdle();
          LOG.warn("Could not claim deliveries: {}", failure.getMessage());
        });
  }

  /**
   * How many deliveries to hold at once: four per connection, but no more than the send rate
   * lets go out within half a lease, so claims do not wait out their lease in the queue.
   */
  private int wanted() {
    int perConnection = settings.maxConnections() * 4;
    if (settings.sendRate() == 0) {
      return perConnection;
    }
    return Math.max(1, Math.min(perConnection, settings.sendRate() * settings.leaseSeconds() / 2));
  }

  /**
   * A claim that came back short took everything due: the next one waits for a wake-up (new
   * deliveries queued, or the periodic look for retries coming due) rather than asking again.
   */
  private void claimed(JsonArray items, int limit) {
    claiming = false;
    moreDue = items.size() == limit;
    items.forEach(item -> queue.add((JsonObject) item));
    if (stopping) {
      releaseQueue();
      checkIdle();
      return;
    }
    pump();
  }

  /** Hands back what was claimed but not started, due at once. */
  private void releaseQueue() {
    while (!queue.isEmpty()) {
      inFlight++;
      finished(Outcomes.released(queue.poll()));
    }
  }

  private void pump() {
    while (!stopping && sending < settings.maxConnections()
        && inFlight < 2 * settings.maxConnections() && !queue.isEmpty()) {
      send(queue.poll());
    }
    claim();
  }

  private void send(JsonObject delivery) {
    var job = new DeliveryJob(delivery);
    inFlight++;
    sending++;
    if (!job.leaseLasts(sender.timeout())) {
      sent(Outcomes.released(delivery));
      return;
    }
    try {
      var email = renderer.render(delivery);
      job.run(email, sender, settings.retrySchedule()).onSuccess(this::sent);
    } catch (RuntimeException e) {
      LOG.error("Delivery {} could not be built", delivery.getString("id"), e);
      sent(Outcomes.unbuildable(delivery, "The email could not be built"));
    }
  }

  /** A send ended: its connection takes the next delivery while the outcome is stored. */
  private void sent(JsonObject outcome) {
    sending--;
    finished(outcome);
    pump();
  }

  private void finished(JsonObject outcome) {
    count(outcome);
    unrecorded.add(outcome);
    record();
  }

  /**
   * Stores what finished and is not being stored yet. A few stores may be under way at once,
   * so an outcome never waits for the store before it: a delivery holds its place among those
   * in flight until its outcome is stored.
   */
  private void record() {
    if (recordings >= MAX_RECORDINGS || unrecorded.isEmpty()) {
      return;
    }
    recordings++;
    var outcomes = new ArrayList<>(unrecorded);
    unrecorded.clear();
    var request = new JsonObject().put("outcomes", new JsonArray(outcomes));
    bus.request(Addresses.DELIVERY_RECORD, request)
        .onSuccess(reply -> recorded(outcomes))
        .onFailure(failure -> {
          LOG.warn("Could not record {} delivery outcomes, will retry: {}", outcomes.size(),
              failure.getMessage());
          unrecorded.addAll(0, outcomes);
          vertx.setTimer(RECORD_RETRY_MS, id -> {
            recordings--;
            record();
          });
        });
  }

  private void recorded(List<JsonObject> outcomes) {
    recordings--;
    inFlight -= outcomes.size();
    record();
    checkIdle();
    pump();
  }

  private void checkIdle() {
    if (idle != null && inFlight == 0 && unrecorded.isEmpty() && recordings == 0 && !claiming) {
      idle.tryComplete();
    }
  }

  private void count(JsonObject outcome) {
    var id = outcome.getString("id");
    var status = outcome.getString("status");
    var error = Outcomes.forLog(outcome.getString("error"));
    if (outcome.getBoolean("released", false)) {
      return;
    }
    switch (status) {
      case "sent" -> registry.counter("casemail.deliveries.sent").increment();
      case "failed" -> {
        registry.counter("casemail.deliveries.failed").increment();
        LOG.warn("Delivery {} failed: {}", id, error);
      }
      case "uncertain" -> {
        registry.counter("casemail.deliveries.uncertain").increment();
        LOG.warn("Delivery {} is uncertain, not retried: {}", id, error);
      }
      default -> {
        registry.counter("casemail.deliveries.retried").increment();
        LOG.warn("Delivery {} will be retried at {}: {}", id,
            outcome.getString("next_attempt_at"), error);
      }
    }
  }
}
