package casemail;

import static casemail.testing.Batches.count;
import static casemail.testing.Batches.done;
import static casemail.testing.Batches.fields;
import static casemail.testing.Batches.ids;
import static casemail.testing.Batches.request;
import static org.assertj.core.api.Assertions.assertThat;

import casemail.bus.Addresses;
import casemail.security.Tokens;
import casemail.testing.Api;
import casemail.testing.Batches;
import casemail.testing.Futures;
import casemail.testing.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Multipart;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/batches} and {@code GET /api/v1/batches/{id}}: a retry with the same
 * idempotency key makes one batch, a count that changed is refused (409), bad input is refused
 * naming its field (422) — nothing stored in either case —, attachments are stored once for a
 * batch, and another administration neither sees a batch nor reaches the cases.
 */
class BatchApiIT {

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
  void aRetryWithTheSameIdempotencyKeyAnswersTheSameBatch() {
    var tag = UUID.randomUUID().toString();
    var body = request("Retry " + tag, "invoice").put("case_ids", ids(app, "/invoices?q=C11378"))
        .put("idempotency_key", "retry-" + tag);

    var created = app.api().post("/batches", body);
    var retried = app.api().post("/batches", body.copy().put("subject", "Changed " + tag));

    assertThat(created.status()).isEqualTo(202);
    assertThat(retried.status()).isEqualTo(202);
    assertThat(retried.json()).isEqualTo(created.json());
    assertThat(count(app, "SELECT count(*) FROM batches WHERE subject LIKE '%" + tag + "'"))
        .isEqualTo(1);
    assertThat(count(app, "SELECT count(*) FROM messages WHERE subject LIKE '%" + tag + "'"))
        .isEqualTo(created.json().getLong("total"));
  }

  @Test
  void aSelectionThatNoLongerHoldsTheExpectedCountIsRefusedWithNothingStored() {
    var tag = UUID.randomUUID().toString();
    var filter = new JsonObject().put("q", "C10960");
    var total = ids(app, "/invoices?q=C10960").size();

    var refused = app.api().post("/batches", request("Stale " + tag, "invoice")
        .put("filter", filter).put("expected_total", total + 1));
    var confirmed = app.api().post("/batches", request("Fresh " + tag, "invoice")
        .put("filter", filter).put("expected_total", total));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getJsonObject("error").getString("message"))
        .contains("now holds " + total + " cases, not " + (total + 1));
    assertThat(count(app, "SELECT count(*) FROM messages WHERE subject = 'Stale " + tag + "'"))
        .isZero();
    assertThat(confirmed.status()).isEqualTo(202);
    assertThat(confirmed.json().getLong("total")).isEqualTo(total);
  }

  @Test
  void badInputIsRefusedNamingTheFieldWithNothingStored() {
    var tag = UUID.randomUUID().toString();
    var ids = ids(app, "/invoices?q=C11714");
    var unknown = post(request("Bad " + tag, "invoice").put("case_ids", ids)
        .put("body", "Dear {{customer.iban}}"));
    var otherType = post(request("Bad " + tag, "invoice").put("case_ids", ids)
        .put("body", "Your {{matter.reference}}"));
    var empty = post(request("Bad " + tag, "invoice").put("case_ids", ids).put("body", " \n "));
    var noCases = post(request("Bad " + tag, "invoice"));
    var strangers = post(request("Bad " + tag, "invoice").put("case_ids", ids.copy().add(999_999)));
    var badFilter = post(request("Bad " + tag, "customer")
        .put("filter", new JsonObject().put("status", "paid")));

    for (var reply : List.of(unknown, otherType, empty, noCases, strangers, badFilter)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    }
    assertThat(fields(unknown)).containsKey("body");
    assertThat(fields(otherType)).containsKey("body");
    assertThat(fields(empty)).containsKey("body");
    assertThat(fields(noCases)).containsKey("case_ids");
    assertThat((String) fields(strangers).get("case_ids")).endsWith(": 999999");
    assertThat(fields(badFilter)).containsKey("filter.status");
    assertThat(post(request("Bad " + tag, "invoice").put("case_ids", "all")).status())
        .isEqualTo(400);
    assertThat(count(app, "SELECT count(*) FROM batches WHERE subject LIKE '%" + tag + "'"))
        .isZero();
  }

  @Test
  void attachmentsAreStoredOnceForTheBatchAndCarriedByEachEmail() throws Exception {
    var tag = UUID.randomUUID().toString();
    var ids = new JsonArray(ids(app, "/invoices?q=C11003").getList().subList(0, 3));
    var file = new JsonObject().put("filename", "Overzicht \"Q3\" – €.pdf")
        .put("content_type", "application/pdf").put("content_base64", "JVBERi0xLjQKJeLjz9M=");

    var batch = Batches.send(app, request("Files " + tag, "invoice").put("case_ids", ids)
        .put("attachments", new JsonArray().add(file)));

    done(app, batch);
    assertThat(count(app, "SELECT count(*) FROM attachments WHERE batch_id = '" + batch + "'"))
        .isEqualTo(1);
    for (var copies : Batches.emailsTagged(app, tag, 3).values()) {
      var attached = ((Multipart) copies.get(0).getContent()).getBodyPart(1);
      assertThat(attached.getInputStream().readAllBytes()).startsWith("%PDF-1.4".getBytes());
    }
    var message = app.api().get("/invoices/" + ids.getLong(0) + "/timeline").json()
        .getJsonArray("items").getJsonObject(0);
    var attachment = message.getJsonArray("attachments").getJsonObject(0);
    assertThat(attachment.getString("filename")).isEqualTo("Overzicht \"Q3\" – €.pdf");
    var customer = app.browser();
    customer.open(message.getString("portal_url").substring(app.url("").length()));
    var download = customer.download("/portal/attachments/" + attachment.getString("id"));
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).startsWith("%PDF-1.4".getBytes());
  }

  @Test
  void anotherAdministrationNeitherSeesABatchNorReachesItsCases() {
    var ids = ids(app, "/invoices?q=C11301");
    var batch = Batches.send(app, request("Ours " + UUID.randomUUID(), "invoice")
        .put("case_ids", ids));
    var other = otherAdministrationsApi();

    var foreign = other.post("/batches", request("Theirs", "invoice").put("case_ids", ids)
        .put("author", "olga@bulk-other.example"));

    assertThat(app.api().get("/batches/" + batch).status()).isEqualTo(200);
    assertThat(other.get("/batches/" + batch).status()).isEqualTo(404);
    assertThat(foreign.status()).isEqualTo(422);
    assertThat(fields(foreign)).containsKey("case_ids");
    assertThat(other.get("/invoices?q=C11301").json().getJsonArray("items")).isEmpty();
    assertThat(count(app, "SELECT count(*) FROM messages WHERE subject = 'Theirs'")).isZero();
    assertThat(app.api().get("/batches/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  private static Api.Reply post(JsonObject body) {
    return app.api().post("/batches", body);
  }

  /** The API as another administration, with a user of its own, sees it. */
  private static Api otherAdministrationsApi() {
    var key = "cm_test_other_" + UUID.randomUUID();
    Futures.await(app.bus().request(Addresses.ADMINISTRATION_ENSURE,
        new JsonObject().put("name", "Bulk Other BV")));
    Futures.await(app.bus().request(Addresses.USER_CREATE, new JsonObject()
        .put("administration", "Bulk Other BV").put("email", "olga@bulk-other.example")
        .put("name", "Olga").put("role", "admin").put("password_hash", "x")));
    Futures.await(app.bus().request(Addresses.API_KEY_CREATE, new JsonObject()
        .put("administration", "Bulk Other BV").put("key_hash", Tokens.sha256(key))));
    return app.api().withKey(key);
  }
}
