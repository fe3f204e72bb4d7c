package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.launch.FreePort;
import casemail.testing.CasemailProcess;
import casemail.testing.Emails;
import casemail.testing.TestDatabases;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's path with the real jar: an external PostgreSQL and SMTP server, set up with
 * {@code import}, {@code user add} and {@code api-key create}, then {@code serve}.
 */
class ServeCommandIT {

  private static GreenMail mail;
  private static Map<String, String> env;
  private static int port;

  @TempDir
  static Path directory;

  @BeforeAll
  static void setUp() {
    mail = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", "smtp"))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
    port = FreePort.find();
    env = new HashMap<>(Map.of(
        "CASEMAIL_DATABASE_URL", TestDatabases.fresh(),
        "CASEMAIL_SMTP_HOST", "127.0.0.1",
        "CASEMAIL_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()),
        "CASEMAIL_HTTP_PORT", String.valueOf(port),
        "CASEMAIL_DATA_DIR", directory.resolve("data").toString(),
        "CASEMAIL_SECRET", "a-long-enough-test-secret"));
  }

  @AfterAll
  static void tearDown() {
    mail.stop();
  }

  @Test
  void setsUpWithTheCommandsAndServesAgainstExternalParts() throws Exception {
    var export = export("good", "2026-0001,K1,2026-11-01,2026-12-01,120.50,120.50,EUR,Work\n");
    var imported = CasemailProcess.run(env, "", "import", "--administration", "Globex",
        export.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("customers: 2 rows, 2 new", "invoices: 1 row, 1 new");
    var added = CasemailProcess.run(env, "a-strong-password\n", "user", "add",
        "--administration", "Globex", "--email", "ops@globex.example", "--name", "Olga Ops",
        "--admin");
    assertThat(added.exitCode()).as(added.err()).isZero();
    var key = CasemailProcess.run(env, "", "api-key", "create", "--administration", "Globex");
    assertThat(key.exitCode()).as(key.err()).isZero();

    try (var server = CasemailProcess.start(env, "serve")) {
      server.awaitHealthy("http://localhost:" + port);
      var sent = post("/api/v1/messages", key.out().strip(), """
          {"case": {"type": "invoice", "number": "2026-0001"}, "author": "ops@globex.example",
           "subject": "Über die Rechnung", "body": "Bitte zahlen."}""");
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
      var email = Emails.withSubjectIn(mail, "Über die Rechnung");
      assertThat(email.getAllRecipients()[0].toString()).isEqualTo("kees@klant.example");
      // 143: the JVM's exit status after SIGTERM once its shutdown hooks have run.
      assertThat(server.terminate()).isEqualTo(143);
      assertThat(server.log()).contains("Stopping Casemail", "Casemail stopped")
          .doesNotContain("dev mailbox");
    }
  }

  @Test
  void serveWithoutAnSmtpServerWarnsThatNoEmailLeaves() throws Exception {
    var noSmtp = new HashMap<>(env);
    noSmtp.remove("CASEMAIL_SMTP_HOST");
    noSmtp.remove("CASEMAIL_SMTP_PORT");

    try (var server = CasemailProcess.start(noSmtp, "serve")) {
      server.awaitHealthy("http://localhost:" + port);
      server.terminate();
      assertThat(server.log()).contains("No CASEMAIL_SMTP_HOST", "never reach a customer");
    }
  }

  @Test
  void importWithErrorsImportsNothingAndNamesEachLine() throws Exception {
    var export = export("bad", "2026-0002,NOPE,2026-11-01,2026-12-01,1.00,1.00,EUR,x\n"
        + "2026-0003,K1,31-02-2026,2026-12-01,abc,1.00,EUR,y\n");

    var result = CasemailProcess.run(env, "", "import", "--administration", "Initech",
        export.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("invoices.csv:3", "Nothing was imported");
  }

  @Test
  void serveRefusesToStartWithoutASecret() {
    var noSecret = new HashMap<>(env);
    noSecret.remove("CASEMAIL_SECRET");

    var result = CasemailProcess.run(noSecret, "", "serve");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("CASEMAIL_SECRET must be set");
  }

  private static Path export(String name, String invoices) throws IOException {
    var dir = Files.createDirectories(directory.resolve(name));
    Files.writeString(dir.resolve("customers.csv"), """
        customer_number;name;email;contact_name;phone;language;address;postal_code;city;country
        K1;"Klant; ""De Kaasboer"" B.V.";kees@klant.example;Kees;;nl;Straat 1;1234 AB;Gouda;NL
        K2;Zonder Mail GmbH;;;;de;;;;DE
        """);
    Files.writeString(dir.resolve("invoices.csv"),
        "invoice_number,customer_number,invoice_date,due_date,amount,open_amount,currency,"
            + "description\n" + invoices);
    Files.writeString(dir.resolve("matters.csv"), "matter_reference,customer_number,opened_on,"
        + "status,invoice_numbers,principal_amount,collection_costs,interest_amount\n");
    return dir;
  }

  private static HttpResponse<String> post(String path, String key, String json)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
