package casemail.tracking;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Pixel loads as the HTTP side saw them, column by column — the payload of
 * {@code tracking.open.seen}: {@code {tokens, at, user_agents, purposes}}, {@code at} in epoch
 * milliseconds. Columns keep a batch of hundreds of loads one small JSON object.
 */
public final class SeenOpens {

  private final List<Object> tokens;
  private final List<Object> at;
  private final List<Object> userAgents;
  private final List<Object> purposes;

  public SeenOpens() {
    this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }

  private SeenOpens(List<Object> tokens, List<Object> at, List<Object> userAgents,
      List<Object> purposes) {
    this.tokens = tokens;
    this.at = at;
    this.userAgents = userAgents;
    this.purposes = purposes;
  }

  /** {@code purpose}: the request's prefetch hint (Purpose, Sec-Purpose or X-Moz), or null. */
  public void add(String token, long atMillis, String userAgent, String purpose) {
    tokens.add(token);
    at.add(atMillis);
    userAgents.add(userAgent);
    purposes.add(purpose);
  }

  public int size() {
    return tokens.size();
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  public String token(int i) {
    return (String) tokens.get(i);
  }

  public long at(int i) {
    return ((Number) at.get(i)).longValue();
  }

  public String userAgent(int i) {
    return (String) userAgents.get(i);
  }

  public String purpose(int i) {
    return (String) purposes.get(i);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("tokens", new JsonArray(tokens))
        .put("at", new JsonArray(at))
        .put("user_agents", new JsonArray(userAgents))
        .put("purposes", new JsonArray(purposes));
  }

  /** The loads of a {@code tracking.open.seen} payload; columns of unequal length are refused. */
  public static SeenOpens fromJson(JsonObject json) {
    var seen = new SeenOpens(column(json, "tokens"), column(json, "at"),
        column(json, "user_agents"), column(json, "purposes"));
    int size = seen.size();
    if (seen.at.size() != size || seen.userAgents.size() != size
        || seen.purposes.size() != size) {
      throw new IllegalArgumentException("Columns of unequal length");
    }
    return seen;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> column(JsonObject json, String name) {
    return json.getJsonArray(name).getList();
  }
}
