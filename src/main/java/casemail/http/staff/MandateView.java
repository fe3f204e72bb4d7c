package casemail.http.staff;

import casemail.http.Formats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.iban4j.Iban;

/**
 * A customer's direct-debit mandates for staff: the current one among the facts, and each
 * authorisation and revocation as an event on the customer's timeline.
 */
final class MandateView {

  private final Formats formats;

  MandateView(Formats formats) {
    this.formats = formats;
  }

  /** The active mandate, else the latest revoked one, else null ({@code items} newest first). */
  JsonObject facts(JsonArray mandates) {
    if (mandates.isEmpty()) {
      return null;
    }
    var mandate = mandates.getJsonObject(0);
    var revoked = mandate.getString("revoked_at");
    return new JsonObject()
        .put("active", revoked == null)
        .put("holder", mandate.getString("account_holder"))
        .put("iban", formatted(mandate.getString("iban")))
        .put("reference", mandate.getString("reference"))
        .put("authorisedAt", formats.dateTime(mandate.getString("authorised_at")))
        .put("revokedAt", formats.dateTime(revoked));
  }

  /**
   * The timeline's entries with the mandates' events merged in, newest first: those of the
   * page's time, before {@code until} (null: the newest page) and from {@code from} on (null:
   * the oldest page).
   */
  JsonArray merged(JsonArray entries, JsonArray mandates, Instant until, Instant from) {
    var events = new JsonArray();
    mandates.forEach(item -> {
      var mandate = (JsonObject) item;
      if (mandate.getString("revoked_at") != null) {
        events.add(event(mandate, mandate.getString("revoked_at"),
            "Direct-debit mandate revoked by the customer in the portal"));
      }
      events.add(event(mandate, mandate.getString("authorised_at"),
          "Direct-debit mandate authorised by the customer in the portal"));
    });
    events.getList().removeIf(event -> {
      var at = at((JsonObject) event);
      return until != null && !at.isBefore(until) || from != null && at.isBefore(from);
    });
    var merged = new JsonArray();
    int e = 0;
    for (var entry : entries) {
      var at = Instant.parse(((JsonObject) entry).getString("at"));
      while (e < events.size() && !at(events.getJsonObject(e)).isBefore(at)) {
        merged.add(events.getJsonObject(e++));
      }
      merged.add(entry);
    }
    while (e < events.size()) {
      merged.add(events.getJsonObject(e++));
    }
    return merged;
  }

  private JsonObject event(JsonObject mandate, String at, String what) {
    return new JsonObject()
        .put("event", true)
        .put("at", at)
        .put("createdAt", formats.dateTime(at))
        .put("text", what)
        .put("detail", mandate.getString("account_holder") + " · "
            + formatted(mandate.getString("iban")) + " · " + mandate.getString("reference"));
  }

  private static Instant at(JsonObject event) {
    return Instant.parse(event.getString("at"));
  }

  private static String formatted(String iban) {
    try {
      return Iban.valueOf(iban).toFormattedString();
    } catch (RuntimeException e) {
      return iban;
    }
  }
}
