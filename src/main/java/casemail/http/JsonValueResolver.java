package casemail.http;

import com.github.jknack.handlebars.ValueResolver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets page templates read view models made of {@link JsonObject}s and {@link JsonArray}s —
 * and nothing else: no getters or methods of any Java object are reachable from a template.
 */
final class JsonValueResolver implements ValueResolver {

  static final JsonValueResolver INSTANCE = new JsonValueResolver();

  private JsonValueResolver() {
  }

  @Override
  public Object resolve(Object context, String name) {
    if (context instanceof JsonObject object) {
      return object.containsKey(name) ? object.getValue(name) : UNRESOLVED;
    }
    if (context instanceof JsonArray array) {
      return element(array, name);
    }
    return UNRESOLVED;
  }

  @Override
  public Object resolve(Object context) {
    return context instanceof JsonObject || context instanceof JsonArray ? context : UNRESOLVED;
  }

  @Override
  public Set<Map.Entry<String, Object>> propertySet(Object context) {
    if (context instanceof JsonObject object) {
      return object.getMap().entrySet().stream()
          .map(entry -> Map.entry(entry.getKey(), object.getValue(entry.getKey())))
          .collect(Collectors.toSet());
    }
    return Set.of();
  }

  private static Object element(JsonArray array, String name) {
    if (name.equals("length")) {
      return array.size();
    }
    try {
      int index = Integer.parseInt(name);
      return index >= 0 && index < array.size() ? array.getValue(index) : UNRESOLVED;
    } catch (NumberFormatException e) {
      return UNRESOLVED;
    }
  }
}
