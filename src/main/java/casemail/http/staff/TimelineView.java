package casemail.http.staff;

import casemail.http.Formats;
import casemail.message.PlainText;
import casemail.message.Words;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Timeline entries prepared for the page: text made safe, times in the administration's zone,
 * and a portal link on each message to the customer that no email carried.
 */
final class TimelineView {

  private final Words words;
  private final Formats formats;
  private final UnaryOperator<String> portalUrl;
  private final long portalLinkDays;

  /** {@code portalUrl}: a new signed portal link to the message with this id. */
  TimelineView(Words words, Formats formats, UnaryOperator<String> portalUrl,
      long portalLinkDays) {
    this.words = words;
    this.formats = formats;
    this.portalUrl = portalUrl;
    this.portalLinkDays = portalLinkDays;
  }

  /** The page of the batch the message was sent in, or null. */
  static String batchUrl(JsonObject message) {
    var batch = message.getString("batch_id");
    return batch == null ? null : "/batches/" + batch;
  }

  /** {@code caseType}: the timeline's own case type; entries of other cases name theirs. */
  JsonArray entries(JsonArray messages, String caseType) {
    var entries = new JsonArray();
    messages.forEach(message -> entries.add(entry((JsonObject) message, caseType)));
    return entries;
  }

  private JsonObject entry(JsonObject message, String caseType) {
    var caseRef = message.getJsonObject("case");
    var views = message.getJsonArray("portal_views");
    return new JsonObject()
        .put("id", message.getString("id"))
        .put("subject", message.getString("subject"))
        // PlainText.toHtml escapes everything the user typed.
        .put("bodyHtml", PlainText.toHtml(message.getString("body")))
        .put("signatureHtml", PlainText.toHtml(message.getString("signature", "")))
        .put("createdAt", formats.dateTime(message.getString("created_at")))
        .put("author", message.getString("author_name"))
        .put("at", message.getString("created_at"))
        .put("inbound", "inbound".equals(message.getString("direction")))
        .put("unread", "inbound".equals(message.getString("direction"))
            && message.getString("read_at") == null)
        .put("readAt", formats.dateTime(message.getString("read_at")))
        .put("openUrl", "/inbox/messages/" + message.getString("id"))
        .put("batchUrl", batchUrl(message))
        .put("otherCase", !caseRef.getString("type").equals(caseType))
        .put("caseLabel", label(caseRef))
        .put("caseUrl", caseUrl(caseRef))
        .put("deliveries", deliveries(message.getJsonArray("deliveries"), caseUrl(caseRef),
            message.getJsonObject("batch_opens")))
        .put("hasSeveralDeliveries", message.getJsonArray("deliveries").size() > 1)
        .put("resendUrl", caseUrl(caseRef) + "/messages/" + message.getString("id") + "/resend")
        .put("resendTo", lastAddresses(message.getJsonArray("deliveries")))
        // The id the resend will be stored under: the form sent twice makes one delivery.
        .put("resendId", UUID.randomUUID().toString())
        .put("attachments", AttachmentRoutes.views(message.getJsonArray("attachments",
            new JsonArray())))
        .put("portalViews", times(views))
        .put("viewedInPortal", !views.isEmpty())
        .put("replies", times(message.getJsonArray("replies", new JsonArray())))
        .put("portalLink", notEmailed(message) ? new JsonObject()
            .put("url", portalUrl.apply(message.getString("id")))
            .put("days", portalLinkDays) : null);
  }

  /** A message to the customer of which no delivery went, or will go, out by email. */
  private static boolean notEmailed(JsonObject message) {
    return !"inbound".equals(message.getString("direction"))
        && message.getJsonArray("deliveries").stream().map(JsonObject.class::cast)
            .allMatch(delivery -> "not_emailed".equals(delivery.getString("status")));
  }

  private JsonArray deliveries(JsonArray deliveries, String caseUrl, JsonObject batchOpens) {
    var views = new JsonArray();
    deliveries.forEach(item -> {
      var delivery = (JsonObject) item;
      var status = delivery.getString("status");
      views.add(opens(delivery, batchOpens)
          .put("id", delivery.getString("id"))
          .put("viewUrl", caseUrl + "/deliveries/" + delivery.getString("id") + "/email")
          .put("createdAt", formats.dateTime(delivery.getString("created_at")))
          .put("recipients", recipients(delivery.getJsonArray("recipients")))
          .put("to", join(delivery.getJsonArray("to")))
          .put("cc", join(delivery.getJsonArray("cc")))
          .put("bcc", join(delivery.getJsonArray("bcc")))
          .put("status", status)
          .put("error", delivery.getString("error"))
          .put("sentAt", formats.dateTime(delivery.getString("sent_at"))));
    });
    return views;
  }

  /**
   * What the pixel says, by the tracking mode the email was sent with: loads by a mail client
   * (first and last time, how often) apart from automated ones, which say nothing of a reader;
   * with anonymous tracking only the batch's counts; with tracking off nothing.
   */
  private JsonObject opens(JsonObject delivery, JsonObject batchOpens) {
    var mode = delivery.getString("tracking_mode");
    int all = delivery.getInteger("open_count", 0);
    int person = delivery.getInteger("person_open_count", 0);
    var view = new JsonObject()
        .put("tracked", "individual".equals(mode))
        .put("anonymous", "anonymous".equals(mode))
        .put("untracked", "off".equals(mode));
    if ("anonymous".equals(mode) && batchOpens != null) {
      view.put("batchOpens", batchOpens);
    }
    return view
        .put("opened", person > 0)
        .put("openCount", person)
        .put("firstOpenedAt", formats.dateTime(delivery.getString("first_person_opened_at")))
        .put("lastOpenedAt", person > 1
            ? formats.dateTime(delivery.getString("last_person_opened_at")) : null)
        .put("automated", all > person)
        .put("automatedCount", all - person);
  }

  /** Each address with its own status, error and time (null before the first attempt). */
  private JsonArray recipients(JsonArray recipients) {
    if (recipients == null) {
      return null;
    }
    var views = new JsonArray();
    recipients.forEach(item -> {
      var recipient = (JsonObject) item;
      var status = recipient.getString("status");
      views.add(new JsonObject()
          .put("address", recipient.getString("address"))
          .put("status", status)
          .put("error", recipient.getString("error"))
          .put("at", formats.dateTime(recipient.getString("at"))));
    });
    return views;
  }

  /** The To addresses of the latest delivery that had any: what Resend offers. */
  private static String lastAddresses(JsonArray deliveries) {
    var last = "";
    for (int i = 0; i < deliveries.size(); i++) {
      var to = join(deliveries.getJsonObject(i).getJsonArray("to"));
      last = to.isEmpty() ? last : to;
    }
    return last;
  }

  private static String caseUrl(JsonObject caseRef) {
    return "/" + caseRef.getString("type") + "s/" + caseRef.getLong("id");
  }

  private JsonArray times(JsonArray instants) {
    var times = new JsonArray();
    instants.forEach(instant -> times.add(formats.dateTime((String) instant)));
    return times;
  }

  /** "Invoice 2026-000030", in the user's words. */
  private String label(JsonObject caseRef) {
    return words.get("case." + caseRef.getString("type") + "_title", caseRef.getString("label"));
  }

  private static String join(JsonArray values) {
    return values == null ? "" : values.stream().map(String::valueOf)
        .collect(Collectors.joining(", "));
  }
}
