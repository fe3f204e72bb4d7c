package casemail.message;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A standard message as an admin writes it, checked before it is saved: a description, the
 * kind of case it is for (null: any), a subject and text whose placeholders exist and fit that
 * kind of case, and valid CC and BCC addresses. It never holds a signature.
 */
public record StandardMessageDraft(String description, String caseType, String subject,
    List<String> cc, List<String> bcc, String body) {

  public static final int MAX_DESCRIPTION = 200;
  public static final List<String> CASE_TYPES = List.of("customer", "invoice", "matter");

  /** The checked draft, or the problems per field. */
  public record Checked(StandardMessageDraft draft, JsonObject problems) {

    public boolean isValid() {
      return problems.isEmpty();
    }
  }

  public static Checked check(String description, String caseType, String subject, String cc,
      String bcc, String body) {
    var type = caseType != null && CASE_TYPES.contains(caseType) ? caseType : null;
    var message = MessageDraft.check(null, cc, bcc, subject, body).placeholders(type);
    var problems = new JsonObject();
    var name = description == null ? "" : description.strip();
    if (name.isEmpty()) {
      problems.put("description", "Describe the standard message, e.g. “First reminder”");
    } else if (name.length() > MAX_DESCRIPTION || MessageDraft.hasControlCharacters(name, "")) {
      problems.put("description", "Use at most " + MAX_DESCRIPTION + " characters on one line");
    }
    if (type == null && caseType != null && !caseType.isEmpty()) {
      problems.put("case_type", "Choose any case, customer, invoice or matter");
    }
    message.problems().forEach(problems::put);
    var draft = message.draft();
    return new Checked(new StandardMessageDraft(name, type, draft.subject(), draft.cc(),
        draft.bcc(), draft.body()), problems);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("description", description)
        .put("case_type", caseType)
        .put("subject", subject)
        .put("cc", new JsonArray(cc))
        .put("bcc", new JsonArray(bcc))
        .put("body", body);
  }
}
