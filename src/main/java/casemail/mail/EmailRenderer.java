package casemail.mail;

import casemail.message.EmailAddress;
import casemail.message.PlainText;
import casemail.message.Words;
import casemail.security.PortalLinks;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds the email for a claimed delivery: text and HTML parts in the customer's language,
 * the message and signature, one button into the portal at that message, and the delivery's
 * tracking pixel. Sent on behalf of the author: From shows the author's and administration's
 * names at the administration's sender address; Reply-To is the author. Templates are
 * compiled once.
 */
public final class EmailRenderer {

  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");
  private static final String DEFAULT_COLOUR = "#1d4f91";
  private static final int MAX_LINE = 900;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

  private final String baseUrl;
  private final PortalLinks portalLinks;
  private final Template html;
  private final Template text;

  public EmailRenderer(String baseUrl, PortalLinks portalLinks) {
    this.baseUrl = baseUrl;
    this.portalLinks = portalLinks;
    var loader = new ClassPathTemplateLoader("/templates/email", ".hbs");
    this.html = compile(new Handlebars(loader), "message.html");
    this.text = compile(new Handlebars(loader).with(EscapingStrategy.NOOP), "message.txt");
  }

  /**
   * The email for one claimed delivery (see {@code persistence.delivery.claim}), built as at
   * its {@code rendered_at}: the same every time, for retries and for "View email".
   */
  public MailMessage render(JsonObject delivery) {
    var at = Instant.parse(delivery.getString("rendered_at"));
    var context = context(delivery, at);
    return new MailMessage()
        .setFrom(ascii(delivery.getString("sender_address")))
        .setTo(ascii(delivery.getJsonArray("to")))
        .setCc(orNull(ascii(delivery.getJsonArray("cc"))))
        .setBcc(orNull(ascii(delivery.getJsonArray("bcc"))))
        .setSubject(delivery.getString("subject"))
        .setHeaders(headers(delivery).add("Date", DATE.format(at.atOffset(ZoneOffset.UTC))))
        .setText(wrapLongLines(apply(text, context)))
        .setHtml(compactHtml(apply(html, context)));
  }

  private Map<String, Object> context(JsonObject delivery, Instant now) {
    var words = Words.of(delivery.getString("language"));
    var administration = delivery.getString("administration_name");
    var messageId = UUID.fromString(delivery.getString("message_id"));
    var context = new HashMap<String, Object>();
    context.put("lang", words.language());
    context.put("subject", delivery.getString("subject"));
    context.put("administrationName", administration);
    context.put("intro", words.get("email.intro", administration));
    context.put("body", delivery.getString("body"));
    context.put("bodyHtml", PlainText.toHtml(delivery.getString("body")));
    context.put("signature", delivery.getString("signature"));
    context.put("signatureHtml", PlainText.toHtml(delivery.getString("signature")));
    context.put("button", words.get("email.button"));
    context.put("portalUrl", portalLinks.url(baseUrl, messageId, now));
    context.put("footer", words.get("email.footer", delivery.getString("author_name"),
        administration));
    context.put("colour", colour(delivery.getString("portal_colour")));
    // An absolute address: mail clients fetch it from wherever the email is read.
    var logo = delivery.getString("logo_path");
    context.put("logoUrl", logo == null ? null : baseUrl + logo);
    if (!"off".equals(delivery.getString("tracking_mode"))) {
      context.put("pixelUrl", baseUrl + "/o/" + delivery.getString("tracking_token") + ".gif");
    }
    return context;
  }

  private static MultiMap headers(JsonObject delivery) {
    var sender = ascii(delivery.getString("sender_address"));
    // Emails whose facts were kept before the sender name was among them show the
    // administration's name, as they did when sent.
    var displayName = delivery.getString("author_name") + " | "
        + delivery.getString("sender_name", delivery.getString("administration_name"));
    var headers = MultiMap.caseInsensitiveMultiMap()
        .add("Message-ID", delivery.getString("message_id_header"))
        .add("From", MailHeaders.address(displayName, sender))
        .add("Reply-To", MailHeaders.address(delivery.getString("author_name"),
            ascii(delivery.getString("author_email"))))
        .add("Subject", MailHeaders.subject(delivery.getString("subject")))
        .add("To", MailHeaders.addresses(ascii(delivery.getJsonArray("to"))));
    var cc = ascii(delivery.getJsonArray("cc"));
    if (!cc.isEmpty()) {
      headers.add("Cc", MailHeaders.addresses(cc));
    }
    return headers;
  }

  private static String ascii(String address) {
    return EmailAddress.asciiOf(address);
  }

  private static List<String> ascii(JsonArray addresses) {
    return addresses.stream().map(String::valueOf).map(EmailRenderer::ascii).toList();
  }

  /** The mail client writes an empty Cc header for an empty list; null writes none. */
  private static List<String> orNull(List<String> addresses) {
    return addresses.isEmpty() ? null : addresses;
  }

  private static String colour(String value) {
    return value != null && COLOUR.matcher(value).matches() ? value : DEFAULT_COLOUR;
  }

  /**
   * The HTML part as a few long lines of ASCII, the same HTML to a reader: characters beyond
   * ASCII become numeric character references, line breaks become spaces, and lines are broken
   * at spaces below SMTP's limit. The mail client then sends the part 7bit as it stands
   * instead of quoted-printable at 76 columns, and it writes a part line by line, one network
   * write each: a few lines instead of dozens per email, for Casemail and for the server.
   */
  static String compactHtml(String html) {
    var out = new StringBuilder(html.length() + 64);
    html.codePoints().forEach(c -> {
      if (c == '\r' || c == '\n') {
        out.append(' ');
      } else if (c < 0x80) {
        out.append((char) c);
      } else {
        out.append("&#").append(c).append(';');
      }
    });
    return wrapLongLines(out.toString());
  }

  /**
   * Breaks lines longer than SMTP allows at a space: the mail client sends all-ASCII parts
   * as 7bit without folding them.
   */
  static String wrapLongLines(String content) {
    var out = new StringBuilder(content.length() + 16);
    for (var line : content.split("\n", -1)) {
      while (line.length() > MAX_LINE) {
        int cut = line.lastIndexOf(' ', MAX_LINE);
        cut = cut <= 0 ? MAX_LINE : cut;
        out.append(line, 0, cut).append('\n');
        line = line.substring(cut).stripLeading();
      }
      out.append(line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private static Template compile(Handlebars handlebars, String name) {
    try {
      return handlebars.compile(name);
    } catch (IOException e) {
      throw new UncheckedIOException("Email template " + name + " is missing", e);
    }
  }

  private static String apply(Template template, Map<String, Object> context) {
    try {
      return template.apply(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
