package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.bus.Addresses;
import casemail.security.Tokens;
import casemail.testing.Api;
import casemail.testing.Browser;
import casemail.testing.Emails;
import casemail.testing.Eventually;
import casemail.testing.Futures;
import casemail.testing.Sql;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bulk messages end to end, through the overviews, the bulk composer and the API, on the shared
 * data in real PostgreSQL and a real SMTP server: one email per case with an address, each
 * filled in for its case, none twice; portal-only cases counted; the selection frozen at the
 * count the user confirmed; one batch per submitted form or idempotency key.
 */
class BulkIT {

  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]*)\\]");
  private static final String SEND = "button[formaction=/batches/new]";
  private static TestApp app;
  private static Map<Long, JsonArray> customerEmails;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    customerEmails = customerEmails();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aBatchOverAFilterMailsEveryCaseWithAnAddressOnceWithItsOwnNumberAndAmount() {
    var tag = UUID.randomUUID().toString();
    var filter = "amount_min=100&amount_max=105";
    var invoices = matching("/invoices?" + filter);
    var staff = signedIn();

    var all = staff.click(staff.open("/invoices?" + filter), "button[name=select][value=all]",
        Map.of(), Set.of());
    var composer = staff.click(all, SEND, Map.of(), Set.of());
    assertThat(summary(composer)).startsWith(invoices.size() + " invoices of ");
    var batch = send(staff, composer, "Invoice {{invoice.number}} " + tag,
        "Amount [{{invoice.amount}}] for {{customer.name}}");

    var progress = done(batch);
    var emailed = invoices.stream().filter(BulkIT::hasAddress).toList();
    assertThat(invoices.size()).isGreaterThan(100);
    assertThat(progress.getLong("total")).isEqualTo(invoices.size());
    assertThat(progress.getLong("stored")).isEqualTo(invoices.size());
    assertThat(progress.getLong("portal_only")).isEqualTo(invoices.size() - emailed.size())
        .isPositive();
    assertThat(progress.getLong("sent") + progress.getLong("failed")
        + progress.getLong("portal_only") + progress.getLong("remaining"))
        .isEqualTo(invoices.size());
    var emails = byMessageId(emailsTagged(tag, emailed.size()));
    assertThat(emails).hasSize(emailed.size());
    var numbers = new ArrayList<String>();
    emails.values().forEach(copies -> {
      var email = copies.get(0);
      var number = Emails.subjectOf(email).split(" ")[1];
      numbers.add(number);
      assertThat(digits(bracketed(email))).isEqualTo(digits(amountOf(invoices, number)));
      assertThat(copies.size()).isLessThanOrEqualTo(recipients(email));
    });
    assertThat(numbers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        emailed.stream().map(invoice -> invoice.getString("number")).toList());
  }

  @Test
  void rowsUntickedAfterSelectAllAreLeftOutOnEveryPage() {
    var tag = UUID.randomUUID().toString();
    var filter = "amount_min=250&amount_max=260";
    var invoices = matching("/invoices?" + filter);
    var staff = signedIn();
    var all = staff.click(staff.open("/invoices?" + filter), "button[name=select][value=all]",
        Map.of(), Set.of());
    var firstPage = rowIds(all);
    var secondPage = staff.click(all, "button[name=go]:contains(Next page)", Map.of(),
        Set.of("case_id=" + firstPage.get(0), "case_id=" + firstPage.get(1)));
    var third = rowIds(secondPage).get(2);

    var composer = staff.click(secondPage, SEND, Map.of(), Set.of("case_id=" + third));
    var batch = send(staff, composer, "Left out " + tag, "For {{invoice.number}}");

    assertThat(summary(composer)).startsWith((invoices.size() - 3) + " invoices of ");
    assertThat(done(batch).getLong("total")).isEqualTo(invoices.size() - 3);
    for (var left : List.of(firstPage.get(0), firstPage.get(1), third)) {
      assertThat(subjects("/invoices/" + left + "/timeline")).noneMatch(s -> s.contains(tag));
    }
    var last = invoices.get(invoices.size() - 1).getLong("id");
    assertThat(subjects("/invoices/" + last + "/timeline")).contains("Left out " + tag);
  }

  @Test
  void aFormSubmittedTwiceOrAnApiRetryMakesOneBatch() {
    var tag = UUID.randomUUID().toString();
    var staff = signedIn();
    var page = staff.click(staff.open("/invoices?q=C11378"), "button[name=select][value=page]",
        Map.of(), Set.of());
    var composer = staff.click(page, SEND, Map.of(), Set.of());

    var first = send(staff, composer, "Twice " + tag, "Once per case");
    var second = staff.submitWithFiles(composer, "form.composer", Map.of("subject",
        "Twice " + tag, "body", "Once per case", "action", "send"), List.of());

    assertThat(batchId(second)).isEqualTo(first);
    assertThat(second.body()).contains("This form was sent before");
    assertThat(count("SELECT count(*) FROM batches WHERE subject = 'Twice " + tag + "'"))
        .isEqualTo(1);
    var request = apiBatch("Retry " + tag, "invoice").put("case_ids", ids("/invoices?q=C11378"))
        .put("idempotency_key", "retry-" + tag);
    var created = app.api().post("/batches", request);
    var retried = app.api().post("/batches", request);
    assertThat(created.status()).isEqualTo(202);
    assertThat(retried.status()).isEqualTo(202);
    assertThat(retried.json().getString("id")).isEqualTo(created.json().getString("id"));
    assertThat(count("SELECT count(*) FROM messages WHERE subject = 'Retry " + tag + "'"))
        .isEqualTo(created.json().getLong("total"));
  }

  @Test
  void aSelectionWhoseCountChangedIsRefusedWithNothingStoredAndAskedAgain() {
    var tag = UUID.randomUUID().toString();
    var staff = signedIn();
    var filter = "/invoices?q=C10209&amount_max=900000";
    var ids = ids(filter);
    var composer = staff.click(staff.click(staff.open(filter), "button[name=select][value=all]",
        Map.of(), Set.of()), SEND, Map.of(), Set.of());
    Sql.execute(app.settings().databaseUrl(),
        "UPDATE invoices SET amount = 999999 WHERE id = " + ids.getLong(0));

    var refused = staff.submitWithFiles(composer, "form.composer",
        Map.of("subject", "Changed " + tag, "body", "Hello", "action", "send"), List.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.document().select("[role=alert]").text())
        .contains("now holds " + (ids.size() - 1) + " invoices, not " + ids.size());
    assertThat(refused.document().select("#subject").val()).isEqualTo("Changed " + tag);
    assertThat(count("SELECT count(*) FROM batches WHERE subject LIKE '%" + tag + "'")).isZero();
    var api = app.api().post("/batches", apiBatch("Changed API " + tag, "invoice")
        .put("filter", new JsonObject().put("q", "C10209")).put("expected_total", 999));
    assertThat(api.status()).isEqualTo(409);
    assertThat(count("SELECT count(*) FROM messages WHERE subject LIKE '%" + tag + "'")).isZero();
    var confirmed = send(staff, refused, "Changed " + tag, "Hello");
    assertThat(done(confirmed).getLong("total")).isEqualTo(ids.size() - 1);
    assertThat(Emails.find(app, "Changed API " + tag)).isEmpty();
  }

  @Test
  void badInputIsRefusedNamingTheFieldWithNothingStored() {
    var tag = UUID.randomUUID().toString();
    var ids = ids("/invoices?q=C11714");
    var unknown = app.api().post("/batches", apiBatch("Bad " + tag, "invoice")
        .put("case_ids", ids).put("body", "Dear {{customer.iban}}"));
    var otherType = app.api().post("/batches", apiBatch("Bad " + tag, "invoice")
        .put("case_ids", ids).put("body", "Your {{matter.reference}}"));
    var empty = app.api().post("/batches", apiBatch("Bad " + tag, "invoice")
        .put("case_ids", ids).put("body", "  \n "));
    var nothing = app.api().post("/batches", apiBatch("Bad " + tag, "invoice"));
    var badFilter = app.api().post("/batches", apiBatch("Bad " + tag, "customer")
        .put("filter", new JsonObject().put("status", "paid")));

    for (var reply : List.of(unknown, otherType, empty, nothing, badFilter)) {
      assertThat(reply.status()).isEqualTo(422);
    }
    assertThat(fields(unknown)).containsKey("body");
    assertThat(fields(empty)).containsKey("body");
    assertThat(fields(nothing)).containsKey("case_ids");
    assertThat(fields(badFilter)).containsKey("filter.status");
    var staff = signedIn();
    var composer = staff.click(staff.click(staff.open("/invoices?q=C11714"),
        "button[name=select][value=page]", Map.of(), Set.of()), SEND, Map.of(), Set.of());
    var refused = staff.submitWithFiles(composer, "form.composer", Map.of("subject",
        "Bad " + tag, "body", "Dear {{customer.iban}}", "action", "send"), List.of());
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.document().select("#body-error").text()).contains("{{customer.iban}}");
    assertThat(refused.document().select("#body").text()).isEqualTo("Dear {{customer.iban}}");
    assertThat(count("SELECT count(*) FROM batches WHERE subject LIKE '%" + tag + "'")).isZero();
    assertThat(count("SELECT count(*) FROM messages WHERE subject LIKE '%" + tag + "'")).isZero();
  }

  @Test
  void theComposerCountsCustomersAndPortalOnlyCasesAndPreviewsTheFirstCases() {
    var staff = signedIn();
    var emailed = ids("/invoices?q=C11427");
    var portalOnly = ids("/invoices?q=C10689");
    var chosen = new JsonArray().addAll(emailed).addAll(portalOnly);
    var query = "case_type=invoice&ids=" + chosen.stream().map(String::valueOf)
        .collect(Collectors.joining(","));

    var composer = staff.open("/batches/new?" + query);
    var preview = staff.submitWithFiles(composer, "form.composer", Map.of("subject",
        "Invoice {{invoice.number}}", "body", "Dear {{contact.name}}", "action", "preview"),
        List.of());

    assertThat(summary(composer)).startsWith(chosen.size() + " invoices of 2 customers. "
        + emailed.size() + " get an email; " + portalOnly.size() + " are portal-only");
    assertThat(composer.body()).contains("gets one message per case");
    var both = new ArrayList<>(matching("/invoices?q=C11427"));
    both.addAll(matching("/invoices?q=C10689"));
    var first = both.stream().map(invoice -> invoice.getString("number")).sorted().limit(3)
        .map(number -> "Invoice " + number).toList();
    assertThat(preview.document().select(".preview-subject").eachText())
        .containsExactlyElementsOf(first);
    assertThat(preview.document().select(".bulk-preview .body").first().text())
        .startsWith("Dear ").doesNotContain("{{");
    var none = staff.open("/batches/new?case_type=invoice");
    assertThat(none.status()).isEqualTo(422);
    assertThat(none.body()).contains("Select at least one case first");
  }

  @Test
  void attachmentsAreStoredOnceForTheBatchAndCarriedByEachEmail() throws Exception {
    var tag = UUID.randomUUID().toString();
    var ids = new JsonArray(ids("/invoices?q=C11003").getList().subList(0, 3));
    var file = new JsonObject().put("filename", "Overzicht \"Q3\" – €.pdf")
        .put("content_type", "application/pdf").put("content_base64", "JVBERi0xLjQKJeLjz9M=");

    var created = app.api().post("/batches", apiBatch("Files " + tag, "invoice")
        .put("case_ids", ids).put("attachments", new JsonArray().add(file)));

    assertThat(created.status()).isEqualTo(202);
    var batch = created.json().getString("id");
    done(batch);
    assertThat(count("SELECT count(*) FROM attachments WHERE batch_id = '" + batch + "'"))
        .isEqualTo(1);
    var emails = emailsTagged(tag, 3);
    for (var email : emails) {
      assertThat(new String(email.getContent() instanceof Multipart multipart
          ? multipart.getBodyPart(1).getInputStream().readAllBytes() : new byte[0]))
          .startsWith("%PDF-1.4");
    }
    var timeline = app.api().get("/invoices/" + ids.getLong(0) + "/timeline").json()
        .getJsonArray("items").getJsonObject(0);
    var attachment = timeline.getJsonArray("attachments").getJsonObject(0);
    assertThat(attachment.getString("filename")).isEqualTo("Overzicht \"Q3\" – €.pdf");
    var customer = app.browser();
    customer.open(timeline.getString("portal_url").substring(app.url("").length()));
    var download = customer.download("/portal/attachments/" + attachment.getString("id"));
    assertThat(download.status()).isEqualTo(200);
    assertThat(new String(download.body())).startsWith("%PDF-1.4");
  }

  @Test
  void theBatchShowsItsProgressAndItsMessagesInTheInboxAndOnTimelines() {
    var tag = UUID.randomUUID().toString();
    var ids = ids("/invoices?q=C10252");
    var created = app.api().post("/batches", apiBatch("Shown " + tag, "invoice")
        .put("case_ids", ids));
    var batch = created.json().getString("id");
    var progress = done(batch);
    var staff = signedIn();

    var page = staff.open("/batches/" + batch);
    var json = new JsonObject(staff.get("/batches/" + batch + "/progress").body());

    assertThat(page.document().select("h1").text()).isEqualTo("Shown " + tag);
    assertThat(page.document().select("progress").attr("max")).isEqualTo("" + ids.size());
    assertThat(page.document().select("[data-field=sent]").text())
        .isEqualTo("" + progress.getLong("sent"));
    assertThat(json.getLong("sent") + json.getLong("failed") + json.getLong("portal_only")
        + json.getLong("remaining")).isEqualTo(ids.size());
    assertThat(json.getBoolean("done")).isTrue();
    var inbox = staff.open("/inbox?q=" + tag).document();
    assertThat(inbox.select("a.bulk-link").eachAttr("href")).hasSize(ids.size())
        .allMatch(href -> href.equals("/batches/" + batch));
    var invoice = staff.open("/invoices/" + ids.getLong(0)).document();
    assertThat(invoice.select(".entry").first().text()).contains("Shown " + tag, "bulk message");
    var customer = matching("/invoices?q=C10252").get(0).getLong("customer_id");
    assertThat(subjects("/customers/" + customer + "/timeline")).filteredOn(s -> s.contains(tag))
        .hasSize(ids.size());
    assertThat(staff.open("/batches/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(app.api().get("/batches/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void anotherAdministrationNeitherSeesABatchNorSendsToItsCases() {
    var ids = ids("/invoices?q=C11301");
    var batch = app.api().post("/batches", apiBatch("Ours " + UUID.randomUUID(), "invoice")
        .put("case_ids", ids)).json().getString("id");
    var other = otherAdministrationsApi();

    assertThat(other.get("/batches/" + batch).status()).isEqualTo(404);
    var foreign = other.post("/batches", apiBatch("Theirs", "invoice").put("case_ids", ids)
        .put("author", "olga@bulk-other.example"));
    assertThat(foreign.status()).isEqualTo(422);
    assertThat(fields(foreign)).containsKey("case_ids");
    assertThat(other.get("/invoices?q=C11301").json().getJsonArray("items")).isEmpty();
    assertThat(count("SELECT count(*) FROM messages WHERE subject = 'Theirs'")).isZero();
  }

  @Test
  void theOverviewsFilterSortAndPageByKey() {
    var staff = signedIn();
    var paid = staff.open("/invoices?status=paid&sort=amount&order=desc");
    var amounts = matching("/invoices?status=paid&sort=amount&order=desc").stream()
        .map(invoice -> invoice.getString("amount")).toList();

    assertThat(paid.document().select("tbody tr")).hasSize(50);
    assertThat(paid.document().select("tbody .badge").eachText()).containsOnly("paid");
    assertThat(paid.document().select("th[aria-sort=descending]").text()).startsWith("Amount");
    assertThat(amounts).isSortedAccordingTo((a, b) -> new java.math.BigDecimal(b)
        .compareTo(new java.math.BigDecimal(a)));
    var next = staff.click(paid, "button[name=go]:contains(Next page)", Map.of(), Set.of());
    assertThat(rowIds(next)).doesNotContainAnyElementsOf(rowIds(paid));
    var bad = staff.open("/invoices?due_from=31-12-2026&amount_min=lots");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.document().select("#due_from-error").text()).contains("yyyy-mm-dd");
    assertThat(bad.document().select("#amount_min-error").text()).isNotEmpty();
    var matters = staff.open("/matters?status=payment_plan");
    assertThat(matters.document().select("tbody tr td:nth-child(5)").eachText())
        .isNotEmpty().containsOnly("payment plan");
    var customers = staff.open("/customers?q=jansen&sort=name");
    assertThat(customers.document().select("tbody tr td:nth-child(3)").eachText())
        .isNotEmpty().allMatch(name -> name.toLowerCase().contains("jansen"));
  }

  private static Browser signedIn() {
    var browser = app.browser();
    browser.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    return browser;
  }

  /** Sends the bulk composer's form; the batch's id, from the page it leads to. */
  private static String send(Browser staff, Browser.Response composer, String subject,
      String body) {
    var sent = staff.submitWithFiles(composer, "form.composer",
        Map.of("subject", subject, "body", body, "action", "send"), List.of());
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    return batchId(sent);
  }

  private static String batchId(Browser.Response batchPage) {
    return batchPage.document().selectFirst("[data-progress-url]").attr("data-progress-url")
        .replaceAll("^/batches/|/progress$", "");
  }

  /** The batch's progress through the API, once nothing is left to send. */
  private static JsonObject done(String batch) {
    return Eventually.get(() -> app.api().get("/batches/" + batch).json(),
        progress -> progress.getBoolean("done"));
  }

  private static String summary(Browser.Response composer) {
    return composer.document().select(".selection-summary").text();
  }

  private static List<Long> rowIds(Browser.Response overview) {
    return overview.document().select("input[name=case_id]").eachAttr("value").stream()
        .map(Long::valueOf).toList();
  }

  /** Every case a list route gives for this query, through all its pages. */
  private static List<JsonObject> matching(String query) {
    var items = new ArrayList<JsonObject>();
    String next = null;
    do {
      var page = app.api().get(query + "&limit=500" + (next == null ? "" : "&cursor=" + next))
          .json();
      page.getJsonArray("items").forEach(item -> items.add((JsonObject) item));
      next = page.getString("next");
    } while (next != null);
    return items;
  }

  private static JsonArray ids(String query) {
    var ids = new JsonArray();
    matching(query).forEach(item -> ids.add(item.getLong("id")));
    return ids;
  }

  private static Map<Long, JsonArray> customerEmails() {
    var emails = new HashMap<Long, JsonArray>();
    matching("/customers?sort=number").forEach(customer -> emails.put(customer.getLong("id"),
        customer.getJsonArray("emails")));
    return emails;
  }

  private static boolean hasAddress(JsonObject invoice) {
    return !customerEmails.get(invoice.getLong("customer_id")).isEmpty();
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

  private static JsonObject apiBatch(String subject, String type) {
    return new JsonObject().put("case_type", type).put("author", TestData.ADMIN_EMAIL)
        .put("subject", subject).put("body", "Dear {{customer.name}}");
  }

  private static Map<String, Object> fields(Api.Reply reply) {
    return reply.json().getJsonObject("error").getJsonObject("fields").getMap();
  }

  private static List<String> subjects(String timeline) {
    return app.api().get(timeline).json().getJsonArray("items").stream()
        .map(item -> ((JsonObject) item).getString("subject")).toList();
  }

  private static long count(String query) {
    return Sql.count(app.settings().databaseUrl(), query);
  }

  /** The emails whose subject holds the tag, once at least {@code expected} have arrived. */
  private static List<MimeMessage> emailsTagged(String tag, int expected) {
    return Eventually.get(() -> Arrays.stream(app.mail().getReceivedMessages())
        .filter(email -> Emails.subjectOf(email).contains(tag)).toList(),
        emails -> new HashSet<>(emails.stream().map(BulkIT::messageId).toList()).size()
            >= expected);
  }

  private static Map<String, List<MimeMessage>> byMessageId(List<MimeMessage> emails) {
    return emails.stream().collect(Collectors.groupingBy(BulkIT::messageId));
  }

  private static String messageId(MimeMessage email) {
    try {
      return email.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int recipients(MimeMessage email) {
    try {
      return email.getRecipients(RecipientType.TO).length;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String bracketed(MimeMessage email) {
    var matcher = BRACKETED.matcher(Emails.part(email, "text/plain"));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static String amountOf(List<JsonObject> invoices, String number) {
    return invoices.stream().filter(invoice -> invoice.getString("number").equals(number))
        .findFirst().orElseThrow().getString("amount");
  }

  private static String digits(String text) {
    return text.replaceAll("[^0-9]", "");
  }
}
