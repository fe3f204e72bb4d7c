package casemail.testing;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.importer.CsvImporter;
import casemail.launch.DemoData;
import casemail.security.PasswordHasher;
import casemail.security.Tokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * What every seeded test database holds: the shared acme export imported into the demo
 * administration, an admin and a member user, and an API key. Tests add their own rows on top.
 */
public final class TestData {

  public static final String ADMINISTRATION = DemoData.ADMINISTRATION;
  public static final String ADMIN_EMAIL = "anna@acme.example";
  public static final String ADMIN_NAME = "Anna de Boer";
  public static final String MEMBER_EMAIL = "mark@acme.example";
  public static final String MEMBER_NAME = "Mark Jansen";
  public static final String PASSWORD = "correct horse battery";
  public static final String API_KEY = "cm_test_acme_key_0123456789";

  private TestData() {
  }

  static Future<Void> seed(Bus bus) {
    var data = CsvImporter.read(DemoData.source());
    var hash = PasswordHasher.hash(PASSWORD);
    return bus.request(Addresses.IMPORT_APPLY,
            data.toJson().put("administration", ADMINISTRATION), 120_000)
        .compose(ignored -> user(bus, ADMIN_EMAIL, ADMIN_NAME, "admin", hash))
        .compose(ignored -> user(bus, MEMBER_EMAIL, MEMBER_NAME, "member", hash))
        .compose(ignored -> bus.request(Addresses.API_KEY_CREATE, new JsonObject()
            .put("administration", ADMINISTRATION)
            .put("key_hash", Tokens.sha256(API_KEY))))
        .mapEmpty();
  }

  private static Future<JsonObject> user(Bus bus, String email, String name, String role,
      String hash) {
    return bus.request(Addresses.USER_CREATE, new JsonObject()
        .put("administration", ADMINISTRATION)
        .put("email", email)
        .put("name", name)
        .put("role", role)
        .put("password_hash", hash));
  }
}
