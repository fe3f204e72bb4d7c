package casemail.mail;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The outcome records sent to {@code persistence.delivery.record}. */
final class Outcomes {

  private static final int MAX_REASON = 500;

  private Outcomes() {
  }

  static JsonObject sent(JsonObject delivery, Instant at) {
    return outcome(delivery, "sent").put("sent_at", at.toString());
  }

  static JsonObject failed(JsonObject delivery, String reason) {
    return outcome(delivery, "failed").put("error", reason);
  }

  static JsonObject retry(JsonObject delivery, String reason, Instant at) {
    return outcome(delivery, "queued").put("error", reason).put("next_attempt_at", at.toString());
  }

  /** A claimed delivery handed back unsent, due at once (for another instance or a restart). */
  static JsonObject released(JsonObject delivery) {
    return outcome(delivery, "queued").put("next_attempt_at", Instant.now().toString());
  }

  /** The server's reply or the connection problem, in one line a user can read. */
  static String reason(Throwable failure) {
    var message = failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getMessage();
    var line = message.replaceAll("\\s+", " ").strip();
    return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) : line;
  }

  private static JsonObject outcome(JsonObject delivery, String status) {
    return new JsonObject().put("id", delivery.getString("id")).put("status", status);
  }
}
