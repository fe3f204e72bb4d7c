package casemail.mail;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.config.Settings;
import casemail.message.AttachmentStore;
import casemail.metrics.Metrics;
import casemail.security.PortalLinks;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only part of Casemail that talks SMTP. Listens for {@link Addresses#DELIVERY_QUEUED} and
 * looks for due deliveries every second (retries, other instances' expired leases), mails them
 * through a pooled Vert.x mail client and records the outcomes (see {@link Outbox}); every
 * second it also has finished batches marked ({@link Addresses#BATCH_FINISH}) and logs them.
 * Answers {@link Addresses#SMTP_PING} for {@code /ready} and {@link Addresses#EMAIL_RENDER} for
 * "View email"; keeps the outbox-depth gauge. Listens for {@link Addresses#NOTIFICATION_QUEUED}
 * too, and mails reply notifications to staff apart from the customer deliveries. When the
 * embedded capture mailbox runs, also answers {@link Addresses#DEV_MAILBOX_LIST} and
 * {@link Addresses#DEV_MAILBOX_GET}. Reads the SMTP settings, base URL, secret, portal link
 * validity, send rate, retry schedule, and the data directory (attachment files).
 */
public final class MailVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(MailVerticle.class);
  private static final long POLL_MS = 1000;
  private static final long DEPTH_MS = 5000;

  private final Settings settings;
  private final DevMailbox devMailbox;
  private final AtomicLong depth = new AtomicLong();
  private MailConfig config;
  private MailClient client;
  private Outbox outbox;
  private SmtpProbe probe;
  private EmailRenderer renderer;
  private NotificationSender notifications;

  /** {@code devMailbox} is null unless the embedded capture mailbox is in use. */
  public MailVerticle(Settings settings, DevMailbox devMailbox) {
    this.settings = settings;
    this.devMailbox = devMailbox;
  }

  @Override
  public Future<?> start() {
    var mail = MailSettings.of(settings);
    var registry = Metrics.meters(vertx);
    config = mailConfig(settings.smtp());
    client = MailClient.create(vertx, config);
    var links = new PortalLinks(settings.secret(), Duration.ofDays(settings.portalLinkDays()));
    renderer = new EmailRenderer(settings.baseUrl(), links);
    var attachments = new AttachmentParts(vertx,
        new AttachmentStore(vertx, settings.uploadsDir()));
    var sender = new Sender(client, attachments, new SendRate(vertx, mail.sendRate()),
        mail.attemptTimeout(), registry);
    outbox = new Outbox(vertx, sender, renderer, mail, registry);
    notifications = new NotificationSender(vertx, client, settings.baseUrl(),
        settings.retrySchedule());
    probe = new SmtpProbe(vertx, settings.smtp().host(), settings.smtp().port(),
        settings.smtp().startTls());
    Gauge.builder("casemail.outbox.depth", depth, AtomicLong::get)
        .description("Deliveries queued or being sent, over all instances")
        .register(registry);
    var bus = new Bus(vertx);
    vertx.setPeriodic(POLL_MS, id -> outbox.wake());
    vertx.setPeriodic(POLL_MS, id -> finishBatches(bus));
    vertx.setPeriodic(POLL_MS, id -> notifications.wake());
    vertx.setPeriodic(DEPTH_MS, id -> measureDepth(bus));
    return Future.all(
        vertx.eventBus().consumer(Addresses.DELIVERY_QUEUED, message -> outbox.wake())
            .completion(),
        vertx.eventBus().consumer(Addresses.NOTIFICATION_QUEUED,
            message -> notifications.wake()).completion(),
        bus.consume(Addresses.SMTP_PING, probe::check),
        bus.consume(Addresses.EMAIL_RENDER, this::onEmailRender),
        registerDevMailbox(bus));
  }

  @Override
  public Future<?> stop() {
    var limit = MailSettings.of(settings).attemptTimeout().multipliedBy(2).plusSeconds(30);
    return Future.all(outbox.stop(), notifications.stop())
        .timeout(limit.toMillis(), TimeUnit.MILLISECONDS)
        .onFailure(failure -> LOG.error("Deliveries still in flight at shutdown were not all "
            + "recorded; they are sent again when their lease runs out"))
        .eventually(() -> Future.all(client.close(), probe.close()));
  }

  /**
   * The email of a delivery as built when it was sent (or would be built now). Attachments
   * are listed by the timeline; they are not part of this view.
   */
  private Future<JsonObject> onEmailRender(JsonObject delivery) {
    var email = renderer.render(delivery);
    var raw = new MailEncoder(email, "casemail", config).encode();
    return Future.succeededFuture(new JsonObject()
        .put("raw", raw)
        .put("text", email.getText())
        .put("html", email.getHtml()));
  }

  /** Logs the batches that have nothing left to mail, once each over all instances. */
  private static void finishBatches(Bus bus) {
    bus.request(Addresses.BATCH_FINISH, new JsonObject())
        .onSuccess(reply -> reply.getJsonArray("items").forEach(item -> {
          var batch = (JsonObject) item;
          LOG.info("Batch {} finished: {} sent, {} failed, {} portal only",
              batch.getString("id"), batch.getLong("sent"), batch.getLong("failed"),
              batch.getLong("portal_only"));
        }));
  }

  private void measureDepth(Bus bus) {
    bus.request(Addresses.DELIVERY_QUEUE_DEPTH, new JsonObject())
        .onSuccess(reply -> depth.set(reply.getLong("queued") + reply.getLong("sending")));
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

  /**
   * The mail client's settings. Hostname verification is left unset on purpose: the client's
   * pool turns it to HTTPS when STARTTLS is on, but turns off one that was already set.
   * The idle timeout ends a connection whose server stopped answering before the attempt's
   * own timeout, so the pool never keeps a hung connection.
   */
  static MailConfig mailConfig(Settings.Smtp smtp) {
    int idleSeconds = Math.max(1, smtp.timeoutSeconds() / 2);
    var config = new MailConfig()
        .setHostname(smtp.host())
        .setPort(smtp.port())
        .setMaxPoolSize(smtp.maxConnections())
        .setKeepAlive(true)
        // Below the idle timeout of common servers, so a pooled connection is seldom reused
        // after the server has dropped it (and if it is, the pool replaces it).
        .setKeepAliveTimeout(Math.min(20, idleSeconds))
        .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(Math.min(10, idleSeconds)))
        .setIdleTimeout(idleSeconds)
        .setStarttls(smtp.startTls() ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
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
