package casemail.http.staff;

import casemail.http.Formats;
import casemail.http.Pages;
import casemail.message.InboxQuery;
import casemail.message.InboxQuery.Filter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The inbox page's model: filter tabs, the search, one page of rows and the next page's link. */
final class InboxView {

  private final Formats formats;

  InboxView(Formats formats) {
    this.formats = formats;
  }

  JsonObject of(InboxQuery query, JsonObject page) {
    var rows = rows(page.getJsonArray("items"));
    var next = page.getString("next");
    return new JsonObject()
        .put(Pages.TITLE_KEY, "inbox.title")
        .put("filters", filters(query))
        .put("filter", query.filter().value())
        .put("q", query.search())
        .put("searched", query.search() != null)
        .put("filtered", !"all".equals(query.filter().value()))
        .put("messages", rows)
        .put("empty", rows.isEmpty())
        .put("firstPage", query.cursor() == null ? null : link(query.filter(), query.search(),
            null))
        .put("nextPage", next == null ? null : link(query.filter(), query.search(), next));
  }

  private static JsonArray filters(InboxQuery query) {
    var tabs = new JsonArray();
    for (var filter : Filter.values()) {
      tabs.add(new JsonObject()
          .put("value", filter.value())
          .put("url", link(filter, query.search(), null))
          .put("current", filter == query.filter()));
    }
    return tabs;
  }

  private JsonArray rows(JsonArray messages) {
    var rows = new JsonArray();
    messages.forEach(item -> rows.add(row((JsonObject) item)));
    return rows;
  }

  private JsonObject row(JsonObject message) {
    var inbound = "inbound".equals(message.getString("direction"));
    var unread = inbound && message.getString("read_at") == null;
    var deliveries = message.getJsonArray("deliveries");
    var last = deliveries.isEmpty() ? null : deliveries.getJsonObject(deliveries.size() - 1);
    var status = inbound ? (unread ? "unread" : "read")
        : last == null ? "" : last.getString("status");
    return new JsonObject()
        .put("createdAt", formats.dateTime(message.getString("created_at")))
        .put("customer", message.getString("customer_name"))
        .put("caseLabel", message.getJsonObject("case").getString("label"))
        .put("url", "/inbox/messages/" + message.getString("id"))
        .put("subject", message.getString("subject"))
        .put("batchUrl", TimelineView.batchUrl(message))
        .put("author", message.getString("author_name"))
        .put("inbound", inbound)
        .put("unread", unread)
        .put("status", status);
  }

  private static String link(Filter filter, String search, String cursor) {
    var url = new StringBuilder("/inbox?filter=").append(filter.value());
    if (search != null) {
      url.append("&q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8));
    }
    if (cursor != null) {
      url.append("&cursor=").append(cursor);
    }
    return url.toString();
  }
}
