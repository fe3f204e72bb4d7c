package casemail.persistence;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only part of Casemail that talks to PostgreSQL. Consumes every {@code persistence.*}
 * request address of {@link Addresses} and publishes {@link Addresses#DELIVERY_QUEUED} when a
 * stored message has something to mail. Reads the database URL from the settings; schema
 * migrations have been applied before it starts.
 */
public final class PersistenceVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PersistenceVerticle.class);

  private final String databaseUrl;
  private Pool pool;

  public PersistenceVerticle(String databaseUrl) {
    this.databaseUrl = databaseUrl;
  }

  @Override
  public Future<?> start() {
    pool = Database.pool(vertx, databaseUrl);
    var bus = new Bus(vertx);
    return Future.all(List.of(
        registerStaff(bus),
        registerCases(bus),
        registerMessages(bus),
        registerDelivery(bus),
        registerPortal(bus),
        registerComposing(bus)));
  }

  @Override
  public Future<?> stop() {
    return pool.close();
  }

  private Future<?> registerStaff(Bus bus) {
    var administrations = new AdministrationRepository(pool);
    var users = new UserRepository(pool);
    var apiKeys = new ApiKeyRepository(pool);
    return Future.all(List.of(
        bus.consume(Addresses.ADMINISTRATION_ENSURE, administrations::ensure),
        bus.consume(Addresses.ADMINISTRATION_GET, administrations::get),
        bus.consume(Addresses.ADMINISTRATION_UPDATE, administrations::update),
        bus.consume(Addresses.ADMINISTRATION_LOGO_SET, administrations::setLogo),
        bus.consume(Addresses.ADMINISTRATION_LOGO_REMOVE, administrations::removeLogo),
        bus.consume(Addresses.ADMINISTRATION_LOGO_GET, administrations::logo),
        bus.consume(Addresses.USER_CREATE, users::create),
        bus.consume(Addresses.USER_SET_PASSWORD, users::setPassword),
        bus.consume(Addresses.USER_FIND, users::find),
        bus.consume(Addresses.USER_GET, users::get),
        bus.consume(Addresses.USER_UPDATE_PROFILE, users::updateProfile),
        bus.consume(Addresses.API_KEY_CREATE, apiKeys::create),
        bus.consume(Addresses.API_KEY_FIND, apiKeys::find),
        bus.consume(Addresses.DATABASE_PING, this::ping)));
  }

  private Future<?> registerCases(Bus bus) {
    var cases = new CaseRepository(pool);
    var selections = new SelectionRepository(pool);
    var imports = new ImportRepository(pool);
    return Future.all(List.of(
        bus.consume(Addresses.CASE_LIST, cases::list),
        bus.consume(Addresses.CASE_GET, cases::get),
        bus.consume(Addresses.SELECTION_SUMMARY, selections::summary),
        bus.consume(Addresses.SELECTION_CASES, selections::cases),
        bus.consume(Addresses.IMPORT_APPLY, imports::apply),
        registerBatches(bus)));
  }

  private Future<?> registerBatches(Bus bus) {
    var batches = new BatchRepository(pool);
    var counts = new MessageCounts(Metrics.meters(vertx));
    return Future.all(
        bus.consume(Addresses.BATCH_CREATE, request -> batches.create(request)
            .onSuccess(batch -> stored(bus, counts, batch))),
        bus.consume(Addresses.BATCH_FIND, batches::find),
        bus.consume(Addresses.BATCH_FINISH, batches::finish),
        bus.consume(Addresses.BATCH_PROGRESS, batches::progress));
  }

  private static void stored(Bus bus, MessageCounts counts, JsonObject batch) {
    if (!batch.getBoolean("created")) {
      return;
    }
    LOG.info("Batch {} stored: {} messages, {} to email, {} portal only", batch.getString("id"),
        batch.getLong("total"), batch.getLong("emailed"), batch.getLong("portal_only"));
    counts.createdBatch(batch);
    bus.publish(Addresses.DELIVERY_QUEUED, new JsonObject());
  }

  private Future<?> registerMessages(Bus bus) {
    var messages = new MessageRepository(pool);
    var counts = new MessageCounts(Metrics.meters(vertx));
    return Future.all(
        bus.consume(Addresses.MESSAGE_CREATE, request -> messages.create(request)
            .onSuccess(message -> {
              counts.created(message);
              bus.publish(Addresses.DELIVERY_QUEUED, new JsonObject());
            })),
        bus.consume(Addresses.MESSAGE_GET, messages::get),
        bus.consume(Addresses.TIMELINE_GET, messages::timeline),
        registerInbox(bus));
  }

  private Future<?> registerInbox(Bus bus) {
    var inbox = new InboxRepository(pool);
    var notifications = new NotificationRepository(pool);
    return Future.all(List.of(
        bus.consume(Addresses.INBOX_LIST, inbox::list),
        bus.consume(Addresses.INBOX_UNREAD, inbox::unread),
        bus.consume(Addresses.MESSAGE_READ, inbox::read),
        bus.consume(Addresses.NOTIFICATION_CLAIM, notifications::claim),
        bus.consume(Addresses.NOTIFICATION_RECORD, notifications::record)));
  }

  private Future<?> registerDelivery(Bus bus) {
    var deliveries = new DeliveryRepository(pool);
    var opens = new OpenRepository(pool);
    return Future.all(List.of(
        bus.consume(Addresses.DELIVERY_CLAIM, deliveries::claim),
        bus.consume(Addresses.DELIVERY_RECORD, deliveries::record),
        bus.consume(Addresses.DELIVERY_QUEUE_DEPTH, deliveries::queueDepth),
        bus.consume(Addresses.DELIVERY_EMAIL, deliveries::email),
        bus.consume(Addresses.OPEN_STORE, request -> opens.store(request)
            .onSuccess(reply -> Metrics.meters(vertx).counter("casemail.opens")
                .increment(reply.getLong("stored") + reply.getLong("counted")))),
        registerResend(bus)));
  }

  /** Resending and bounces: new deliveries of stored messages, and addresses to skip. */
  private Future<?> registerResend(Bus bus) {
    var resend = new ResendRepository(pool);
    var bounces = new BounceRepository(pool);
    var queued = Metrics.meters(vertx).counter("casemail.deliveries.queued");
    return Future.all(
        bus.consume(Addresses.DELIVERY_RESEND, request -> resend.resend(request)
            .onSuccess(delivery -> {
              if (delivery.getBoolean("created")) {
                queued.increment();
                bus.publish(Addresses.DELIVERY_QUEUED, new JsonObject());
              }
            })),
        bus.consume(Addresses.BOUNCE_LIST, bounces::list),
        bus.consume(Addresses.BOUNCE_CLEAR, bounces::clear));
  }

  private Future<?> registerPortal(Bus bus) {
    var portal = new PortalRepository(pool);
    var replies = new ReplyRepository(pool);
    var mandates = new MandateRepository(pool);
    return Future.all(List.of(
        bus.consume(Addresses.PORTAL_LINK_RESOLVE, portal::resolve),
        bus.consume(Addresses.PORTAL_OVERVIEW, portal::overview),
        bus.consume(Addresses.PORTAL_MESSAGE, portal::message),
        bus.consume(Addresses.PORTAL_DIRECT_DEBIT, portal::directDebit),
        bus.consume(Addresses.PORTAL_REPLY, request -> replies.create(request)
            .onSuccess(reply -> notifyMailer(bus, reply))),
        bus.consume(Addresses.MANDATE_AUTHORISE, mandates::authorise),
        bus.consume(Addresses.MANDATE_REVOKE, mandates::revoke),
        bus.consume(Addresses.MANDATE_LIST, mandates::list)));
  }

  private static void notifyMailer(Bus bus, JsonObject reply) {
    if (reply.getBoolean("notify")) {
      bus.publish(Addresses.NOTIFICATION_QUEUED, new JsonObject());
    }
  }

  private Future<?> registerComposing(Bus bus) {
    var attachments = new AttachmentRepository(pool);
    var standardMessages = new StandardMessageRepository(pool);
    return Future.all(List.of(
        bus.consume(Addresses.ATTACHMENT_STORE, attachments::store),
        bus.consume(Addresses.ATTACHMENT_PENDING, attachments::pending),
        bus.consume(Addresses.ATTACHMENT_GET, attachments::get),
        bus.consume(Addresses.PORTAL_ATTACHMENT, attachments::portal),
        bus.consume(Addresses.STANDARD_MESSAGE_LIST, standardMessages::list),
        bus.consume(Addresses.STANDARD_MESSAGE_GET, standardMessages::get),
        bus.consume(Addresses.STANDARD_MESSAGE_CREATE, standardMessages::create),
        bus.consume(Addresses.STANDARD_MESSAGE_UPDATE, standardMessages::update),
        bus.consume(Addresses.STANDARD_MESSAGE_DELETE, standardMessages::delete)));
  }

  private Future<JsonObject> ping(JsonObject ignored) {
    return pool.query("SELECT 1").execute().map(rows -> new JsonObject().put("ok", true));
  }
}
