package casemail.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Sends one email to one address over the pooled mail client, within the attempt timeout and
 * the send rate, and says what happened to that address (see {@link Transaction}):
 * <ul>
 *   <li>the server accepted it: sent;</li>
 *   <li>no connection, or lost or timed out before the transaction began, or a refusal of the
 *       connection, TLS or login: transient, retried later;</li>
 *   <li>a 4xx reply: transient; a 5xx reply: failed at once with the server's reply, and an
 *       address refused with 5xx bounces;</li>
 *   <li>connection lost or timed out during the transaction: uncertain.</li>
 * </ul>
 */
final class Sender {

  // LIMITATION: the mail client does not say how far a transaction got, only whether its
  // connection became ready (see Transaction). A connection lost after that point but before
  // the data was sent is counted as uncertain too. And when a connection is lost after the
  // data, the client (5.0.7) logs an unhandled NullPointerException from its own code while
  // failing the send as it should.

  private static final String RCPT_REFUSED = "recipient address not accepted";
  private static final String TOO_LARGE = "exceeds allowed size";

  private final MailClient client;
  private final AttachmentParts attachments;
  private final SendRate rate;
  private final Duration timeout;
  private final MeterRegistry registry;

  Sender(MailClient client, AttachmentParts attachments, SendRate rate, Duration timeout,
      MeterRegistry registry) {
    this.client = client;
    this.attachments = attachments;
    this.rate = rate;
    this.timeout = timeout;
    this.registry = registry;
  }

  /** The longest one transaction may take. */
  Duration timeout() {
    return timeout;
  }

  /**
   * Updates {@code recipient}; never fails. The stored attachment files are opened for this
   * transaction only (a stream is read once) and closed however it ends.
   */
  Future<Void> send(MailMessage email, JsonArray files, Recipient recipient) {
    return rate.turn().compose(ignored -> attachments.open(files)
        .compose(opened -> transaction(email, opened, recipient)
            .onComplete(done -> opened.close()))
        .recover(failure -> {
          // Only opening can fail here: a stored file has gone, so the email cannot be sent.
          recipient.update(Recipient.FAILED, Outcomes.reason(failure), Instant.now().toString());
          return Future.succeededFuture();
        }));
  }

  private Future<Void> transaction(MailMessage email, AttachmentParts.Opened opened,
      Recipient recipient) {
    var transaction = new Transaction(email, recipient.address());
    transaction.setAttachment(opened.attachments().isEmpty() ? null : opened.attachments());
    var sample = Timer.start(registry);
    return client.sendMail(transaction)
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .<Void>map(result -> {
          recipient.update(Recipient.SENT, null, Instant.now().toString());
          return null;
        })
        .recover(failure -> {
          transaction.abandon();
          classify(failure, transaction.isStarted(), recipient);
          return Future.succeededFuture();
        })
        .onComplete(done -> sample.stop(registry.timer("casemail.smtp.send",
            "outcome", recipient.status())));
  }

  static void classify(Throwable failure, boolean started, Recipient recipient) {
    var reason = Outcomes.reason(failure);
    var now = Instant.now().toString();
    if (failure instanceof SMTPException smtp && started && smtp.isPermanent()) {
      if (String.valueOf(smtp.getMessage()).startsWith(RCPT_REFUSED)) {
        recipient.bounce(reason, now);
      } else {
        recipient.update(Recipient.FAILED, reason, now);
      }
    } else if (failure instanceof SMTPException || !started) {
      recipient.update(Recipient.QUEUED, reason, now);
    } else if (reason.contains(TOO_LARGE)) {
      recipient.update(Recipient.FAILED, reason, now);
    } else {
      recipient.update(Recipient.UNCERTAIN, "Connection lost during the transaction; the "
          + "email may have arrived and is not sent again automatically (" + reason + ")", now);
    }
  }
}
