package casemail.message;

import io.vertx.core.json.JsonObject;

/** A user's own name, signature and page language, checked; problems per field. */
public record UserProfile(String name, String signature, String language, JsonObject problems) {

  public static final int MAX_NAME = 200;

  /** Checks a profile; problems are worded in English (the API's language). */
  public static UserProfile check(String name, String signature, String language) {
    return check(name, signature, language, Words.staff("en"));
  }

  /** Checks a profile; problems are worded with {@code words}. */
  public static UserProfile check(String name, String signature, String language,
      Words words) {
    var stripped = name == null ? "" : name.strip();
    var text = PlainText.normalise(signature);
    var problems = new JsonObject();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME
        || MessageDraft.hasControlCharacters(stripped, "")) {
      problems.put("name", words.get("problem.name_line", MAX_NAME));
    }
    if (Signature.problem(text) != null) {
      problems.put("signature", words.get("problem.signature_long", Signature.MAX_LENGTH));
    }
    if (!Words.STAFF_LANGUAGES.contains(language)) {
      problems.put("language", words.get("problem.choose", String.join(", ",
          Words.STAFF_LANGUAGES)));
    }
    return new UserProfile(stripped, text, language, problems);
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  public JsonObject values() {
    return new JsonObject().put("name", name).put("signature", signature)
        .put("language", language);
  }
}
