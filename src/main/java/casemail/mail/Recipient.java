package casemail.mail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * One address of a delivery and how far it got: {@code queued} (not yet, or to be retried),
 * {@code sent}, {@code failed}, {@code uncertain} (connection lost mid-transaction: never
 * retried automatically) or {@code skipped} (the address is bouncing). Stored as JSON in the
 * delivery's {@code recipients}.
 */
final class Recipient {

  static final String QUEUED = "queued";
  static final String SENT = "sent";
  static final String FAILED = "failed";
  static final String UNCERTAIN = "uncertain";
  static final String SKIPPED = "skipped";

  private final String address;
  private final String kind;
  private String status;
  private String error;
  private String at;
  private boolean bounced;

  private Recipient(String address, String kind, String status, String error, String at) {
    this.address = address;
    this.kind = kind;
    this.status = status;
    this.error = error;
    this.at = at;
  }

  /** The delivery's recipients as last recorded, or all queued before its first attempt. */
  static List<Recipient> of(JsonObject delivery) {
    var stored = delivery.getJsonArray("recipients");
    var recipients = new ArrayList<Recipient>();
    if (stored != null) {
      stored.forEach(item -> recipients.add(fromJson((JsonObject) item)));
      return recipients;
    }
    var seen = new HashSet<String>();
    for (var kind : new String[] {"to", "cc", "bcc"}) {
      for (var address : delivery.getJsonArray(kind, new JsonArray())) {
        if (seen.add(address.toString().toLowerCase(Locale.ROOT))) {
          recipients.add(new Recipient(address.toString(), kind, QUEUED, null, null));
        }
      }
    }
    return recipients;
  }

  private static Recipient fromJson(JsonObject json) {
    return new Recipient(json.getString("address"), json.getString("kind"),
        json.getString("status"), json.getString("error"), json.getString("at"));
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("address", address)
        .put("kind", kind)
        .put("status", status)
        .put("error", error)
        .put("at", at);
  }

  String address() {
    return address;
  }

  String status() {
    return status;
  }

  String error() {
    return error;
  }

  String at() {
    return at;
  }

  boolean isPending() {
    return QUEUED.equals(status);
  }

  boolean isBounced() {
    return bounced;
  }

  void update(String newStatus, String reason, String time) {
    this.status = newStatus;
    this.error = reason;
    this.at = time;
  }

  /** Failed permanently because the server refused the address: it bounces from now on. */
  void bounce(String reason, String time) {
    update(FAILED, reason, time);
    bounced = true;
  }
}
