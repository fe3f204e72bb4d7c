package casemail.message;

import io.vertx.core.json.JsonObject;

/** A user's own name and signature, checked; problems per field. */
public record UserProfile(String name, String signature, JsonObject problems) {

  public static final int MAX_NAME = 200;

  public static UserProfile check(String name, String signature) {
    var stripped = name == null ? "" : name.strip();
    var text = PlainText.normalise(signature);
    var problems = new JsonObject();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME
        || MessageDraft.hasControlCharacters(stripped, "")) {
      problems.put("name", "Give your name on one line (at most " + MAX_NAME + " characters)");
    }
    if (Signature.problem(text) != null) {
      problems.put("signature", Signature.problem(text));
    }
    return new UserProfile(stripped, text, problems);
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  public JsonObject values() {
    return new JsonObject().put("name", name).put("signature", signature);
  }
}
