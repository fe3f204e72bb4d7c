package casemail.message;

import casemail.bus.BusFailure;
import io.vertx.core.json.JsonObject;

/**
 * One page of the inbox as asked for: a filter, an optional search over customer name, subject
 * and text, and a keyset cursor (the last message of the previous page). Checked here, so the
 * pages, the API and the database read the same rules.
 */
public record InboxQuery(Filter filter, String search, MessageCursor cursor, int limit) {

  public static final int MAX_LIMIT = 500;
  public static final int MAX_SEARCH = 200;

  /** The inbox filters, by the names pages and the API use. */
  public enum Filter {
    ALL("all"), SENT("sent"), REPLIES("replies"), UNREAD_REPLIES("unread_replies"),
    FAILED("failed");

    private final String value;

    Filter(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }

    /** The filter of that name; null or blank is {@link #ALL}; anything else is a 400. */
    public static Filter parse(String value) {
      if (value == null || value.isBlank()) {
        return ALL;
      }
      for (var filter : values()) {
        if (filter.value.equals(value)) {
          return filter;
        }
      }
      throw new BusFailure(400, "Unknown filter", new JsonObject().put("filter",
          "Use all, sent, replies, unread_replies or failed"));
    }
  }

  /** Checks what a page or API request gave; a 400 naming the field for bad input. */
  public static InboxQuery of(String filter, String search, String cursor, Integer limit) {
    var text = search == null ? "" : search.strip();
    if (text.length() > MAX_SEARCH) {
      throw new BusFailure(400, "Search too long", new JsonObject().put("q",
          "Search for at most " + MAX_SEARCH + " characters"));
    }
    int size = limit == null ? 50 : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new BusFailure(400, "Bad limit", new JsonObject().put("limit",
          "Use a limit from 1 to " + MAX_LIMIT));
    }
    return new InboxQuery(Filter.parse(filter), text.isEmpty() ? null : text,
        MessageCursor.decode(cursor), size);
  }

  /** The search as an ILIKE pattern: the text anywhere, its wildcards taken literally. */
  public String searchPattern() {
    if (search == null) {
      return null;
    }
    var escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("filter", filter.value())
        .put("q", search)
        .put("cursor", cursor == null ? null : cursor.encode())
        .put("limit", limit);
  }

  public static InboxQuery fromJson(JsonObject json) {
    return of(json.getString("filter"), json.getString("q"), json.getString("cursor"),
        json.getInteger("limit"));
  }
}
