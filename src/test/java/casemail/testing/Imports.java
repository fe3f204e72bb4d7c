package casemail.testing;

import casemail.bus.Addresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Adds rows to a test's database the way an import does. */
public final class Imports {

  private Imports() {
  }

  /** A customer of the test administration; returns its id. */
  public static long customer(TestApp app, String number, String name, String email,
      String contactName, String language) {
    var customer = new JsonObject()
        .put("line", 2).put("number", number).put("name", name)
        .put("emails", email == null ? new JsonArray() : new JsonArray().add(email))
        .put("contact_name", contactName).put("phone", "").put("language", language)
        .put("address", "").put("postal_code", "").put("city", "").put("country", "NL");
    var data = new JsonObject()
        .put("administration", TestData.ADMINISTRATION)
        .put("customers", new JsonArray().add(customer));
    Futures.await(app.bus().request(Addresses.IMPORT_APPLY, data));
    return Cases.customer(app, number);
  }
}
