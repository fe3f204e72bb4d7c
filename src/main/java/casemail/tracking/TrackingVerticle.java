package casemail.tracking;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives pixel loads from the HTTP side in batches ({@link Addresses#OPEN_SEEN}), classifies
 * each ({@link OpenClassifier}; the user agent goes no further) and stores them through
 * {@link Addresses#OPEN_STORE} in multi-row statements of up to {@value #STORE_MAX} opens:
 * at once when {@value #STORE_MIN} have gathered, else every {@value #FLUSH_MS} ms. The tokens
 * are shared out over {@value #LANES} lanes by their hash, each with one store at a time: the
 * database works on some lanes' statements while others' commits wait for the disk, and two
 * statements never count opens of the same delivery (no row waits for another's lock). So the
 * database sets the pace. A batch from the HTTP side is acknowledged once fewer than
 * {@value #MAX_BACKLOG} opens wait here, so memory stays bounded under load and nothing is
 * dropped ({@code casemail_opens_pending} shows the backlog). A failed store is retried; at
 * stop everything pending is stored.
 */
public final class TrackingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(TrackingVerticle.class);
  private static final int STORE_MIN = 1_000;
  private static final int STORE_MAX = 5_000;
  private static final long FLUSH_MS = 200;
  private static final int MAX_BACKLOG = 250_000;
  private static final long STORE_TIMEOUT_MS = 30_000;
  private static final int STOP_ATTEMPTS = 5;
  private static final long STOP_RETRY_MS = 500;
  private static final int KNOWN_AGENTS = 10_000;
  private static final int LANES = 4;

  /** The opens of a share of the tokens: pending, and how many of them are being stored. */
  private static final class Lane {
    final PendingOpens pending = new PendingOpens();
    int storing;
  }

  private final Lane[] lanes = Stream.generate(Lane::new).limit(LANES).toArray(Lane[]::new);
  private final Deque<Message<JsonObject>> held = new ArrayDeque<>();
  private final Map<String, String> agentClasses = new HashMap<>();
  private Bus bus;
  private long timer;
  private boolean failing;
  private Promise<Void> stopped;
  private int stopFailures;

  @Override
  public Future<?> start() {
    bus = new Bus(vertx);
    Metrics.meters(vertx).gauge("casemail.opens.pending", this, TrackingVerticle::backlog);
    timer = vertx.setPeriodic(FLUSH_MS, id -> flush());
    return vertx.eventBus().<JsonObject>consumer(Addresses.OPEN_SEEN, this::onOpenSeen)
        .completion();
  }

  /** Stores everything pending, retrying a failed store a few times, before it completes. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    stopped = Promise.promise();
    continueStopping();
    return stopped.future();
  }

  private void onOpenSeen(Message<JsonObject> message) {
    SeenOpens seen;
    try {
      seen = SeenOpens.fromJson(message.body());
    } catch (RuntimeException e) {
      message.fail(400, "Not a batch of pixel loads");
      return;
    }
    for (int i = 0; i < seen.size(); i++) {
      var token = seen.token(i);
      lanes[Math.floorMod(token.hashCode(), LANES)].pending
          .add(token, seen.at(i), classify(seen.userAgent(i), seen.purpose(i)));
    }
    held.add(message);
    acknowledge();
    storeLanesWithAtLeast(STORE_MIN);
  }

  /** Mail clients and proxies send few distinct user agents: each is classified once. */
  private String classify(String userAgent, String purpose) {
    if (purpose != null || userAgent == null) {
      return OpenClassifier.classify(userAgent, purpose);
    }
    var known = agentClasses.get(userAgent);
    if (known != null) {
      return known;
    }
    if (agentClasses.size() >= KNOWN_AGENTS) {
      agentClasses.clear();
    }
    var clientClass = OpenClassifier.classify(userAgent, null);
    agentClasses.put(userAgent, clientClass);
    return clientClass;
  }

  /** Acknowledges held batches while the backlog leaves room (all of them when stopping). */
  private void acknowledge() {
    while (!held.isEmpty() && (stopped != null || backlog() < MAX_BACKLOG)) {
      held.poll().reply(new JsonObject());
    }
  }

  /** Opens not stored yet, being stored included; read by the metrics too. */
  private int backlog() {
    int backlog = 0;
    for (var lane : lanes) {
      backlog += lane.pending.size() + lane.storing;
    }
    return backlog;
  }

  private void flush() {
    storeLanesWithAtLeast(1);
  }

  /** Starts a store in each lane that has none under way and at least {@code opens} pending. */
  private void storeLanesWithAtLeast(int opens) {
    for (var lane : lanes) {
      if (lane.storing == 0 && lane.pending.size() >= opens) {
        store(lane);
      }
    }
  }

  private void store(Lane lane) {
    var opens = lane.pending.take(STORE_MAX);
    lane.storing = PendingOpens.size(opens);
    bus.request(Addresses.OPEN_STORE, opens, STORE_TIMEOUT_MS)
        .onSuccess(reply -> stored(lane))
        .onFailure(failure -> notStored(lane, opens, failure));
  }

  private void stored(Lane lane) {
    lane.storing = 0;
    if (failing) {
      failing = false;
      LOG.info("Opens are stored again");
    }
    acknowledge();
    if (stopped != null) {
      continueStopping();
    } else if (lane.pending.size() >= STORE_MIN) {
      store(lane);
    }
  }

  // LIMITATION: a store that timed out may still have been committed; storing it again then
  // counts those opens twice. Losing them would be worse.
  private void notStored(Lane lane, JsonObject opens, Throwable failure) {
    lane.storing = 0;
    lane.pending.putBack(opens);
    if (!failing) {
      failing = true;
      LOG.warn("Could not store {} opens, retrying: {}", PendingOpens.size(opens),
          failure.getMessage());
    }
    if (stopped != null && ++stopFailures < STOP_ATTEMPTS) {
      vertx.setTimer(STOP_RETRY_MS, id -> continueStopping());
    } else if (stopped != null) {
      LOG.error("{} opens could not be stored before stopping", backlog());
      stopped.tryComplete();
    }
  }

  private void continueStopping() {
    acknowledge();
    if (stopped.future().isComplete()) {
      return;
    }
    flush();
    if (backlog() == 0) {
      stopped.tryComplete();
    }
  }
}
