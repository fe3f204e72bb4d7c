package casemail.message;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a user's plain-text message into safe HTML: every character escaped, blank lines into
 * paragraphs, single line breaks kept, and web addresses made into links. Nothing a user typed
 * ever reaches a page or an email as markup.
 */
public final class PlainText {

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");

  private PlainText() {
  }

  /** Text as typed, with CRLF and CR line ends (as forms send them) made LF, and trimmed. */
  public static String normalise(String text) {
    return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  public static String toHtml(String text) {
    var normalised = normalise(text);
    if (normalised.isEmpty()) {
      return "";
    }
    var html = new StringBuilder();
    for (var paragraph : PARAGRAPH_BREAK.split(normalised)) {
      html.append("<p>").append(linked(paragraph.strip()).replace("\n", "<br>\n"))
          .append("</p>\n");
    }
    return html.toString();
  }

  /** Escapes {@code & < > " '} for use in HTML text and attribute values. */
  public static String escape(String text) {
    var out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String linked(String paragraph) {
    var out = new StringBuilder();
    Matcher match = URL.matcher(paragraph);
    int last = 0;
    while (match.find()) {
      out.append(escape(paragraph.substring(last, match.start())));
      var url = escape(match.group());
      out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
      last = match.end();
    }
    return out.append(escape(paragraph.substring(last))).toString();
  }
}
