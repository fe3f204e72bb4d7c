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
      options.add(new JsonObject().put("value", value).put("selected", value.equals(selected)));
    }
    return options;
  }
}
