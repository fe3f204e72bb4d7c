package casemail.testing;

import casemail.Casemail;
import casemail.bus.Bus;
import casemail.config.Settings;
import casemail.config.SettingsLoader;
import casemail.launch.FreePort;
import casemail.mail.DevMailbox;
import casemail.metrics.Metrics;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Casemail running in the test JVM on real parts: a seeded PostgreSQL database of its own and
 * a GreenMail SMTP server that keeps what it receives. Settings come from conf/config.json
 * with {@code CASEMAIL_*} overrides, as in production.
 */
public final class TestApp implements AutoCloseable {

  private final Vertx vertx;
  private final Casemail app;
  private final GreenMail mail;
  private final Settings settings;
  private final DevMailbox mailbox;

  private TestApp(Vertx vertx, Casemail app, GreenMail mail, Settings settings,
      DevMailbox mailbox) {
    this.vertx = vertx;
    this.app = app;
    this.mail = mail;
    this.settings = settings;
    this.mailbox = mailbox;
  }

  /** Casemail on a seeded database (see {@link TestData}). */
  public static TestApp start() {
    return start(Map.of());
  }

  /** Same, with extra {@code CASEMAIL_*} settings. */
  public static TestApp start(Map<String, String> overrides) {
    return start(overrides, null);
  }

  /**
   * Casemail as {@code demo} runs it: emails go to the capture mailbox, shown under
   * {@code /dev/mailbox} to signed-in admins (GreenMail receives nothing).
   */
  public static TestApp startWithDevMailbox() {
    return start(Map.of(), DevMailbox.start());
  }

  private static TestApp start(Map<String, String> overrides, DevMailbox mailbox) {
    var mail = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", "smtp"))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
    var smtpPort = mailbox == null ? mail.getSmtp().getPort() : mailbox.port();
    var settings = SettingsLoader.load(environment(smtpPort, overrides));
    var vertx = Metrics.vertx();
    var app = Futures.await(Casemail.start(vertx, settings, mailbox));
    return new TestApp(vertx, app, mail, settings, mailbox);
  }

  private static Map<String, String> environment(int smtpPort, Map<String, String> overrides) {
    var port = FreePort.find();
    var env = new HashMap<String, String>();
    env.put("CASEMAIL_HTTP_PORT", String.valueOf(port));
    env.put("CASEMAIL_DATABASE_URL", TestDatabases.seeded());
    env.put("CASEMAIL_DATA_DIR", temporaryDirectory().toString());
    env.put("CASEMAIL_SMTP_HOST", "127.0.0.1");
    env.put("CASEMAIL_SMTP_PORT", String.valueOf(smtpPort));
    env.put("CASEMAIL_SECRET", "test-secret-for-the-app-on-" + port);
    env.put("CASEMAIL_RETRY_SCHEDULE", "1s,2s");
    env.putAll(overrides);
    return env;
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("casemail-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String path) {
    return settings.baseUrl() + path;
  }

  public Settings settings() {
    return settings;
  }

  public Bus bus() {
    return new Bus(vertx);
  }

  public Vertx vertx() {
    return vertx;
  }

  public GreenMail mail() {
    return mail;
  }

  /** Waits until at least {@code count} emails have arrived, and returns them all. */
  public MimeMessage[] awaitEmails(int count) {
    if (!mail.waitForIncomingEmail(15_000, count)) {
      throw new AssertionError("Expected " + count + " emails, got "
          + mail.getReceivedMessages().length);
    }
    return mail.getReceivedMessages();
  }

  public Browser browser() {
    return new Browser(settings.baseUrl());
  }

  public Api api() {
    return new Api(this, TestData.API_KEY);
  }

  @Override
  public void close() {
    try {
      Futures.await(app.stop());
      Futures.await(vertx.close());
    } finally {
      mail.stop();
      if (mailbox != null) {
        mailbox.close();
      }
    }
  }
}
