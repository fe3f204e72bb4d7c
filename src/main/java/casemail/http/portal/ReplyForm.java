package casemail.http.portal;

import casemail.http.UploadForm;
import casemail.message.Attachments.Problem;
import casemail.message.MessageDraft;
import casemail.message.PlainText;
import java.util.List;
import java.util.UUID;

/**
 * A customer's reply as typed, checked: some text, not too long, nothing that cannot be sent,
 * and the files that came with it within the attachment limits. {@code problem} is the key of
 * the words that name what is wrong with the text, or null; {@code files} are the files'
 * problems. A refused reply comes back with its text; its files must be chosen again.
 */
record ReplyForm(String id, String body, String problem, UploadForm.Received files) {

  static final int MAX_BODY = MessageDraft.MAX_BODY;

  /**
   * A form to reply with: {@code id} is the reply's, made when the form is shown, so that the
   * form sent twice (a double click, a reload) stores one reply.
   */
  static ReplyForm empty() {
    return new ReplyForm(UUID.randomUUID().toString(), "", null, UploadForm.Received.NONE);
  }

  /** The reply as sent; an id that is not one of ours is replaced by a new one. */
  static ReplyForm check(String id, String typed, UploadForm.Received files) {
    var body = PlainText.normalise(typed);
    String problem = null;
    if (body.isEmpty()) {
      problem = "portal.reply.empty";
    } else if (body.length() > MAX_BODY) {
      problem = "portal.reply.too_long";
    } else if (MessageDraft.hasControlCharacters(body, "\n\t")) {
      problem = "portal.reply.characters";
    }
    return new ReplyForm(isId(id) ? id : UUID.randomUUID().toString(),
        typed == null ? "" : typed, problem, files);
  }

  private static boolean isId(String id) {
    try {
      return id != null && UUID.fromString(id).toString().equals(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  boolean isValid() {
    return problem == null && files.problems().isEmpty();
  }

  /** 413 when files were too large, else 422 for a refused reply. */
  int status() {
    return files.tooLarge() ? 413 : 422;
  }

  List<Problem> fileProblems() {
    return files.problems();
  }

  /** The checked text to store. */
  String text() {
    return PlainText.normalise(body);
  }
}
