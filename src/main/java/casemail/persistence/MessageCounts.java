package casemail.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

/** Counts stored messages and the deliveries they queued, for {@code /metrics}. */
final class MessageCounts {

  private final Counter created;
  private final Counter queued;

  /** {@code casemail_messages_total}: Prometheus keeps the word "created" for itself. */
  MessageCounts(MeterRegistry registry) {
    this.created = registry.counter("casemail.messages");
    this.queued = registry.counter("casemail.deliveries.queued");
  }

  /** A stored batch, as {@code persistence.batch.create} answers it. */
  void createdBatch(JsonObject batch) {
    created.increment(batch.getLong("total"));
    queued.increment(batch.getLong("emailed"));
  }

  /** A stored message, as {@code persistence.message.create} answers it. */
  void created(JsonObject message) {
    created.increment();
    message.getJsonArray("deliveries").forEach(delivery -> {
      if ("queued".equals(((JsonObject) delivery).getString("status"))) {
        queued.increment();
      }
    });
  }
}
