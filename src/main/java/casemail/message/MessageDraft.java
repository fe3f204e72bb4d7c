package casemail.message;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user asks to send, checked before anything is stored: a subject on one line, some
 * text, and valid addresses (normalised). {@code to} is null when the customer's own addresses
 * should be used. Problems are named per field, in the words shown next to the field.
 */
public record MessageDraft(
    List<String> to, List<String> cc, List<String> bcc, String subject, String body) {

  public static final int MAX_SUBJECT = 250;
  public static final int MAX_BODY = 100_000;

  /** The checked draft, or the problems per field. */
  public record Checked(MessageDraft draft, Map<String, String> problems) {

    public boolean isValid() {
      return problems.isEmpty();
    }

    public JsonObject problemsJson() {
      var json = new JsonObject();
      problems.forEach(json::put);
      return json;
    }

    /**
     * The same, also refusing placeholders in subject and text that do not exist or do not
     * fit {@code caseType} (null: they must fit any case).
     */
    public Checked placeholders(String caseType) {
      var all = new LinkedHashMap<>(problems);
      Placeholders.problem(draft.subject(), caseType)
          .ifPresent(problem -> all.putIfAbsent("subject", problem));
      Placeholders.problem(draft.body(), caseType)
          .ifPresent(problem -> all.putIfAbsent("body", problem));
      return new Checked(draft, all);
    }
  }

  /** Checks raw input; {@code to} null means "the customer's addresses". Problems in English. */
  public static Checked check(String to, String cc, String bcc, String subject, String body) {
    return check(to, cc, bcc, subject, body, Words.staff("en"));
  }

  /** Checks raw input, with problems worded with {@code words} (a staff user's). */
  public static Checked check(String to, String cc, String bcc, String subject, String body,
      Words words) {
    var problems = new LinkedHashMap<String, String>();
    var toList = to == null ? null : addresses("to", to, problems, words);
    var ccList = addresses("cc", cc, problems, words);
    var bccList = addresses("bcc", bcc, problems, words);
    checkSubject(subject, problems, words);
    checkBody(body, problems, words);
    var draft = new MessageDraft(toList, ccList, bccList,
        subject == null ? "" : subject.strip(), PlainText.normalise(body));
    return new Checked(draft, problems);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("to", to == null ? null : new JsonArray(to))
        .put("cc", new JsonArray(cc))
        .put("bcc", new JsonArray(bcc))
        .put("subject", subject)
        .put("body", body);
  }

  private static List<String> addresses(String field, String text, Map<String, String> problems,
      Words words) {
    var addresses = AddressList.parse(text);
    if (!addresses.isValid()) {
      problems.put(field, addresses.problem(words));
    }
    return addresses.valid();
  }

  private static void checkSubject(String subject, Map<String, String> problems, Words words) {
    if (subject == null || subject.isBlank()) {
      problems.put("subject", words.get("problem.subject_empty"));
    } else if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      problems.put("subject", words.get("problem.subject_line"));
    } else if (hasControlCharacters(subject, "")) {
      problems.put("subject", words.get("problem.subject_characters"));
    } else if (subject.length() > MAX_SUBJECT) {
      problems.put("subject", words.get("problem.subject_long", MAX_SUBJECT));
    }
  }

  private static void checkBody(String body, Map<String, String> problems, Words words) {
    if (body == null || body.isBlank()) {
      problems.put("body", words.get("problem.body_empty"));
    } else if (body.length() > MAX_BODY) {
      problems.put("body", words.get("problem.body_long", MAX_BODY));
    } else if (hasControlCharacters(body, "\r\n\t")) {
      problems.put("body", words.get("problem.body_characters"));
    }
  }

  /**
   * Control characters other than those allowed: they cannot be stored or mailed safely. Bidi
   * embeddings, overrides and isolates count too: they make a name or file name read as
   * something else ({@code invoice‮fdp.exe}).
   */
  public static boolean hasControlCharacters(String text, String allowed) {
    return text.chars().anyMatch(c -> (Character.isISOControl(c) || isBidiControl(c))
        && allowed.indexOf(c) < 0);
  }

  /** Bidi embeddings, overrides and isolates. */
  public static boolean isBidiControl(int c) {
    return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
  }
}
