package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Sql;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-case batch through the API, stored in one go: one message and one delivery per
 * case, each written for its case with its own tracking token, in one transaction. Mailing is
 * slowed down here (it is measured by {@code bench/}, not by tests).
 */
class BulkVolumeIT {

  private static final int CASES = 10_000;
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start(Map.of("CASEMAIL_SEND_RATE", "20"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void storesTenThousandPersonalisedMessagesInOneTransaction() {
    var ids = invoiceIds();
    var request = new JsonObject().put("case_type", "invoice").put("case_ids", ids)
        .put("expected_total", CASES).put("author", TestData.MEMBER_EMAIL)
        .put("subject", "Invoice {{invoice.number}}")
        .put("body", "Dear {{contact.name}}, {{invoice.open_amount}} is open.");

    long start = System.nanoTime();
    var created = app.api().post("/batches", request);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(created.status()).as(created.body()).isEqualTo(202);
    System.out.println("A " + CASES + "-case batch was stored in " + millis + " ms");
    var batch = created.json().getString("id");
    assertThat(created.json().getLong("total")).isEqualTo(CASES);
    assertThat(count("SELECT count(DISTINCT case_id) FROM messages WHERE batch_id = '%s'", batch))
        .isEqualTo(CASES);
    assertThat(count("SELECT count(DISTINCT subject) FROM messages WHERE batch_id = '%s'", batch))
        .isEqualTo(CASES);
    assertThat(count("SELECT count(DISTINCT created_at) FROM messages WHERE batch_id = '%s'",
        batch)).isEqualTo(1);
    assertThat(count("SELECT count(DISTINCT d.tracking_token) FROM deliveries d "
        + "JOIN messages m ON m.id = d.message_id WHERE m.batch_id = '%s'", batch))
        .isEqualTo(CASES);
    var progress = app.api().get("/batches/" + batch).json();
    assertThat(progress.getLong("stored")).isEqualTo(CASES);
    assertThat(progress.getLong("sent") + progress.getLong("failed")
        + progress.getLong("portal_only") + progress.getLong("remaining")).isEqualTo(CASES);
    assertThat(progress.getLong("portal_only")).isPositive();
  }

  private static JsonArray invoiceIds() {
    var ids = new JsonArray();
    String next = null;
    while (ids.size() < CASES) {
      var page = app.api().get("/invoices?limit=500" + (next == null ? "" : "&cursor=" + next))
          .json();
      page.getJsonArray("items").forEach(item -> ids.add(((JsonObject) item).getLong("id")));
      next = page.getString("next");
    }
    return new JsonArray(ids.getList().subList(0, CASES));
  }

  private static long count(String query, String batch) {
    return Sql.count(app.settings().databaseUrl(), query.formatted(batch));
  }
}
