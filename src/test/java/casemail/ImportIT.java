package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.bus.Addresses;
import casemail.bus.BusFailure;
import casemail.importer.CsvImporter;
import casemail.launch.DemoData;
import casemail.testing.Cases;
import casemail.testing.Futures;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The acme export stored: every row, names exactly as written and shown safely, re-imports. */
class ImportIT {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void importingTheSameFilesAgainChangesNothing() {
    var data = CsvImporter.read(DemoData.source()).toJson()
        .put("administration", TestData.ADMINISTRATION);

    var counts = Futures.await(app.bus().request(Addresses.IMPORT_APPLY, data, 120_000));

    for (var file : new String[] {"customers", "invoices", "matters"}) {
      assertThat(counts.getJsonObject(file).getInteger("inserted")).as(file).isZero();
      assertThat(counts.getJsonObject(file).getInteger("updated")).as(file).isZero();
    }
    assertThat(counts.getJsonObject("invoices").getInteger("rows")).isEqualTo(20_102);
  }

  @Test
  void unknownCustomersAndInvoicesFailTheImportAllNamedAtOnce() {
    var data = new JsonObject()
        .put("administration", TestData.ADMINISTRATION)
        .put("invoices", new JsonArray().add(new JsonObject()
            .put("line", 7).put("number", "X-1").put("customer_number", "C99999")
            .put("invoice_date", "2026-01-01").put("due_date", "2026-02-01")
            .put("amount", "1.00").put("open_amount", "1.00").put("currency", "EUR")))
        .put("matters", new JsonArray().add(new JsonObject()
            .put("line", 3).put("reference", "M-X").put("customer_number", "C99998")
            .put("opened_on", "2026-01-01").put("status", "open")
            .put("invoice_numbers", new JsonArray().add("X-1").add("NOPE-1").add("2026-000031"))
            .put("principal_amount", "1.00").put("collection_costs", "0.00")
            .put("interest_amount", "0.00")));

    var failure = Futures.awaitFailure(app.bus().request(Addresses.IMPORT_APPLY, data));

    assertThat(((BusFailure) failure).code()).isEqualTo(422);
    assertThat(((BusFailure) failure).fields().getJsonArray("errors")).containsExactly(
        "invoices.csv:7: unknown customer C99999", "matters.csv:3: unknown customer C99998",
        "matters.csv:3: unknown invoice NOPE-1",
        "matters.csv:3: invoice 2026-000031 is of customer C10002, not of the matter's");
    assertThat(app.api().get("/invoices?number=X-1").json().getJsonArray("items")).isEmpty();
  }

  @Test
  void namesAreKeptExactlyAndShownAsText() {
    var staff = app.browser();
    staff.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);

    var script = staff.open("/customers/" + Cases.customer(app, "C10015")).document();
    var quoted = staff.open("/customers/" + Cases.customer(app, "C10002")).document();
    var chinese = app.api().get("/customers?number=C10014").json();

    assertThat(script.select("h1").text()).isEqualTo("<script>alert(1)</script> Webdesign");
    assertThat(script.select("main script")).isEmpty();
    assertThat(quoted.select("h1").text()).isEqualTo("Smit, Jansen & Zn. \"De Hoek\" B.V.");
    assertThat(chinese.getJsonArray("items").getJsonObject(0).getString("name"))
        .isEqualTo("北京贸易有限公司");
  }
}
