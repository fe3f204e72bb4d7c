package casemail.http;

import casemail.bus.Addresses;
import casemail.tracking.SeenOpens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the pixel loads one HTTP verticle instance sees to the tracking verticle
 * ({@link Addresses#OPEN_SEEN}): a few hundred per bus message, or what there is every
 * {@value #TICK_MS} ms, rather than one message per request. The tracking verticle
 * acknowledges a batch once it has room for it. While more than {@value #MAX_UNACKNOWLEDGED}
 * loads of this instance wait for that, further pixel answers wait too: a flood slows its own
 * clients down instead of filling memory or dropping opens. Used on its verticle's event loop
 * only.
 */
final class OpenHandover {

  private static final Logger LOG = LoggerFactory.getLogger(OpenHandover.class);
  private static final int BATCH = 512;
  private static final long TICK_MS = 50;
  private static final int MAX_UNACKNOWLEDGED = 16 * BATCH;
  private static final long ACKNOWLEDGE_TIMEOUT_MS = 120_000;
  private static final long RETRY_MS = 1_000;
  private static final int ATTEMPTS = 5;

  /** A load that arrived while there was no room, with the answer it waits for. */
  private record Waiting(String token, long at, String userAgent, String purpose,
      Runnable answer) {
  }

  private final Vertx vertx;
  private final long timer;
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private SeenOpens collecting = new SeenOpens();
  private int unacknowledged;
  private Promise<Void> closed;

  OpenHandover(Vertx vertx) {
    this.vertx = vertx;
    this.timer = vertx.setPeriodic(TICK_MS, id -> handOver());
  }

  /** Records a load, then runs {@code answer}: at once while there is room, else later. */
  void seen(String token, String userAgent, String purpose, Runnable answer) {
    long at = System.currentTimeMillis();
    if (waiting.isEmpty() && hasRoom()) {
      collect(token, at, userAgent, purpose);
      answer.run();
    } else {
      waiting.add(new Waiting(token, at, userAgent, purpose, answer));
    }
  }

  /**
   * Hands over everything collected, including loads still waiting for room, and completes
   * once the tracking verticle has acknowledged all of it. The server no longer takes requests.
   */
  Future<Void> close() {
    vertx.cancelTimer(timer);
    closed = Promise.promise();
    while (!waiting.isEmpty()) {
      admit(waiting.poll());
    }
    handOver();
    completeIfClosed();
    return closed.future();
  }

  private boolean hasRoom() {
    return unacknowledged + collecting.size() < MAX_UNACKNOWLEDGED;
  }

  private void collect(String token, long at, String userAgent, String purpose) {
    collecting.add(token, at, userAgent, purpose);
    if (collecting.size() >= BATCH) {
      handOver();
    }
  }

  private void admit(Waiting load) {
    collect(load.token(), load.at(), load.userAgent(), load.purpose());
    load.answer().run();
  }

  private void handOver() {
    if (collecting.isEmpty()) {
      return;
    }
    var batch = collecting;
    collecting = new SeenOpens();
    unacknowledged += batch.size();
    send(batch, 1);
  }

  private void send(SeenOpens batch, int attempt) {
    var options = new DeliveryOptions().setSendTimeout(ACKNOWLEDGE_TIMEOUT_MS);
    vertx.eventBus().request(Addresses.OPEN_SEEN, batch.toJson(), options)
        .onSuccess(reply -> acknowledged(batch))
        .onFailure(failure -> notAcknowledged(batch, attempt, failure));
  }

  /**
   * Without a tracking verticle (not deployed, or gone) the batch is offered again a few
   * times. After any other failure — a timeout: the tracking verticle holds the batch but is
   * stuck behind the database — it counts as handed over, so that answers do not stall.
   */
  private void notAcknowledged(SeenOpens batch, int attempt, Throwable failure) {
    var noTracking = failure instanceof ReplyException reply
        && reply.failureType() == ReplyFailure.NO_HANDLERS;
    if (noTracking && attempt < ATTEMPTS) {
      vertx.setTimer(RETRY_MS, id -> send(batch, attempt + 1));
      return;
    }
    if (noTracking) {
      LOG.error("{} opens lost: no tracking verticle took them", batch.size());
    } else {
      LOG.warn("The tracking verticle did not acknowledge {} opens: {}", batch.size(),
          failure.getMessage());
    }
    acknowledged(batch);
  }

  private void acknowledged(SeenOpens batch) {
    unacknowledged -= batch.size();
    while (!waiting.isEmpty() && hasRoom()) {
      admit(waiting.poll());
    }
    completeIfClosed();
  }

  private void completeIfClosed() {
    if (closed != null && collecting.isEmpty() && unacknowledged == 0) {
      closed.tryComplete();
    }
  }
}
