package casemail.launch;

import casemail.Casemail;
import casemail.config.Settings;
import casemail.metrics.Metrics;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the service until the process is told to stop (SIGTERM, Ctrl-C), then shuts down in
 * order: stop taking requests, finish sends, store opens, close the database.
 */
public final class Server {

  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  /** The started service with what it runs on, for the demo's seeding. */
  record Running(Vertx vertx, Settings settings) {
  }

  private static volatile boolean served;

  private Server() {
  }

  /**
   * Whether a server ran to its end. Its process then finishes with the shutdown hook, which
   * must not be waited for with {@code System.exit}.
   */
  public static boolean served() {
    return served;
  }

  static void run(Settings configured, Infrastructure.Secret secret, Consumer<Running> started) {
    FreePort.require(configured.httpPort());
    var infrastructure = Infrastructure.start(configured, true, secret);
    var vertx = Metrics.vertx();
    var stopped = new CountDownLatch(1);
    try {
      var app = Await.result(Casemail.start(vertx, infrastructure.settings(),
          infrastructure.mailbox()));
      started.accept(new Running(vertx, infrastructure.settings()));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        shutdown(app, vertx, infrastructure);
        stopped.countDown();
      }, "casemail-shutdown"));
      served = true;
    } catch (RuntimeException e) {
      Await.result(vertx.close());
      infrastructure.close();
      throw e;
    }
    awaitQuietly(stopped);
  }

  private static void shutdown(Casemail app, Vertx vertx, Infrastructure infrastructure) {
    LOG.info("Stopping Casemail");
    try {
      Await.result(app.stop());
      Await.result(vertx.close());
    } catch (RuntimeException e) {
      LOG.error("Casemail did not stop cleanly", e);
    } finally {
      infrastructure.close();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
