package casemail.testing;

import casemail.bus.Addresses;
import casemail.importer.CsvImporter;
import casemail.security.PasswordHasher;
import casemail.security.Tokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two administrations side by side, each with one of everything a route can name: a customer,
 * invoice and matter, a message with an attachment and its delivery, a customer's reply with a
 * file, a standard message, a bouncing address, a direct-debit mandate, a pending attachment
 * and a batch. Every text of a tenant carries its {@link Tenant#marker()}, so a page or reply
 * that shows something of the other tenant is easy to catch.
 */
public final class Tenants {

  public static final String OTHER = "Zeta Collections BV";
  public static final String OTHER_ADMIN = "olga@zeta.example";
  public static final String OTHER_MEMBER = "piet@zeta.example";
  public static final String OTHER_KEY = "cm_test_zeta_key_9876543210";

  private static final String CUSTOMERS = """
      customer_number,name,email,contact_name,phone,language,address,postal_code,city,country
      Z-1,Zeta Klant BV,klant@zeta-klant.example,Zoë,,en,,,,NL
      """;
  private static final String INVOICES = """
      invoice_number,customer_number,invoice_date,due_date,amount,open_amount,currency,description
      Z-INV-1,Z-1,2026-01-05,2026-02-05,120.00,120.00,EUR,Zeta work
      """;
  private static final String MATTERS = """
      matter_reference,customer_number,opened_on,status,invoice_numbers,principal_amount,collection_costs,interest_amount
      Z-M-1,Z-1,2026-03-01,open,Z-INV-1,120.00,40.00,2.00
      """;

  private Tenants() {
  }

  /** One administration's users, key and objects; {@code ids} fill a route's placeholders. */
  public record Tenant(String name, long administrationId, String adminEmail,
      String memberEmail, String apiKey, String marker, Map<String, String> ids,
      Browser portal) {

    /** The path with each {@code {placeholder}} replaced by this tenant's id for it. */
    public String fill(String template) {
      var path = template;
      for (var id : ids.entrySet()) {
        path = path.replace("{" + id.getKey() + "}", id.getValue());
      }
      return path;
    }

    public Api api(TestApp app) {
      return app.api().withKey(apiKey);
    }

    public Browser signedIn(TestApp app, String email) {
      var browser = app.browser();
      browser.login(email, TestData.PASSWORD);
      return browser;
    }

    public Browser admin(TestApp app) {
      return signedIn(app, adminEmail);
    }
  }

  /** The seeded administration, with a set of objects on invoice {@code invoiceNumber}. */
  public static Tenant acme(TestApp app, String invoiceNumber) {
    return tenant(app, TestData.ADMINISTRATION, TestData.ADMIN_EMAIL, TestData.MEMBER_EMAIL,
        TestData.API_KEY, invoiceNumber);
  }

  /** A second administration, created with its own users, key and objects. */
  public static Tenant other(TestApp app) {
    var bus = app.bus();
    var files = Map.of("customers.csv", CUSTOMERS, "invoices.csv", INVOICES,
        "matters.csv", MATTERS);
    var data = CsvImporter.read(fileName -> new ByteArrayInputStream(
        files.get(fileName).getBytes(StandardCharsets.UTF_8)));
    Futures.await(bus.request(Addresses.IMPORT_APPLY, data.toJson().put("administration", OTHER)));
    var hash = PasswordHasher.hash(TestData.PASSWORD);
    for (var user : List.of(Map.entry(OTHER_ADMIN, "admin"), Map.entry(OTHER_MEMBER, "member"))) {
      Futures.await(bus.request(Addresses.USER_CREATE, new JsonObject()
          .put("administration", OTHER).put("email", user.getKey()).put("name", "Olga Zeta")
          .put("role", user.getValue()).put("password_hash", hash)));
    }
    Futures.await(bus.request(Addresses.API_KEY_CREATE, new JsonObject()
        .put("administration", OTHER).put("key_hash", Tokens.sha256(OTHER_KEY))));
    return tenant(app, OTHER, OTHER_ADMIN, OTHER_MEMBER, OTHER_KEY, "Z-INV-1");
  }

  private static Tenant tenant(TestApp app, String name, String admin, String member,
      String key, String invoiceNumber) {
    var administrationId = Futures.await(app.bus().request(Addresses.ADMINISTRATION_ENSURE,
        new JsonObject().put("name", name))).getLong("id");
    var marker = "Marker-" + UUID.randomUUID();
    var api = app.api().withKey(key);
    var message = message(api, admin, invoiceNumber, marker);
    var invoice = message.getJsonObject("case").getLong("id");
    var customer = first(api.get("/invoices?number=" + invoiceNumber)).getLong("customer_id");
    var ids = new java.util.HashMap<String, String>();
    ids.put("administration", String.valueOf(administrationId));
    ids.put("logoVersion", "1");
    ids.put("customer", String.valueOf(customer));
    ids.put("invoice", String.valueOf(invoice));
    ids.put("matter", String.valueOf(first(api.get("/matters?limit=1")).getLong("id")));
    ids.put("message", message.getString("id"));
    ids.put("delivery", message.getJsonArray("deliveries").getJsonObject(0).getString("id"));
    ids.put("attachment", message.getJsonArray("attachments").getJsonObject(0).getString("id"));
    ids.put("standard", String.valueOf(standardMessage(api, marker)));
    ids.put("email", admin);
    ids.put("invoiceNumber", invoiceNumber);
    ids.put("customerNumber", Futures.await(app.bus().request(Addresses.CASE_GET,
        new JsonObject().put("administration_id", administrationId).put("type", "customer")
            .put("id", customer))).getJsonObject("case").getString("number"));
    ids.put("matterReference", first(api.get("/matters?limit=1")).getString("reference"));
    ids.put("pixel", Tokens.random(16) + ".gif");
    var portalUrl = message.getString("portal_url");
    ids.put("portalToken", portalUrl.substring(portalUrl.lastIndexOf('/') + 1));
    ids.put("pending", pendingAttachment(app, administrationId, marker));
    ids.put("batch", batch(app, administrationId));
    ids.put("bounce", bounce(app, administrationId, customer));
    var portal = Portal.enter(app, message);
    ids.putAll(reply(portal, message.getString("id"), marker));
    mandate(portal, marker);
    return new Tenant(name, administrationId, admin, member, key, marker, Map.copyOf(ids),
        portal);
  }

  private static JsonObject message(Api api, String author, String invoiceNumber, String marker) {
    var attachment = new JsonObject().put("filename", marker + ".html")
        .put("content_type", "text/html")
        .put("content_base64", Base64.getEncoder().encodeToString(
            ("<script>alert('" + marker + "')</script>").getBytes(StandardCharsets.UTF_8)));
    var reply = api.post("/messages", new JsonObject()
        .put("case", new JsonObject().put("type", "invoice").put("number", invoiceNumber))
        .put("author", author)
        .put("subject", "Subject " + marker)
        .put("body", "Text " + marker)
        .put("attachments", new JsonArray().add(attachment)));
    if (reply.status() != 201) {
      throw new AssertionError("Message not created: " + reply.body());
    }
    return reply.json();
  }

  private static long standardMessage(Api api, String marker) {
    var reply = api.post("/standard-messages", new JsonObject()
        .put("description", "Standard " + marker).put("subject", "Standard subject " + marker)
        .put("body", "Standard text " + marker));
    if (reply.status() != 201) {
      throw new AssertionError("Standard message not created: " + reply.body());
    }
    return reply.json().getLong("id");
  }

  private static String pendingAttachment(TestApp app, long administrationId, String marker) {
    var item = new JsonObject().put("filename", "pending " + marker + ".pdf")
        .put("content_type", "application/pdf").put("size", 1)
        .put("sha256", "0".repeat(64));
    return Futures.await(app.bus().request(Addresses.ATTACHMENT_STORE, new JsonObject()
            .put("administration_id", administrationId).put("items", new JsonArray().add(item))))
        .getJsonArray("items").getJsonObject(0).getString("id");
  }

  private static String batch(TestApp app, long administrationId) {
    var id = UUID.randomUUID().toString();
    Sql.execute(app.settings().databaseUrl(), "INSERT INTO batches (id, administration_id) "
        + "VALUES ('" + id + "', " + administrationId + ")");
    return id;
  }

  private static String bounce(TestApp app, long administrationId, long customerId) {
    var address = "bounced-" + customerId + "@bounce.example";
    Sql.execute(app.settings().databaseUrl(), "INSERT INTO bounces (customer_id, address, "
        + "administration_id, reason) VALUES (" + customerId + ", '" + address + "', "
        + administrationId + ", '550 No such user')");
    return address;
  }

  /** The customer's reply with a file: {@code reply} and {@code replyAttachment} ids. */
  private static Map<String, String> reply(Browser portal, String messageId, String marker) {
    var page = portal.get("/portal/messages/" + messageId);
    var replied = portal.submitWithFiles(page, "form.reply", Map.of("body", "Reply " + marker),
        List.of(new Browser.Upload("attachments", "reply " + marker + ".svg", "image/svg+xml",
            "<svg xmlns='http://www.w3.org/2000/svg'><script>1</script></svg>"
                .getBytes(StandardCharsets.UTF_8))));
    var reply = replied.document().selectFirst(".thread .reply");
    if (reply == null) {
      throw new AssertionError("Reply not stored: " + replied.status());
    }
    var link = reply.selectFirst(".attachment-list a").attr("href");
    return Map.of("reply", reply.id().substring("reply-".length()),
        "replyAttachment", link.substring(link.lastIndexOf('/') + 1));
  }

  private static void mandate(Browser portal, String marker) {
    var form = portal.open("/portal/direct-debit");
    var done = portal.submit(form, "form.mandate", Map.of("account_holder", "Holder " + marker,
        "iban", "NL91ABNA0417164300", "consent", "yes"));
    if (done.status() != 200) {
      throw new AssertionError("Mandate not authorised: " + done.status());
    }
  }

  private static JsonObject first(Api.Reply reply) {
    return reply.json().getJsonArray("items").getJsonObject(0);
  }
}
