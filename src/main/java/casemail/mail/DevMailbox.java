package casemail.mail;

import casemail.bus.BusFailure;
import casemail.launch.FreePort;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Collections;
import java.util.HashSet;

/**
 * The embedded capture mailbox used when no SMTP host is configured: a real SMTP server
 * (GreenMail) on a free local port that keeps every email it receives, in memory, for the
 * {@code /dev/mailbox} pages. Nothing leaves the machine.
 */
public final class DevMailbox implements AutoCloseable {

  private final GreenMail server;

  private DevMailbox(GreenMail server) {
    this.server = server;
  }

  public static DevMailbox start() {
    var setup = new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    var server = new GreenMail(setup)
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    return new DevMailbox(server);
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return server.getSmtp().getPort();
  }

  /**
   * Received emails, newest first: {@code {items: [{index, subject, from, to, cc, date}]}}.
   * The server keeps a copy per recipient; each email is listed once, by its Message-ID.
   */
  public JsonObject list() {
    var messages = server.getReceivedMessages();
    var items = new JsonArray();
    var seen = new HashSet<String>();
    for (int i = messages.length - 1; i >= 0; i--) {
      var summary = summary(i, messages[i]);
      var id = summary.getJsonObject("headers").getString("Message-ID", "#" + i);
      if (seen.add(id)) {
        items.add(summary);
      }
    }
    return new JsonObject().put("items", items);
  }

  /** One email: its headers, text and HTML parts and raw source. */
  public JsonObject get(int index) {
    var messages = server.getReceivedMessages();
    if (index < 0 || index >= messages.length) {
      throw BusFailure.notFound("Email");
    }
    var message = messages[index];
    try {
      return summary(index, message)
          .put("text", part(message, "text/plain"))
          .put("html", part(message, "text/html"))
          .put("raw", GreenMailUtil.getWholeMessage(message));
    } catch (MessagingException | IOException e) {
      throw new BusFailure(500, "The email could not be read");
    }
  }

  private static JsonObject summary(int index, MimeMessage message) {
    try {
      var headers = new JsonObject();
      for (var header : Collections.list(message.getAllHeaders())) {
        var value = MimeUtility.unfold(header.getValue());
        headers.put(header.getName(), MimeUtility.decodeText(value));
      }
      return new JsonObject()
          .put("index", index)
          .put("subject", message.getSubject())
          .put("from", String.join(", ", GreenMailUtil.getAddressList(message.getFrom())))
          .put("to", recipients(message, MimeMessage.RecipientType.TO))
          .put("cc", recipients(message, MimeMessage.RecipientType.CC))
          .put("date", message.getSentDate() == null ? null
              : message.getSentDate().toInstant().toString())
          .put("headers", headers);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new BusFailure(500, "The email could not be read");
    }
  }

  private static String recipients(MimeMessage message, Message.RecipientType type)
      throws MessagingException {
    var addresses = message.getRecipients(type);
    return addresses == null ? "" : String.join(", ", GreenMailUtil.getAddressList(addresses));
  }

  /** The first part of that content type, searching nested multiparts. */
  private static String part(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      var multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        var found = part(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop();
  }
}
