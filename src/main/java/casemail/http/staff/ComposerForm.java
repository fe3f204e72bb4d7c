package casemail.http.staff;

import casemail.http.UploadForm;
import casemail.message.Attachments;
import casemail.message.MessageDraft;
import casemail.message.Words;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/**
 * A submitted composer form: what was typed, the pending attachments it keeps (ticked boxes of
 * files uploaded with an earlier, refused or previewed, submit), the files uploaded now, and
 * which button was pressed ({@code action}: {@code send}, {@code preview}, or {@code use} a
 * standard message in the bulk composer).
 */
record ComposerForm(JsonObject values, List<String> keptIds, UploadForm.Received received,
    String action) {

  private static final List<String> FIELDS = List.of("to", "cc", "bcc", "subject", "body");
  /**
   * The id the message will be stored under, made when the composer is shown: submitting the
   * same form twice (a double click, a reload) stores one message.
   */
  static final String MESSAGE_ID = "message_id";

  static ComposerForm read(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    var values = new JsonObject();
    FIELDS.forEach(field -> values.put(field, form.get(field)));
    var messageId = form.get(MESSAGE_ID);
    values.put(MESSAGE_ID, messageId != null && isUuid(messageId) ? messageId : newMessageId());
    var kept = form.getAll("attachment_id").stream()
        .filter(ComposerForm::isUuid)
        .distinct()
        .limit(Attachments.MAX_FILES)
        .toList();
    return new ComposerForm(values, kept, UploadForm.received(ctx),
        String.valueOf(form.get("action")));
  }

  /** Whether the Preview button was pressed. */
  boolean isPreview() {
    return "preview".equals(action);
  }

  static String newMessageId() {
    return UUID.randomUUID().toString();
  }

  /** The same form under a new message id: sending it stores a new message. */
  ComposerForm asNew() {
    return new ComposerForm(values.copy().put(MESSAGE_ID, newMessageId()), keptIds, received,
        action);
  }

  UUID messageId() {
    return UUID.fromString(values.getString(MESSAGE_ID));
  }

  /** The draft checked, placeholders too, for a case of this type; problems in {@code words}. */
  MessageDraft.Checked checked(String caseType, Words words) {
    return MessageDraft.check(values.getString("to"), values.getString("cc"),
        values.getString("bcc"), values.getString("subject"), values.getString("body"), words)
        .placeholders(caseType);
  }

  /** The draft's problems and the attachments' problem, per field; those of files in words. */
  JsonObject problems(MessageDraft.Checked checked, Words words) {
    var problems = checked.problemsJson();
    if (received.problem() != null) {
      problems.put(Attachments.FIELD, received.problem(words));
    }
    return problems;
  }

  private static boolean isUuid(String value) {
    try {
      UUID.fromString(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
