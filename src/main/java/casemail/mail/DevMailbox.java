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
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The embedded capture mailbox used when no SMTP host is configured: a real SMTP server
 * (GreenMail) on a free local port that keeps every email it receives, in memory, for the
 * {@code /dev/mailbox} pages. Nothing leaves the machine.
 */
public final class DevMailbox implements AutoCloseable {

  private final GreenMail server;
  /** Message-IDs in the order they were first seen. */
  private final Set<String> arrival = new LinkedHashSet<>();

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
    var items = new JsonArray();
    var numbered = numbered();
    for (int number = numbered.size(); number >= 1; number--) {
      items.add(summary(number, numbered.get(number - 1)));
    }
    return new JsonObject().put("items", items);
  }

  /** One email, by its number in the list: its headers, text and HTML parts and raw source. */
  public JsonObject get(int index) {
    var numbered = numbered();
    if (index < 1 || index > numbered.size()) {
      throw BusFailure.notFound("Email");
    }
    var message = numbered.get(index - 1);
    try {
      return summary(index, message)
          .put("text", part(message, "text/plain"))
          .put("html", part(message, "text/html"))
          .put("raw", GreenMailUtil.getWholeMessage(message));
    } catch (MessagingException | IOException e) {
      throw new BusFailure(500, "The email could not be read");
    }
  }

  /**
   * One copy of each email, numbered in the order they arrived (emails first seen together by
   * their Date): the server's own order changes as mail for other recipients comes in, these
   * numbers do not.
   */
  private synchronized List<MimeMessage> numbered() {
    var copies = new LinkedHashMap<String, MimeMessage>();
    for (var message : server.getReceivedMessages()) {
      copies.putIfAbsent(messageId(message), message);
    }
    copies.keySet().stream().filter(id -> !arrival.contains(id))
        .sorted(Comparator.comparing(id -> sentDate(copies.get(id))))
        .forEachOrdered(arrival::add);
    return arrival.stream().map(copies::get).toList();
  }

  private static String messageId(MimeMessage message) {
    try {
      var id = message.getMessageID();
      return id != null ? id : message.getSentDate() + " " + message.getSubject();
    } catch (MessagingException e) {
      throw new BusFailure(500, "The email could not be read");
    }
  }

  private static Instant sentDate(MimeMessage message) {
    try {
      var date = message.getSentDate();
      return date == null ? Instant.EPOCH : date.toInstant();
    } catch (MessagingException e) {
      return Instant.EPOCH;
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
