package casemail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The embedded capture mailbox lists each email once, newest first, under a lasting number. */
class DevMailboxTest {

  @Test
  void numbersStayPutAsMailForOtherRecipientsArrives() throws MessagingException {
    try (var mailbox = DevMailbox.start()) {
      send(mailbox, "First", 1_000, "b@example.test", "a@example.test");
      var firstNumber = mailbox.list().getJsonArray("items").getJsonObject(0).getInteger("index");

      send(mailbox, "Second", 2_000, "a@example.test");
      send(mailbox, "Third", 3_000, "c@example.test");

      var items = mailbox.list().getJsonArray("items");
      assertThat(items).hasSize(3);
      assertThat(items.stream().map(item -> ((JsonObject) item)
          .getString("subject"))).containsExactly("Third", "Second", "First");
      assertThat(mailbox.get(firstNumber).getString("subject")).isEqualTo("First");
    }
  }

  private static void send(DevMailbox mailbox, String subject, long at, String... to)
      throws MessagingException {
    var properties = new Properties();
    properties.put("mail.smtp.host", mailbox.host());
    properties.put("mail.smtp.port", String.valueOf(mailbox.port()));
    var message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("sender@example.test"));
    for (var address : to) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
    }
    message.setSubject(subject);
    message.setSentDate(new Date(at));
    message.setText("Hello");
    Transport.send(message);
  }
}
