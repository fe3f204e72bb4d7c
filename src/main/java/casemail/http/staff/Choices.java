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

  private static JsonObject option(String value, String label, String selected) {
    return new JsonObject().put("value", value).put("label", label)
        .put("selected", value.equals(selected));
  }
}
