package casemail.http.portal;

import casemail.message.MessageDraft;
import casemail.message.PlainText;

/**
 * A customer's reply as typed, checked: some text, not too long, nothing that cannot be sent.
 * {@code problem} is the key of the words that name what is wrong, or null.
 */
record ReplyForm(String body, String problem) {

  static final int MAX_BODY = MessageDraft.MAX_BODY;

  static ReplyForm empty() {
    return new ReplyForm("", null);
  }

  static ReplyForm check(String typed) {
    var body = PlainText.normalise(typed);
    String problem = null;
    if (body.isEmpty()) {
      problem = "portal.reply.empty";
    } else if (body.length() > MAX_BODY) {
      problem = "portal.reply.too_long";
    } else if (MessageDraft.hasControlCharacters(body, "\n\t")) {
      problem = "portal.reply.characters";
    }
    return new ReplyForm(typed == null ? "" : typed, problem);
  }

  boolean isValid() {
    return problem == null;
  }

  /** The checked text to store. */
  String text() {
    return PlainText.normalise(body);
  }
}
