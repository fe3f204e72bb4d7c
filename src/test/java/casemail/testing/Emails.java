package casemail.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/** Reading the emails GreenMail received. */
public final class Emails {

  private Emails() {
  }

  /** Waits for the email with exactly this subject. */
  public static MimeMessage withSubject(TestApp app, String subject) {
    return withSubjectIn(app.mail(), subject);
  }

  /** Waits for the email with exactly this subject to reach that server. */
  public static MimeMessage withSubjectIn(GreenMail mail, String subject) {
    var deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      var found = find(mail, subject);
      if (found.isPresent()) {
        return found.get();
      }
      sleep(100);
    }
    throw new AssertionError("No email with subject " + subject);
  }

  public static Optional<MimeMessage> find(TestApp app, String subject) {
    return find(app.mail(), subject);
  }

  public static Optional<MimeMessage> find(GreenMail mail, String subject) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(message -> subject.equals(subjectOf(message)))
        .findFirst();
  }

  /** How many different emails (by Message-ID) with this subject reached the app's server. */
  public static long count(TestApp app, String subject) {
    return Arrays.stream(app.mail().getReceivedMessages())
        .filter(message -> subject.equals(subjectOf(message)))
        .map(message -> {
          try {
            return message.getMessageID();
          } catch (MessagingException e) {
            throw new IllegalStateException(e);
          }
        })
        .distinct().count();
  }

  public static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first part of this type, searched through nested multiparts, with LF line ends. */
  public static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return ((String) part.getContent()).replace("\r\n", "\n");
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
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
