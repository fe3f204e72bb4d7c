package casemail.mail;

import casemail.message.Words;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailMessage;

/**
 * The short email that tells a user a customer replied: who replied to which message, and a
 * link into Casemail that opens the reply. Never the reply's text: that stays in Casemail.
 * In the user's language, like their staff pages.
 */
final class NotificationEmail {

  private final String baseUrl;

  NotificationEmail(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The email for one claimed notification (see {@code persistence.notification.claim}). */
  MailMessage render(JsonObject notification) {
    var sender = notification.getString("sender_address");
    var customer = MailHeaders.clean(notification.getString("customer_name"));
    var words = Words.staff(notification.getString("user_language"));
    var subject = words.get("notification.subject", customer);
    return new MailMessage()
        .setFrom(sender)
        .setTo(notification.getString("user_email"))
        .setSubject(subject)
        .setHeaders(MultiMap.caseInsensitiveMultiMap()
            .add("Message-ID", "<" + notification.getString("id") + ".notification@"
                + sender.substring(sender.lastIndexOf('@') + 1) + ">")
            .add("From", MailHeaders.address("Casemail | "
                + notification.getString("administration_name"), sender))
            .add("To", MailHeaders.address(notification.getString("user_name"),
                notification.getString("user_email")))
            .add("Subject", MailHeaders.subject(subject))
            .add("Auto-Submitted", "auto-generated"))
        .setText(text(notification, customer, words));
  }

  private String text(JsonObject notification, String customer, Words words) {
    return words.get("notification.text", MailHeaders.clean(notification.getString("user_name")),
        customer, MailHeaders.clean(notification.getString("subject")),
        baseUrl + "/inbox/messages/" + notification.getString("message_id"),
        MailHeaders.clean(notification.getString("administration_name")));
  }
}
