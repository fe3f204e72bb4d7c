package casemail;

import casemail.config.Settings;
import casemail.http.HttpVerticle;
import casemail.mail.DevMailbox;
import casemail.mail.MailVerticle;
import casemail.persistence.Migrations;
import casemail.persistence.PersistenceVerticle;
import casemail.security.LoginThrottle;
import casemail.tracking.TrackingVerticle;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: migrations applied, then the persistence, tracking, mailing and HTTP
 * verticles deployed in that order, and undeployed in the reverse order so that in-flight
 * sends finish and pending opens are stored before the database goes: the HTTP verticle stops
 * taking requests and hands the pixel loads it collected to the tracking verticle, which
 * stores everything before the persistence verticle closes its pool.
 */
public final class Casemail {

  private static final Logger LOG = LoggerFactory.getLogger(Casemail.class);

  private final Vertx vertx;
  private final List<String> deployments;

  private Casemail(Vertx vertx, List<String> deployments) {
    this.vertx = vertx;
    this.deployments = deployments;
  }

  /** Starts everything; {@code devMailbox} is null unless the capture mailbox is in use. */
  public static Future<Casemail> start(Vertx vertx, Settings settings, DevMailbox devMailbox) {
    var ids = new ArrayList<String>();
    int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
    var throttle = new LoginThrottle(Clock.systemUTC());
    return vertx.executeBlocking(() -> {
          Migrations.apply(settings.databaseUrl());
          return null;
        })
        .compose(ignored -> deploy(vertx, ids, () -> new PersistenceVerticle(
            settings.databaseUrl()), 2))
        .compose(ignored -> deploy(vertx, ids, TrackingVerticle::new, 1))
        .compose(ignored -> deploy(vertx, ids, () -> new MailVerticle(settings, devMailbox), 1))
        .compose(ignored -> deploy(vertx, ids,
            () -> new HttpVerticle(settings, devMailbox != null, throttle), cores))
        .map(ignored -> {
          LOG.info("Casemail serving at {} (HTTP port {}; {})", settings.baseUrl(),
              settings.httpPort(), summary(settings));
          return new Casemail(vertx, ids);
        });
  }

  /** The start-up summary's settings, without secrets. */
  static String summary(Settings settings) {
    var smtp = settings.smtp();
    return "SMTP %s:%d, STARTTLS %s, login %s, %d connections, send rate %s, timeout %ds, "
        .formatted(smtp.host(), smtp.port(), smtp.startTls() ? "required" : "off",
            smtp.username() == null ? "off" : "on", smtp.maxConnections(),
            smtp.sendRate() == 0 ? "unlimited" : smtp.sendRate() + "/s", smtp.timeoutSeconds())
        + "retries after " + settings.retrySchedule().stream()
            .map(delay -> delay.toString().substring(2).toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(","));
  }

  /** Undeploys in reverse order: HTTP first, persistence last. */
  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      var id = deployments.get(i);
      chain = chain.compose(ignored -> vertx.undeploy(id));
    }
    return chain.onComplete(ignored -> LOG.info("Casemail stopped"));
  }

  private static Future<Void> deploy(Vertx vertx, List<String> ids,
      Supplier<Deployable> verticle, int instances) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setInstances(instances))
        .onSuccess(ids::add)
        .mapEmpty();
  }
}
