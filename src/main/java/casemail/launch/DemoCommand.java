package casemail.launch;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.config.SettingsLoader;
import casemail.importer.CsvImporter;
import casemail.security.PasswordHasher;
import casemail.security.PortalLinks;
import casemail.security.Tokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import picocli.CommandLine.Command;

/**
 * {@code demo}: everything embedded — PostgreSQL, the capture mailbox, a generated secret —
 * with the bundled demo administration imported on first start, a staff login (a new password
 * each start) and a portal link printed.
 */
@Command(name = "demo", description = "Serve with embedded database, mailbox and demo data.")
public final class DemoCommand implements Runnable {

  static final String USER_EMAIL = "demo@acme.example";
  private static final String USER_NAME = "Dana de Vries";
  private static final String WELCOME_CUSTOMER = "C10002";

  @Override
  public void run() {
    Server.run(SettingsLoader.load(System.getenv()), Infrastructure.Secret.GENERATED,
        running -> {
          var bus = new Bus(running.vertx());
          var password = Tokens.random(9);
          var messageId = Await.result(seed(bus, password));
          var apiKey = ApiKeyCommand.newKey();
          Await.result(bus.request(Addresses.API_KEY_CREATE,
              ApiKeyCommand.storeRequest(DemoData.ADMINISTRATION, apiKey)));
          var links = new PortalLinks(running.settings().secret(),
              Duration.ofDays(running.settings().portalLinkDays()));
          print(System.out, running.settings().baseUrl(), password, apiKey,
              links.token(UUID.fromString(messageId), Instant.now()));
        });
  }

  /** Imports the demo data if new, sets the demo user's password; the id of a message. */
  static Future<String> seed(Bus bus, String password) {
    return bus.request(Addresses.ADMINISTRATION_ENSURE,
            new JsonObject().put("name", DemoData.ADMINISTRATION))
        .compose(administration -> importIfEmpty(bus, administration)
            .compose(ignored -> demoUser(bus, password))
            .compose(user -> welcomeMessage(bus, administration.getLong("id"), user)));
  }

  /** On first start: the bundled export, and settings a demo administration would have. */
  private static Future<Void> importIfEmpty(Bus bus, JsonObject administration) {
    var probe = new JsonObject().put("administration_id", administration.getLong("id"))
        .put("type", "customer").put("limit", 1);
    return bus.request(Addresses.CASE_LIST, probe).compose(page -> {
      if (!page.getJsonArray("items").isEmpty()) {
        return Future.succeededFuture();
      }
      var data = CsvImporter.read(DemoData.source());
      var settings = administration.copy()
          .put("administration_id", administration.getLong("id"))
          .put("sender_address", DemoData.SENDER_ADDRESS)
          .put("default_signature", DemoData.SIGNATURE);
      return bus.request(Addresses.IMPORT_APPLY, data.toJson()
              .put("administration", DemoData.ADMINISTRATION), 120_000)
          .compose(ignored -> bus.request(Addresses.ADMINISTRATION_UPDATE, settings))
          .mapEmpty();
    });
  }

  private static Future<JsonObject> demoUser(Bus bus, String password) {
    var hash = PasswordHasher.hash(password);
    var user = new JsonObject().put("email", USER_EMAIL).put("password_hash", hash);
    return bus.request(Addresses.USER_SET_PASSWORD, user)
        .recover(failure -> BusFailure.from(failure).code() != 404
            ? Future.failedFuture(failure)
            : bus.request(Addresses.USER_CREATE, user.copy()
                .put("administration", DemoData.ADMINISTRATION)
                .put("name", USER_NAME)
                .put("role", "admin")))
        .compose(ignored -> bus.request(Addresses.USER_FIND, new JsonObject()
            .put("email", USER_EMAIL)));
  }

  /** The newest message, or a welcome message to a demo customer if there is none yet. */
  private static Future<String> welcomeMessage(Bus bus, long administrationId, JsonObject user) {
    var latest = new JsonObject().put("administration_id", administrationId).put("limit", 1);
    return bus.request(Addresses.INBOX_LIST, latest).compose(inbox -> {
      if (!inbox.getJsonArray("items").isEmpty()) {
        return Future.succeededFuture(inbox.getJsonArray("items").getJsonObject(0)
            .getString("id"));
      }
      return welcomeCustomer(bus, administrationId)
          .compose(customerId -> bus.request(Addresses.MESSAGE_CREATE, new JsonObject()
              .put("administration_id", administrationId)
              .put("author_id", user.getLong("id"))
              .put("case", new JsonObject().put("type", "customer").put("id", customerId))
              .put("cc", new JsonArray())
              .put("bcc", new JsonArray())
              .put("subject", "Welcome to your invoice portal")
              .put("body", "Dear customer,\n\nFrom now on you can read our messages and "
                  + "reply to them in your invoice portal, where you also see your open "
                  + "invoices.")))
          .map(message -> message.getString("id"));
    });
  }

  private static Future<Long> welcomeCustomer(Bus bus, long administrationId) {
    var query = new JsonObject().put("administration_id", administrationId)
        .put("type", "customer")
        .put("filter", new JsonObject().put("number", WELCOME_CUSTOMER))
        .put("limit", 1);
    return bus.request(Addresses.CASE_LIST, query)
        .map(page -> page.getJsonArray("items").getJsonObject(0).getLong("id"));
  }

  private static void print(PrintStream out, String baseUrl, String password, String apiKey,
      String token) {
    out.println();
    out.println("Casemail demo is running at " + baseUrl);
    out.println("  Administration: " + DemoData.ADMINISTRATION);
    out.println("  Staff login:  " + USER_EMAIL + "  password: " + password);
    out.println("  Portal link:  " + baseUrl + "/portal/l/" + token);
    out.println("  API key:      " + apiKey + "  (new each start; " + baseUrl
        + "/api/v1/openapi.yaml)");
    out.println("  Dev mailbox:  " + baseUrl + "/dev/mailbox  (emails land here)");
    out.println("Stop with Ctrl-C; data stays in the data directory.");
    out.println();
  }
}
