package casemail.cases;

import casemail.bus.BusFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cases chosen in an overview, within its filter: either the ids ticked ({@code all}
 * false), or every case matching the filter except the ids unticked ({@code all} true, "select
 * all N matching"). Pages carry it from one request to the next, so rows ticked or unticked on
 * any page are honoured.
 */
public record Selection(boolean all, Set<Long> ids) {

  /** The most ids one selection holds; more cases are chosen with "all matching". */
  public static final int MAX_IDS = 20_000;

  public Selection {
    ids = Set.copyOf(ids);
  }

  public static Selection none() {
    return new Selection(false, Set.of());
  }

  /** Every case matching the filter. */
  public static Selection everything() {
    return new Selection(true, Set.of());
  }

  public static Selection of(Collection<Long> ids) {
    return checked(false, new LinkedHashSet<>(ids));
  }

  /** From a form or query string: {@code all} "1" or not, {@code ids} separated by commas. */
  public static Selection parse(String all, String ids) {
    return checked("1".equals(all) || "true".equals(all), parseIds("ids", ids));
  }

  /** Ids separated by commas (or repeated); a 400 naming {@code field} for anything else. */
  public static Set<Long> parseIds(String field, String text) {
    var ids = new LinkedHashSet<Long>();
    if (text == null || text.isBlank()) {
      return ids;
    }
    for (var part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        ids.add(Long.parseLong(part.strip()));
      } catch (NumberFormatException e) {
        throw new BusFailure(400, "Bad selection", new JsonObject().put(field,
            "Not a case id: " + part.strip()));
      }
    }
    return ids;
  }

  private static Selection checked(boolean all, Set<Long> ids) {
    if (ids.size() > MAX_IDS) {
      throw new BusFailure(422, "Too many cases chosen one by one", new JsonObject().put("ids",
          "Choose at most " + MAX_IDS + " cases one by one; for more, filter and select all "
              + "matching"));
    }
    return new Selection(all, ids);
  }

  /**
   * After a page was submitted: of the cases {@code shown} on it, those {@code ticked} are
   * chosen and the others not; choices on other pages stay as they were.
   */
  public Selection update(List<Long> shown, Collection<Long> ticked) {
    var result = new LinkedHashSet<>(ids);
    for (var id : shown) {
      var wanted = ticked.contains(id);
      if (wanted != all) {
        result.add(id);
      } else {
        result.remove(id);
      }
    }
    return checked(all, result);
  }

  /** The same, with every case shown on the page chosen too. */
  public Selection withPage(List<Long> shown) {
    return update(shown, shown);
  }

  public boolean includes(long id) {
    return all != ids.contains(id);
  }

  public boolean isEmpty() {
    return !all && ids.isEmpty();
  }

  /** How many cases it holds when {@code matching} cases match the filter. */
  public long count(long matching) {
    return all ? Math.max(0, matching - ids.size()) : ids.size();
  }

  /** The ids as a form or query string carries them. */
  public String idsText() {
    return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }

  public JsonObject toJson() {
    return new JsonObject().put("all", all).put("ids", new JsonArray(ids.stream().sorted()
        .toList()));
  }

  public static Selection fromJson(JsonObject json) {
    var ids = new LinkedHashSet<Long>();
    json.getJsonArray("ids", new JsonArray()).forEach(id -> ids.add(((Number) id).longValue()));
    return checked(json.getBoolean("all", false), ids);
  }
}
