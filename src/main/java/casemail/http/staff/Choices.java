package casemail.http.staff;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Options of a select, with the chosen one marked, for templates. */
final class Choices {

  private Choices() {
  }

  static JsonArray of(String selected, String... values) {
    var options = new JsonArray();
    for (var value : values) {
      options.add(option(value, value, selected));
    }
    return options;
  }

  /** Options shown by label: {@code labelled} holds value, label, value, label, … */
  static JsonArray labelled(String selected, String... labelled) {
    var options = new JsonArray();
    for (int i = 0; i < labelled.length; i += 2) {
      options.add(option(labelled[i], labelled[i + 1], selected));
    }
    return options;
  }

  private static JsonObject option(String value, String label, String selected) {
    return new JsonObject().put("value", value).put("label", label)
        .put("selected", value.equals(selected));
  }
}
