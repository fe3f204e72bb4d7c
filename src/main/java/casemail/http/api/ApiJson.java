package casemail.http.api;

import casemail.http.Formats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** The API's JSON shapes (PRODUCT.md §10), made from the persistence side's replies. */
final class ApiJson {

  private static final List<String> CUSTOMER = List.of("id", "number", "name", "emails",
      "language");
  private static final List<String> INVOICE = List.of("id", "number", "customer_id",
      "invoice_date", "due_date", "amount", "open_amount", "currency", "status");
  private static final List<String> MATTER = List.of("id", "reference", "customer_id", "status",
      "invoice_ids", "total");

  private static final List<String> ATTACHMENT = List.of("id", "filename", "content_type",
      "size");

  private final Formats formats;

  ApiJson(String timeZone) {
    this.formats = new Formats(Locale.ROOT, timeZone);
  }

  static JsonObject caseOf(String type, JsonObject found) {
    var fields = switch (type) {
      case "invoice" -> INVOICE;
      case "matter" -> MATTER;
      default -> CUSTOMER;
    };
    return pick(found, fields);
  }

  static JsonObject page(String type, JsonObject page) {
    var items = new JsonArray();
    page.getJsonArray("items").forEach(item -> items.add(caseOf(type, (JsonObject) item)));
    return new JsonObject().put("items", items).put("next", page.getString("next"));
  }

  JsonObject message(JsonObject message, String portalUrl) {
    var caseRef = message.getJsonObject("case");
    var views = message.getJsonArray("portal_views");
    var json = new JsonObject()
        .put("id", message.getString("id"))
        .put("case", new JsonObject()
            .put("type", caseRef.getString("type"))
            .put("id", caseRef.getLong("id")))
        .put("direction", message.getString("direction"))
        .put("author", message.getString("author"))
        .put("subject", message.getString("subject"))
        .put("body", message.getString("body"))
        .put("created_at", formats.iso(message.getString("created_at")))
        .put("in_reply_to", message.getString("in_reply_to"))
        .put("read_at", formats.iso(message.getString("read_at")))
        .put("deliveries", deliveries(message.getJsonArray("deliveries"), views))
        .put("portal_views", isoTimes(views))
        .put("replied_at", first(message.getJsonArray("replies", new JsonArray())))
        .put("attachments", attachments(message.getJsonArray("attachments", new JsonArray())));
    if (portalUrl != null) {
      json.put("portal_url", portalUrl);
    }
    return json;
  }

  private JsonArray isoTimes(JsonArray instants) {
    var times = new JsonArray();
    instants.forEach(instant -> times.add(formats.iso((String) instant)));
    return times;
  }

  private String first(JsonArray instants) {
    return instants.isEmpty() ? null : formats.iso(instants.getString(0));
  }

  private static JsonArray attachments(JsonArray attachments) {
    var items = new JsonArray();
    attachments.forEach(item -> items.add(pick((JsonObject) item, ATTACHMENT)));
    return items;
  }

  /** Only these fields of {@code source}, in this order. */
  private static JsonObject pick(JsonObject source, List<String> fields) {
    var json = new JsonObject();
    fields.forEach(field -> json.put(field, source.getValue(field)));
    return json;
  }

  JsonObject standardMessage(JsonObject standard) {
    return new JsonObject()
        .put("id", standard.getLong("id"))
        .put("description", standard.getString("description"))
        .put("case_type", standard.getString("case_type"))
        .put("subject", standard.getString("subject"))
        .put("cc", standard.getJsonArray("cc"))
        .put("bcc", standard.getJsonArray("bcc"))
        .put("body", standard.getString("body"))
        .put("updated_at", formats.iso(standard.getString("updated_at")));
  }

  static JsonObject user(JsonObject user) {
    return new JsonObject()
        .put("email", user.getString("email"))
        .put("name", user.getString("name"))
        .put("role", user.getString("role"))
        .put("signature", user.getString("signature"))
        .put("language", user.getString("language"));
  }

  private JsonArray deliveries(JsonArray deliveries, JsonArray views) {
    var items = new JsonArray();
    deliveries.forEach(item -> {
      var delivery = (JsonObject) item;
      items.add(delivery(delivery, viewedSince(views, delivery.getString("created_at"))));
    });
    return items;
  }

  /** The first portal view since the delivery was made: a resend is not viewed before it. */
  private String viewedSince(JsonArray views, String createdAt) {
    var since = createdAt == null ? OffsetDateTime.MIN : OffsetDateTime.parse(createdAt);
    return views.stream().map(String.class::cast)
        .filter(view -> !OffsetDateTime.parse(view).isBefore(since))
        .findFirst().map(formats::iso).orElse(null);
  }

  /**
   * {@code open_count} and {@code first_opened_at} count every load of the pixel; the
   * {@code person_} fields only a mail client's, {@code automated_open_count} the rest.
   */
  JsonObject delivery(JsonObject delivery, String portalViewedAt) {
    // Opens counted while the administration tracked individually are not shown once it
    // tracks anonymously or not at all.
    var tracked = "individual".equals(delivery.getString("tracking_mode"));
    int opens = tracked ? delivery.getInteger("open_count", 0) : 0;
    int personOpens = tracked ? delivery.getInteger("person_open_count", 0) : 0;
    return new JsonObject()
        .put("id", delivery.getString("id"))
        .put("to", delivery.getJsonArray("to"))
        .put("cc", delivery.getJsonArray("cc"))
        .put("bcc", delivery.getJsonArray("bcc"))
        .put("status", delivery.getString("status"))
        .put("error", delivery.getString("error"))
        .put("sent_at", formats.iso(delivery.getString("sent_at")))
        .put("first_opened_at", tracked ? formats.iso(delivery.getString("first_opened_at"))
            : null)
        .put("open_count", opens)
        .put("tracking_mode", delivery.getString("tracking_mode"))
        .put("person_open_count", personOpens)
        .put("first_person_opened_at", tracked
            ? formats.iso(delivery.getString("first_person_opened_at")) : null)
        .put("automated_open_count", opens - personOpens)
        .put("portal_viewed_at", portalViewedAt)
        .put("recipients", recipients(delivery));
  }

  /** Each address's outcome; before the first attempt, every address is still queued. */
  private JsonArray recipients(JsonObject delivery) {
    var recipients = delivery.getJsonArray("recipients");
    if (recipients == null) {
      return queued(delivery);
    }
    var items = new JsonArray();
    recipients.forEach(item -> {
      var recipient = ((JsonObject) item).copy();
      items.add(recipient.put("at", formats.iso(recipient.getString("at"))));
    });
    return items;
  }

  private static JsonArray queued(JsonObject delivery) {
    var items = new JsonArray();
    for (var kind : new String[] {"to", "cc", "bcc"}) {
      delivery.getJsonArray(kind).forEach(address -> items.add(new JsonObject()
          .put("address", address).put("kind", kind).put("status", "queued")
          .putNull("error").putNull("at")));
    }
    return items;
  }
}
