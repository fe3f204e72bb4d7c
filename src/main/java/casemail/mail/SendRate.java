package casemail.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** Spaces SMTP transactions evenly to stay under {@code CASEMAIL_SEND_RATE} per second. */
final class SendRate {

  private final Vertx vertx;
  private final long nanosPerSend;
  private long nextNanos;

  /** {@code perSecond} 0: unlimited. */
  SendRate(Vertx vertx, int perSecond) {
    this.vertx = vertx;
    this.nanosPerSend = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
  }

  /** Completes when the next transaction may start; each call takes one turn. */
  Future<Void> turn() {
    if (nanosPerSend == 0) {
      return Future.succeededFuture();
    }
    long now = System.nanoTime();
    long start = Math.max(nextNanos, now);
    nextNanos = start + nanosPerSend;
    long waitMs = TimeUnit.NANOSECONDS.toMillis(start - now);
    if (waitMs < 1) {
      return Future.succeededFuture();
    }
    return Future.future(promise -> vertx.setTimer(waitMs, id -> promise.complete()));
  }
}
