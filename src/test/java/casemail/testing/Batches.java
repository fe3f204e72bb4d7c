package casemail.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Cases chosen and batches sent and followed through the API, for the bulk message tests. */
public final class Batches {

  private Batches() {
  }

  /** Every case a list route gives for this query ({@code /invoices?status=paid}), all pages. */
  public static List<JsonObject> matching(TestApp app, String query) {
    var items = new ArrayList<JsonObject>();
    var separator = query.contains("?") ? "&" : "?";
    String next = null;
    do {
      var page = app.api().get(query + separator + "limit=500"
          + (next == null ? "" : "&cursor=" + next)).json();
      page.getJsonArray("items").forEach(item -> items.add((JsonObject) item));
      next = page.getString("next");
    } while (next != null);
    return items;
  }

  public static JsonArray ids(TestApp app, String query) {
    var ids = new JsonArray();
    matching(app, query).forEach(item -> ids.add(item.getLong("id")));
    return ids;
  }

  /** A {@code POST /batches} body by Anna, {@code Dear {{customer.name}}}: add the cases. */
  public static JsonObject request(String subject, String caseType) {
    return new JsonObject().put("case_type", caseType).put("author", TestData.ADMIN_EMAIL)
        .put("subject", subject).put("body", "Dear {{customer.name}}");
  }

  /** Sends a batch through the API; its id. */
  public static String send(TestApp app, JsonObject request) {
    var created = app.api().post("/batches", request);
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    return created.json().getString("id");
  }

  /** The batch's progress through the API, once nothing is left to send. */
  public static JsonObject done(TestApp app, String batch) {
    return Eventually.get(() -> app.api().get("/batches/" + batch).json(),
        progress -> progress.getBoolean("done"));
  }

  /** The fields named by an API error. */
  public static Map<String, Object> fields(Api.Reply reply) {
    return reply.json().getJsonObject("error").getJsonObject("fields").getMap();
  }

  /** The subjects of a timeline of the API ({@code /invoices/7/timeline}), newest first. */
  public static List<String> subjects(TestApp app, String timeline) {
    return app.api().get(timeline).json().getJsonArray("items").stream()
        .map(item -> ((JsonObject) item).getString("subject")).toList();
  }

  public static long count(TestApp app, String query) {
    return Sql.count(app.settings().databaseUrl(), query);
  }

  /**
   * The emails whose subject holds the tag, grouped by Message-ID (an email to two addresses
   * arrives twice), once {@code expected} emails have arrived.
   */
  public static Map<String, List<MimeMessage>> emailsTagged(TestApp app, String tag,
      int expected) {
    return Eventually.get(() -> Arrays.stream(app.mail().getReceivedMessages())
            .filter(email -> Emails.subjectOf(email).contains(tag))
            .collect(Collectors.groupingBy(Batches::messageId)),
        emails -> new HashSet<>(emails.keySet()).size() >= expected);
  }

  private static String messageId(MimeMessage email) {
    try {
      return email.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
