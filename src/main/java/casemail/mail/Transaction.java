package casemail.mail;

import casemail.message.EmailAddress;
import io.vertx.ext.mail.MailMessage;
import java.util.List;

/**
 * The email as one SMTP transaction to one address: the headers still name every To and Cc
 * address; the envelope holds only this one, so the server's reply is about this address.
 *
 * <p>It also tells how far the transaction got. The Vert.x mail client encodes the email
 * (reading its text) only once its connection is ready — connected, greeted, TLS and login
 * done — right before {@code MAIL FROM}. Before that point nothing can have been sent: a lost
 * connection or a timeout is a transient failure. After it, a lost connection may have
 * happened after the data was accepted, so the outcome is uncertain. An attempt given up
 * before that point is {@linkplain #abandon() abandoned}: should the client reach it later, it
 * fails instead of sending, so a retried email is never also sent by the attempt it replaced.
 */
final class Transaction extends MailMessage {

  private boolean started;
  private boolean abandoned;

  Transaction(MailMessage email, String address) {
    super(email);
    setTo(List.of(EmailAddress.asciiOf(address)));
    setCc((List<String>) null);
    setBcc((List<String>) null);
  }

  @Override
  public String getText() {
    if (abandoned) {
      throw new IllegalStateException("The attempt was given up before it started");
    }
    started = true;
    return super.getText();
  }

  /** Whether the mail client began the transaction (its connection was ready). */
  boolean isStarted() {
    return started;
  }

  void abandon() {
    abandoned = true;
  }
}
