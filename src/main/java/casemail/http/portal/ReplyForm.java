package casemail.http.portal;

import casemail.http.UploadForm;
import casemail.message.Attachments.Problem;
import casemail.message.MessageDraft;
import casemail.message.PlainText;
import java.util.List;

/**
 * A customer's reply as typed, checked: some text, not too long, nothing that cannot be sent,
 * and the files that came with it within the attachment limits. {@code problem} is the key of
 * the words that name what is wrong with the text, or null; {@code files} are the files'
 * problems. A refused reply comes back with its text; its files must be chosen again.
 */
record ReplyForm(String body, String problem, UploadForm.Received files) {

  static final int MAX_BODY = MessageDraft.MAX_BODY;

  static ReplyForm empty() {
    return new ReplyForm("", null, UploadForm.Received.NONE);
  }

  static ReplyForm check(String typed, UploadForm.Received files) {
    var body = PlainText.normalise(typed);
    String problem = null;
    if (body.isEmpty()) {
      problem = "portal.reply.empty";
    } else if (body.length() > MAX_BODY) {
      problem = "portal.reply.too_long";
    } else if (MessageDraft.hasControlCharacters(body, "\n\t")) {
      problem = "portal.reply.characters";
    }
    return new ReplyForm(typed == null ? "" : typed, problem, files);
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
