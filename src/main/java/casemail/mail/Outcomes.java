package casemail.mail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The outcome records sent to {@code persistence.delivery.record}. A delivery's status sums up
 * its recipients, the one needing most attention winning: {@code queued} while an address
 * waits for a retry, then {@code uncertain}, {@code failed} (an address failed or was skipped),
 * and {@code sent} when every address was accepted. {@code sent_at} is the first acceptance.
 */
final class Outcomes {

  private static final int MAX_REASON = 500;
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");

  private Outcomes() {
  }

  /**
   * After an attempt: recipients still queued are retried after the next delay of the
   * schedule, or fail when it is used up.
   */
  static JsonObject of(JsonObject delivery, List<Recipient> recipients,
      List<Duration> schedule) {
    int attempt = delivery.getInteger("attempts");
    boolean retry = recipients.stream().anyMatch(Recipient::isPending);
    var outcome = outcome(delivery, "queued");
    if (retry && attempt <= schedule.size()) {
      outcome.put("next_attempt_at", Instant.now().plus(schedule.get(attempt - 1)).toString());
    } else if (retry) {
      recipients.stream().filter(Recipient::isPending).forEach(recipient -> recipient.update(
          Recipient.FAILED, "Gave up after " + attempt + " attempts: " + recipient.error(),
          Instant.now().toString()));
    }
    return outcome
        .put("status", retry && attempt <= schedule.size() ? "queued" : summary(recipients))
        .put("error", error(recipients))
        .put("sent_at", firstSent(recipients))
        .put("recipients", new JsonArray(recipients.stream().map(Recipient::toJson).toList()))
        .put("bounces", bounces(recipients));
  }

  /** The email could not be built: nothing was sent. */
  static JsonObject unbuildable(JsonObject delivery, String reason) {
    return outcome(delivery, "failed").put("error", reason);
  }

  /** A claimed delivery handed back unsent, due at once (for another instance or a restart). */
  static JsonObject released(JsonObject delivery) {
    return outcome(delivery, "queued")
        .put("next_attempt_at", Instant.now().toString())
        .put("released", true);
  }

  /** The server's reply or the connection problem, in one line a user can read. */
  static String reason(Throwable failure) {
    var message = failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getMessage();
    var line = message.replaceAll("\\s+", " ").strip();
    return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) : line;
  }

  /** The text for a log line: addresses in a server's reply are left out. */
  static String forLog(String reason) {
    return reason == null ? "" : ADDRESS.matcher(reason).replaceAll("<address>");
  }

  private static String summary(List<Recipient> recipients) {
    if (has(recipients, Recipient.UNCERTAIN)) {
      return "uncertain";
    }
    if (has(recipients, Recipient.FAILED) || has(recipients, Recipient.SKIPPED)) {
      return "failed";
    }
    return "sent";
  }

  private static boolean has(List<Recipient> recipients, String status) {
    return recipients.stream().anyMatch(recipient -> recipient.status().equals(status));
  }

  private static String error(List<Recipient> recipients) {
    var errors = recipients.stream()
        .filter(recipient -> recipient.error() != null && !recipient.status().equals("sent"))
        .map(recipient -> recipient.address() + ": " + recipient.error())
        .collect(Collectors.joining("; "));
    if (errors.isEmpty()) {
      return null;
    }
    return errors.length() > MAX_REASON * 2 ? errors.substring(0, MAX_REASON * 2) : errors;
  }

  private static String firstSent(List<Recipient> recipients) {
    return recipients.stream()
        .filter(recipient -> recipient.status().equals(Recipient.SENT))
        .map(Recipient::at)
        .min(String::compareTo)
        .orElse(null);
  }

  private static JsonArray bounces(List<Recipient> recipients) {
    var bounces = new JsonArray();
    recipients.stream().filter(Recipient::isBounced).forEach(recipient -> bounces.add(
        new JsonObject().put("address", recipient.address()).put("reason", recipient.error())));
    return bounces;
  }

  private static JsonObject outcome(JsonObject delivery, String status) {
    return new JsonObject()
        .put("id", delivery.getString("id"))
        .put("attempt", delivery.getInteger("attempts"))
        .put("status", status);
  }
}
