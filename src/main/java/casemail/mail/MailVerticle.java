package casemail.mail;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.config.Settings;
import casemail.message.AttachmentStore;
import casemail.security.PortalLinks;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Duration;

/**
 * The only part of Casemail that talks SMTP. Listens for {@link Addresses#DELIVERY_QUEUED} and
 * looks for due deliveries every second (retries, other instances' expired leases), mails them
 * through a pooled Vert.x mail client and records the outcomes. When the embedded capture
 * mailbox runs, also answers {@link Addresses#DEV_MAILBOX_LIST} and
 * {@link Addresses#DEV_MAILBOX_GET}. Listens for {@link Addresses#NOTIFICATION_QUEUED} too, and
 * mails reply notifications to staff apart from the customer deliveries. Reads the SMTP
 * settings, base URL, secret, portal link validity, send rate, retry schedule, and the data
 * directory (attachment files).
 */
public final class MailVerticle extends VerticleBase {

  private static final long POLL_MS = 1000;

  private final Settings settings;
  private final DevMailbox devMailbox;
  private MailClient client;
  private Outbox outbox;
  private NotificationSender notifications;

  /** {@code devMailbox} is null unless the embedded capture mailbox is in use. */
  public MailVerticle(Settings settings, DevMailbox devMailbox) {
    this.settings = settings;
    this.devMailbox = devMailbox;
  }

  @Override
  public Future<?> start() {
    client = MailClient.createShared(vertx, mailConfig(settings.smtp()), "casemail-smtp");
    var links = new PortalLinks(settings.secret(), Duration.ofDays(settings.portalLinkDays()));
    var renderer = new EmailRenderer(settings.baseUrl(), links);
    var attachments = new AttachmentParts(vertx,
        new AttachmentStore(vertx, settings.uploadsDir()));
    outbox = new Outbox(vertx, client, renderer, attachments, MailSettings.of(settings));
    notifications = new NotificationSender(vertx, client, settings.baseUrl(),
        settings.retrySchedule());
    var bus = new Bus(vertx);
    vertx.setPeriodic(POLL_MS, id -> outbox.wake());
    vertx.setPeriodic(POLL_MS, id -> notifications.wake());
    return Future.all(
        vertx.eventBus().consumer(Addresses.DELIVERY_QUEUED, message -> outbox.wake())
            .completion(),
        vertx.eventBus().consumer(Addresses.NOTIFICATION_QUEUED,
            message -> notifications.wake()).completion(),
        registerDevMailbox(bus));
  }

  @Override
  public Future<?> stop() {
    return Future.all(outbox.stop(), notifications.stop()).eventually(() -> client.close());
  }

  private Future<Void> registerDevMailbox(Bus bus) {
    if (devMailbox == null) {
      return Future.succeededFuture();
    }
    return Future.all(
        bus.consume(Addresses.DEV_MAILBOX_LIST,
            request -> vertx.executeBlocking(devMailbox::list)),
        bus.consume(Addresses.DEV_MAILBOX_GET,
            request -> vertx.executeBlocking(() -> devMailbox.get(request.getInteger("index")))))
        .mapEmpty();
  }

  static MailConfig mailConfig(Settings.Smtp smtp) {
    var config = new MailConfig()
        .setHostname(smtp.host())
        .setPort(smtp.port())
        .setMaxPoolSize(smtp.maxConnections())
        .setKeepAlive(true)
        // Below the idle timeout of common servers, so a pooled connection is not reused
        // after the server has dropped it.
        .setKeepAliveTimeout(20)
        .setConnectTimeout(10_000)
        .setIdleTimeout(60)
        .setStarttls(smtp.startTls() ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
        .setHostnameVerificationAlgorithm("HTTPS")
        .setUserAgent("Casemail");
    if (smtp.username() != null) {
      config.setUsername(smtp.username()).setPassword(smtp.password())
          .setLogin(LoginOption.REQUIRED);
    } else {
      config.setLogin(LoginOption.DISABLED);
    }
    return config;
  }
}
