package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.launch.FreePort;
import casemail.testing.CasemailProcess;
import casemail.testing.Emails;
import casemail.testing.Pixels;
import casemail.testing.ScriptedSmtpServer;
import casemail.testing.Sql;
import casemail.testing.TestData;
import casemail.testing.TestDatabases;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real jar through many deliveries: killed with {@code kill -9} mid-way and restarted, it
 * mails everything with no more duplicates than the sends in flight; stopped with SIGTERM
 * mid-way, it finishes and records its sends, so a restart mails the rest without any
 * duplicate, and it stores the opens it had just seen; two instances on one database never
 * mail the same delivery.
 */
class CrashSafetyIT {

  private static final int CONNECTIONS = 4;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ScriptedSmtpServer smtp;
  private String database;

  @BeforeEach
  void setUp() {
    smtp = ScriptedSmtpServer.start();
    database = TestDatabases.seeded();
  }

  @AfterEach
  void tearDown() {
    smtp.close();
  }

  @Test
  void afterKillNineAndARestartEveryMessageIsMailedWithFewDuplicates() throws Exception {
    var env = environment(40);
    storeMessages(240);
    try (var first = serve(env)) {
      awaitTrue(() -> smtp.received().size() >= 60, "a quarter mailed");
      first.kill();
    }
    int atKill = smtp.received().size();

    try (var second = serve(env)) {
      awaitTrue(() -> distinctMessageIds() == 240, "every message mailed");
      awaitTrue(() -> pending() == 0, "no delivery pending");
    }

    assertThat(atKill).isLessThan(240);
    // In flight: one being sent per connection, and as many sent whose outcome is being stored.
    assertThat(smtp.received().size() - distinctMessageIds())
        .isLessThanOrEqualTo(2 * CONNECTIONS);
    assertThat(Sql.count(database, "SELECT count(*) FROM deliveries WHERE status <> 'sent'"))
        .isZero();
  }

  @Test
  void sigtermFinishesInFlightSendsSoARestartSendsNoDuplicate() throws Exception {
    var env = environment(20);
    storeMessages(160);
    try (var first = serve(env)) {
      awaitTrue(() -> smtp.received().size() >= 40, "a quarter mailed");

      assertThat(first.terminate()).isEqualTo(143);
      assertThat(first.log()).contains("Stopping Casemail", "Casemail stopped");
    }
    assertThat(smtp.received().size()).isLessThan(160);
    assertThat(Sql.count(database, "SELECT count(*) FROM deliveries WHERE status = 'sending'"))
        .isZero();
    assertThat(Sql.count(database, "SELECT count(*) FROM deliveries WHERE status = 'sent'"))
        .isEqualTo(smtp.received().size());

    try (var second = serve(env)) {
      awaitTrue(() -> distinctMessageIds() == 160, "every message mailed");
    }
    assertThat(smtp.received()).hasSize(160);
  }

  /**
   * With the embedded database, Casemail stops PostgreSQL itself, after recording its last
   * sends (PostgreSQL's own shutdown hook would stop it at once, and those sends would be
   * mailed again after a restart).
   */
  @Test
  void sigtermWithTheEmbeddedDatabaseRecordsEverySendBeforeItStops() throws Exception {
    var env = environment(20);
    env.remove("CASEMAIL_DATABASE_URL");
    var administration = "--administration=" + TestData.ADMINISTRATION;
    assertThat(CasemailProcess.run(env, "", "import", administration,
        "src/main/resources/demo/acme").exitCode()).isZero();
    assertThat(CasemailProcess.run(env, TestData.PASSWORD + "\n", "user", "add", administration,
        "--email=" + TestData.ADMIN_EMAIL, "--name=Anna", "--admin").exitCode()).isZero();
    var key = CasemailProcess.run(env, "", "api-key", "create", administration).out().strip();
    try (var first = serve(env)) {
      createMessages(env, key, 80);
      awaitTrue(() -> smtp.received().size() >= 20, "a quarter mailed");

      assertThat(first.terminate()).isEqualTo(143);
      assertThat(first.log()).contains("Casemail stopped")
          .doesNotContain("Could not record", "did not stop cleanly");
    }
    assertThat(smtp.received().size()).isLessThan(80);

    try (var second = serve(env)) {
      awaitTrue(() -> distinctMessageIds() == 80, "every message mailed");
    }
    assertThat(smtp.received()).hasSize(80);
  }

  /** The embedded PostgreSQL of a killed Casemail outlives it: the next start stops it. */
  @Test
  void afterKillNineTheEmbeddedDatabaseStartsAgain() throws Exception {
    var env = environment(0);
    env.remove("CASEMAIL_DATABASE_URL");
    try (var first = serve(env)) {
      first.kill();
    }
    try (var second = serve(env)) {
      assertThat(second.log()).contains("an earlier Casemail left running");
      assertThat(second.terminate()).isEqualTo(143);
    }
  }

  @Test
  void opensSeenRightBeforeSigtermAreStored() throws Exception {
    var env = environment(0);
    var tokens = storeSentDeliveries(300);
    try (var casemail = serve(env); var mailClients = new MailClients(baseUrl(env), tokens)) {
      awaitTrue(() -> mailClients.answered() >= 2000, "pixels loaded");

      assertThat(casemail.terminate()).isEqualTo(143);
      assertThat(casemail.log()).contains("Casemail stopped")
          .doesNotContain("opens lost", "could not be stored");
      mailClients.stop();

      long stored = Sql.count(database, "SELECT count(*) FROM opens");
      assertThat(stored).isBetween(mailClients.answered(), mailClients.sent());
      assertThat(Sql.count(database, "SELECT sum(open_count) FROM delivery_opens"))
          .isEqualTo(stored);
    }
  }

  @Test
  void twoInstancesOnOneDatabaseNeverMailTheSameDelivery() throws Exception {
    var one = environment(0);
    var two = new HashMap<>(environment(0));
    two.put("CASEMAIL_HTTP_PORT", String.valueOf(FreePort.find()));
    two.put("CASEMAIL_DATA_DIR", Files.createTempDirectory("casemail-two").toString());
    try (var first = serve(one); var second = serve(two)) {
      createMessages(one, TestData.API_KEY, 150);
      createMessages(two, TestData.API_KEY, 150);

      awaitTrue(() -> pending() == 0, "no delivery pending");
    }

    assertThat(smtp.received()).hasSize(300);
    assertThat(distinctMessageIds()).isEqualTo(300);
  }

  private Map<String, String> environment(int sendRate) throws Exception {
    var env = new HashMap<String, String>();
    env.put("CASEMAIL_DATABASE_URL", database);
    env.put("CASEMAIL_SMTP_HOST", "127.0.0.1");
    env.put("CASEMAIL_SMTP_PORT", String.valueOf(smtp.port()));
    env.put("CASEMAIL_SMTP_MAX_CONNECTIONS", String.valueOf(CONNECTIONS));
    env.put("CASEMAIL_SMTP_TIMEOUT", "3");
    env.put("CASEMAIL_SEND_RATE", String.valueOf(sendRate));
    env.put("CASEMAIL_HTTP_PORT", String.valueOf(FreePort.find()));
    env.put("CASEMAIL_DATA_DIR", Files.createTempDirectory("casemail-crash").toString());
    env.put("CASEMAIL_SECRET", "a-long-enough-test-secret");
    return env;
  }

  private static CasemailProcess serve(Map<String, String> env) {
    return CasemailProcess.start(env, "serve").awaitHealthy(baseUrl(env));
  }

  private static String baseUrl(Map<String, String> env) {
    return "http://localhost:" + env.get("CASEMAIL_HTTP_PORT");
  }

  /**
   * Messages with their queued deliveries stored straight in the database before Casemail
   * starts, as a batch is stored, so the mailing starts with all of them waiting.
   */
  private void storeMessages(int count) {
    storeDeliveries(count, "'queued', md5(m.id::text || random()::text), NULL, NULL, NULL");
  }

  /** Deliveries as the mailer leaves them once sent, with pixel tokens known here. */
  private List<String> storeSentDeliveries(int count) {
    var prefix = UUID.randomUUID().toString().replace("-", "");
    storeDeliveries(count, "'sent', '" + prefix + "-' || split_part(m.subject, ' ', 3), "
        + "'{\"tracking_mode\": \"individual\"}', now(), now()");
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  /** {@code delivery}: status, tracking token, render, rendered_at and sent_at, as SQL. */
  private void storeDeliveries(int count, String delivery) {
    Sql.execute(database, """
        WITH a AS (SELECT id FROM administrations WHERE name = '%s'),
        c AS (SELECT id FROM customers WHERE number = 'C10003'),
        u AS (SELECT id FROM users WHERE email = '%s'),
        m AS (
          INSERT INTO messages (administration_id, customer_id, case_type, case_id,
            author_id, subject, body)
          SELECT (SELECT id FROM a), (SELECT id FROM c), 'customer', (SELECT id FROM c),
            (SELECT id FROM u), 'Crash check ' || g, 'Please pay.'
          FROM generate_series(1, %d) g
          RETURNING id, subject
        )
        INSERT INTO deliveries (administration_id, message_id, to_addresses, message_id_header,
          status, tracking_token, render, rendered_at, sent_at)
        SELECT (SELECT id FROM a), m.id, ARRAY['m-' || m.id || '@example.test'],
          '<' || gen_random_uuid() || '@acme.example>', %s
        FROM m""".formatted(TestData.ADMINISTRATION, TestData.ADMIN_EMAIL, count, delivery));
  }

  /** Messages through the API, each to an address of its own. */
  private static void createMessages(Map<String, String> env, String apiKey, int count)
      throws Exception {
    for (int i = 0; i < count; i++) {
      var body = new JsonObject()
          .put("case", new JsonObject().put("type", "customer").put("number", "C10003"))
          .put("author", TestData.ADMIN_EMAIL)
          .put("to", new io.vertx.core.json.JsonArray().add("m" + i + "-"
              + env.get("CASEMAIL_HTTP_PORT") + "@example.test"))
          .put("subject", "Crash check " + i)
          .put("body", "Please pay.");
      var request = HttpRequest.newBuilder(URI.create(baseUrl(env) + "/api/v1/messages"))
          .header("Authorization", "Bearer " + apiKey)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
          .build();
      var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
  }

  /**
   * Mail clients loading the pixels of {@code tokens} over and over, eight at a time, until
   * stopped or refused: how many loads they sent, and how many got their GIF.
   */
  private static final class MailClients implements AutoCloseable {

    private final HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile boolean stopped;

    MailClients(String baseUrl, List<String> tokens) {
      for (int i = 0; i < 8; i++) {
        threads.execute(() -> load(baseUrl, tokens));
      }
    }

    private void load(String baseUrl, List<String> tokens) {
      while (!stopped) {
        var token = tokens.get((int) (sent.getAndIncrement() % tokens.size()));
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/o/" + token + ".gif"))
            .header("User-Agent", Pixels.APPLE_MAIL).build();
        try {
          if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            answered.incrementAndGet();
          }
        } catch (IOException e) {
          Emails.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long sent() {
      return sent.get();
    }

    long answered() {
      return answered.get();
    }

    void stop() throws InterruptedException {
      stopped = true;
      threads.shutdown();
      threads.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      stop();
    }
  }

  private long distinctMessageIds() {
    var ids = new HashSet<String>();
    smtp.received().forEach(mail -> ids.add(mail.messageId()));
    return ids.size();
  }

  private long pending() {
    return Sql.count(database,
        "SELECT count(*) FROM deliveries WHERE status IN ('queued', 'sending')");
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    var deadline = System.currentTimeMillis() + 120_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("Timed out waiting for: " + what);
      }
      Emails.sleep(200);
    }
  }
}
