package casemail.tracking;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Classified opens waiting to be stored, column by column; taken in chunks as the payload of
 * {@code persistence.open.store}: {@code {tokens, at, client_classes}}, {@code at} in epoch
 * milliseconds. Used on the tracking verticle's event loop only.
 */
final class PendingOpens {

  private final List<Object> tokens = new ArrayList<>();
  private final List<Object> at = new ArrayList<>();
  private final List<Object> classes = new ArrayList<>();

  void add(String token, long atMillis, String clientClass) {
    tokens.add(token);
    at.add(atMillis);
    classes.add(clientClass);
  }

  int size() {
    return tokens.size();
  }

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** Takes up to {@code max} opens out (the newest: order does not matter to the store). */
  JsonObject take(int max) {
    int from = Math.max(0, tokens.size() - max);
    return new JsonObject()
        .put("tokens", cut(tokens, from))
        .put("at", cut(at, from))
        .put("client_classes", cut(classes, from));
  }

  /** Puts back what {@link #take} gave, after a failed store. */
  @SuppressWarnings("unchecked")
  void putBack(JsonObject taken) {
    tokens.addAll(taken.getJsonArray("tokens").getList());
    at.addAll(taken.getJsonArray("at").getList());
    classes.addAll(taken.getJsonArray("client_classes").getList());
  }

  static int size(JsonObject taken) {
    return taken.getJsonArray("tokens").size();
  }

  private static JsonArray cut(List<Object> column, int from) {
    var tail = column.subList(from, column.size());
    var taken = new JsonArray(new ArrayList<>(tail));
    tail.clear();
    return taken;
  }
}
