package casemail.tracking;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives pixel loads from the HTTP side ({@link Addresses#OPEN_SEEN}, fire and forget),
 * classifies each, and writes them in batches through {@link Addresses#OPEN_STORE} — when
 * enough have gathered or a short time has passed, and at stop, so no open is lost.
 */
public final class TrackingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(TrackingVerticle.class);
  private static final int BATCH_SIZE = 1000;
  private static final long FLUSH_MS = 200;
  private static final long STORE_TIMEOUT_MS = 30_000;

  private final List<JsonObject> pending = new ArrayList<>();
  private Bus bus;
  private Future<Void> storing = Future.succeededFuture();

  @Override
  public Future<?> start() {
    bus = new Bus(vertx);
    vertx.setPeriodic(FLUSH_MS, id -> flush());
    return vertx.eventBus().<JsonObject>consumer(Addresses.OPEN_SEEN, this::onOpenSeen)
        .completion();
  }

  @Override
  public Future<?> stop() {
    return flush();
  }

  private void onOpenSeen(Message<JsonObject> message) {
    var seen = message.body();
    pending.add(new JsonObject()
        .put("token", seen.getString("token"))
        .put("at", seen.getString("at"))
        .put("client_class",
            OpenClassifier.classify(seen.getString("user_agent"), seen.getString("purpose"))));
    if (pending.size() >= BATCH_SIZE) {
      flush();
    }
  }

  /** Stores what is pending after any store under way, one batch at a time. */
  private Future<Void> flush() {
    if (pending.isEmpty()) {
      return storing;
    }
    var batch = new JsonArray(new ArrayList<>(pending));
    pending.clear();
    storing = storing.compose(ignored -> store(batch));
    return storing;
  }

  private Future<Void> store(JsonArray batch) {
    var request = new JsonObject().put("opens", batch);
    return bus.request(Addresses.OPEN_STORE, request, STORE_TIMEOUT_MS)
        .<Void>mapEmpty()
        .recover(failure -> {
          LOG.warn("Could not store {} opens, will retry: {}", batch.size(), failure.getMessage());
          batch.forEach(open -> pending.add((JsonObject) open));
          return Future.succeededFuture();
        });
  }
}
