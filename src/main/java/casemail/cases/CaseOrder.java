package casemail.cases;

import casemail.bus.BusFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * How a list of cases is sorted — by one of the columns its kind offers, ascending or
 * descending, the case's id breaking ties — and where a page starts: a keyset {@link Cursor}
 * holding the sort value and id of the previous page's last case. Pages deep into a long list
 * are as fast as the first, whatever the sort.
 */
public record CaseOrder(String type, String sort, boolean descending) {

  private static final Map<String, List<String>> SORTS = Map.of(
      "customer", List.of("number", "name"),
      "invoice", List.of("number", "due_date", "amount", "open_amount"),
      "matter", List.of("reference", "opened_on", "total"));
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** The order a request asks for; null or blank means by number (reference), ascending. */
  public static CaseOrder of(String type, String sort, String order) {
    var offered = sorts(type);
    var column = sort == null || sort.isBlank() ? offered.get(0) : sort.strip();
    if (!offered.contains(column)) {
      throw new BusFailure(400, "Unknown sort", new JsonObject()
          .put("sort", "Sort by " + String.join(", ", offered)));
    }
    var direction = order == null || order.isBlank() ? "asc" : order.strip();
    if (!direction.equals("asc") && !direction.equals("desc")) {
      throw new BusFailure(400, "Unknown order", new JsonObject().put("order", "Use asc or desc"));
    }
    return new CaseOrder(type, column, direction.equals("desc"));
  }

  /** By number or reference, ascending. */
  public static CaseOrder byKey(String type) {
    return of(type, null, null);
  }

  /** The columns a kind of case can be sorted by, the default first. */
  public static List<String> sorts(String type) {
    return SORTS.getOrDefault(type, List.of("number"));
  }

  public String order() {
    return descending ? "desc" : "asc";
  }

  /** The same column the other way round. */
  public CaseOrder reversed() {
    return new CaseOrder(type, sort, !descending);
  }

  public JsonObject toJson() {
    return new JsonObject().put("sort", sort).put("order", order());
  }

  public static CaseOrder fromJson(String type, JsonObject json) {
    return json == null ? byKey(type) : of(type, json.getString("sort"), json.getString("order"));
  }

  /** Where a page starts: after the case with this sort value (as text) and id. */
  public record Cursor(String value, long id) {
  }

  /** A cursor token for a page after this case: opaque to clients, tied to this order. */
  public String cursor(String value, long id) {
    var text = new JsonArray().add(sort).add(order()).add(value).add(id).encode();
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in a token made by {@link #cursor}; null for none; a 400 if garbled or foreign. */
  public Cursor decode(String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      var text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
      var parts = new JsonArray(text);
      if (parts.size() != 4 || !sort.equals(parts.getString(0))
          || !order().equals(parts.getString(1)) || parts.getString(2) == null) {
        throw badCursor();
      }
      return new Cursor(parts.getString(2), parts.getLong(3));
    } catch (IllegalArgumentException | DecodeException | ClassCastException
        | NullPointerException e) {
      throw badCursor();
    }
  }

  private static BusFailure badCursor() {
    return new BusFailure(400, "Bad cursor", new JsonObject().put("cursor",
        "Use the value of 'next' from the previous page, with the same sort and order"));
  }
}
