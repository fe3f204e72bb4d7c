package casemail;

import static casemail.testing.Batches.count;
import static casemail.testing.Batches.done;
import static casemail.testing.Batches.ids;
import static casemail.testing.Batches.matching;
import static casemail.testing.Batches.subjects;
import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Batches;
import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Sql;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bulk messages as staff send them, from an overview selection through the bulk composer, on
 * the shared data in real PostgreSQL and a real SMTP server: one email per case with an
 * address, each filled in for its case, none twice; portal-only cases counted; unticked rows
 * left out; the selection frozen at the count the user confirmed; one batch per form.
 */
class BulkIT {

  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]*)\\]");
  private static final String SEND = "button[formaction=/batches/new]";
  private static final String SELECT_ALL = "button[name=select][value=all]";
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
  void aBatchOverAFilterMailsEveryCaseWithAnAddressOnceWithItsOwnNumberAndAmount() {
    var tag = UUID.randomUUID().toString();
    var invoices = matching(app, "/invoices?amount_min=100&amount_max=105");
    var emailed = invoices.stream().filter(hasAddress()).toList();
    var staff = signedIn();

    var composer = staff.click(selectAll(staff, "/invoices?amount_min=100&amount_max=105"),
        SEND, Map.of(), Set.of());
    var batch = send(staff, composer, "Invoice {{invoice.number}} " + tag,
        "Amount [{{invoice.amount}}] for {{customer.name}}");

    assertThat(invoices.size()).isGreaterThan(100);
    assertThat(summary(composer)).startsWith(invoices.size() + " invoices of ");
    var progress = done(app, batch);
    assertThat(progress.getLong("stored")).isEqualTo(invoices.size());
    assertThat(progress.getLong("portal_only")).isEqualTo(invoices.size() - emailed.size())
        .isPositive();
    assertThat(progress.getLong("sent") + progress.getLong("failed")
        + progress.getLong("portal_only")).isEqualTo(progress.getLong("total"))
        .isEqualTo(invoices.size());
    var emails = Batches.emailsTagged(app, tag, emailed.size());
    assertThat(emails).hasSize(emailed.size());
    var numbers = emails.values().stream().map(copies -> checkedNumber(copies, invoices))
        .toList();
    assertThat(numbers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        emailed.stream().map(invoice -> invoice.getString("number")).toList());
  }

  @Test
  void rowsUntickedAfterSelectAllAreLeftOutOnEveryPage() {
    var tag = UUID.randomUUID().toString();
    var invoices = matching(app, "/invoices?amount_min=250&amount_max=260");
    var staff = signedIn();
    var all = selectAll(staff, "/invoices?amount_min=250&amount_max=260");
    var first = rowIds(all);
    var secondPage = staff.click(all, "button[name=go]:contains(Next page)", Map.of(),
        Set.of("case_id=" + first.get(0), "case_id=" + first.get(1)));
    var third = rowIds(secondPage).get(2);

    var composer = staff.click(secondPage, SEND, Map.of(), Set.of("case_id=" + third));
    var batch = send(staff, composer, "Left out " + tag, "For {{invoice.number}}");

    assertThat(summary(composer)).startsWith((invoices.size() - 3) + " invoices of ");
    assertThat(done(app, batch).getLong("total")).isEqualTo(invoices.size() - 3);
    for (var left : List.of(first.get(0), first.get(1), third)) {
      assertThat(subjects(app, "/invoices/" + left + "/timeline")).noneMatch(s -> s.contains(tag));
    }
    var last = invoices.get(invoices.size() - 1).getLong("id");
    assertThat(subjects(app, "/invoices/" + last + "/timeline")).contains("Left out " + tag);
  }

  @Test
  void aFormSubmittedTwiceMakesOneBatch() {
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
    assertThat(count(app, "SELECT count(*) FROM batches WHERE subject = 'Twice " + tag + "'"))
        .isEqualTo(1);
    assertThat(count(app, "SELECT count(*) FROM messages WHERE subject = 'Twice " + tag + "'"))
        .isEqualTo(ids(app, "/invoices?q=C11378").size());
  }

  @Test
  void aSelectionWhoseCountChangedIsRefusedWithNothingStoredAndAskedAgain() {
    var tag = UUID.randomUUID().toString();
    var staff = signedIn();
    var ids = ids(app, "/invoices?q=C10209&amount_max=900000");
    var composer = staff.click(selectAll(staff, "/invoices?q=C10209&amount_max=900000"), SEND,
        Map.of(), Set.of());
    Sql.execute(app.settings().databaseUrl(),
        "UPDATE invoices SET amount = 999999 WHERE id = " + ids.getLong(0));

    var refused = staff.submitWithFiles(composer, "form.composer",
        Map.of("subject", "Changed " + tag, "body", "Hello", "action", "send"), List.of());

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.document().select("[role=alert]").text())
        .contains("now holds " + (ids.size() - 1) + " invoices, not " + ids.size());
    assertThat(refused.document().select("#subject").val()).isEqualTo("Changed " + tag);
    assertThat(refused.document().select("[role=alert]")).hasSize(1);
    assertThat(count(app, "SELECT count(*) FROM batches WHERE subject LIKE '%" + tag + "'"))
        .isZero();
    Emails.sleep(500);
    assertThat(Emails.find(app, "Changed " + tag)).isEmpty();
    var confirmed = send(staff, refused, "Changed " + tag, "Hello");
    assertThat(done(app, confirmed).getLong("total")).isEqualTo(ids.size() - 1);
  }

  @Test
  void aMessageWithBadInputComesBackWithEverythingTypedAndNothingStored() {
    var tag = UUID.randomUUID().toString();
    var staff = signedIn();
    var composer = staff.click(staff.click(staff.open("/invoices?q=C11714"),
        "button[name=select][value=page]", Map.of(), Set.of()), SEND, Map.of(), Set.of());

    var refused = staff.submitWithFiles(composer, "form.composer", Map.of("subject",
        "Bad " + tag, "body", "Dear {{customer.iban}}", "cc", "not-an-address",
        "action", "send"), List.of());

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.document().select("#body-error").text()).contains("{{customer.iban}}");
    assertThat(refused.document().select("#cc-error").text()).contains("not-an-address");
    assertThat(refused.document().select("#body").text()).isEqualTo("Dear {{customer.iban}}");
    assertThat(count(app, "SELECT count(*) FROM batches WHERE subject LIKE '%" + tag + "'"))
        .isZero();
    assertThat(count(app, "SELECT count(*) FROM messages WHERE subject LIKE '%" + tag + "'"))
        .isZero();
  }

  @Test
  void theComposerCountsCustomersAndPortalOnlyCasesAndPreviewsTheFirstCases() {
    var staff = signedIn();
    var emailed = matching(app, "/invoices?q=C11427");
    var portalOnly = matching(app, "/invoices?q=C10689");
    var chosen = new ArrayList<>(emailed);
    chosen.addAll(portalOnly);

    var composer = staff.open("/batches/new?case_type=invoice&ids=" + chosen.stream()
        .map(invoice -> invoice.getLong("id").toString()).collect(Collectors.joining(",")));
    var preview = staff.submitWithFiles(composer, "form.composer", Map.of("subject",
        "Invoice {{invoice.number}}", "body", "Dear {{contact.name}}", "action", "preview"),
        List.of());

    assertThat(summary(composer)).startsWith(chosen.size() + " invoices of 2 customers. "
        + emailed.size() + " get an email; " + portalOnly.size() + " are portal-only");
    assertThat(composer.body()).contains("gets one message per case");
    var everything = staff.click(selectAll(staff, "/invoices"), SEND, Map.of(), Set.of());
    assertThat(everything.document().select("[role=alert]").text())
        .contains("a batch holds at most 20,000");
    assertThat(everything.document().select("button[value=send]").hasAttr("disabled")).isTrue();
    var customers = staff.open("/batches/new?case_type=customer&ids=" + Cases.customer(app,
        "C11427") + "," + Cases.customer(app, "C10689"));
    assertThat(summary(customers)).startsWith("2 customers. 1 gets an email; 1 is portal-only");
    assertThat(preview.document().select(".preview-subject").eachText())
        .containsExactlyElementsOf(chosen.stream().map(invoice -> invoice.getString("number"))
            .sorted().limit(3).map(number -> "Invoice " + number).toList());
    assertThat(preview.document().select(".bulk-preview .body").first().text())
        .startsWith("Dear ").doesNotContain("{{");
    var none = staff.open("/batches/new?case_type=invoice");
    assertThat(none.status()).isEqualTo(422);
    assertThat(none.body()).contains("Select at least one case first");
  }

  @Test
  void aStandardMessageFillsTheBulkComposerAndItsPreview() {
    var standard = app.api().post("/standard-messages", new JsonObject()
        .put("description", "Bulk reminder " + UUID.randomUUID()).put("case_type", "invoice")
        .put("subject", "Reminder {{invoice.number}}").put("cc", new JsonArray().add(
            "Team@Acme.example")).put("body", "Please pay {{invoice.open_amount}}.")).json();
    var staff = signedIn();
    var composer = staff.click(staff.click(staff.open("/invoices?q=C11882"),
        "button[name=select][value=page]", Map.of(), Set.of()), SEND, Map.of(), Set.of());

    var used = staff.submitWithFiles(composer, "form#standard-picker", Map.of(
        "standard_message", standard.getLong("id").toString(), "action", "use"), List.of());

    // Enter in a field sends a form by its first submit button: the composer's is Send.
    var buttons = composer.document().select("form.composer button[type=submit]:not([form])");
    assertThat(buttons.first().val()).isEqualTo("send");
    assertThat(composer.document().select("button[value=use]").attr("form"))
        .isEqualTo("standard-picker");

    assertThat(used.status()).isEqualTo(200);
    assertThat(used.document().select("#subject").val()).isEqualTo("Reminder {{invoice.number}}");
    assertThat(used.document().select("#cc").val()).isEqualTo("team@acme.example");
    assertThat(used.document().select("#body").text()).isEqualTo(
        "Please pay {{invoice.open_amount}}.");
    assertThat(used.document().select(".preview-subject").eachText()).isNotEmpty()
        .allMatch(subject -> subject.matches("Reminder \\d{4}-\\d{6}"));
  }

  @Test
  void theBatchShowsItsProgressAndItsMessagesInTheInboxAndOnTimelines() {
    var tag = UUID.randomUUID().toString();
    var invoices = matching(app, "/invoices?q=C10252");
    var batch = Batches.send(app, Batches.request("Shown " + tag, "invoice")
        .put("case_ids", ids(app, "/invoices?q=C10252")));
    var progress = done(app, batch);
    var staff = signedIn();

    var page = staff.open("/batches/" + batch);
    var json = new JsonObject(staff.get("/batches/" + batch + "/progress").body());

    assertThat(page.document().select("h1").text()).isEqualTo("Shown " + tag);
    assertThat(page.document().select("progress").attr("max")).isEqualTo("" + invoices.size());
    assertThat(page.document().select("[data-field=sent]").text())
        .isEqualTo("" + progress.getLong("sent"));
    assertThat(json.getLong("finished")).isEqualTo(invoices.size());
    assertThat(json.getBoolean("done")).isTrue();
    assertThat(staff.open("/inbox?q=" + tag).document().select("a.bulk-link").eachAttr("href"))
        .hasSize(invoices.size()).containsOnly("/batches/" + batch);
    assertThat(staff.open("/invoices/" + invoices.get(0).getLong("id")).document()
        .select(".entry").first().text()).contains("Shown " + tag, "bulk message");
    var customer = invoices.get(0).getLong("customer_id");
    assertThat(subjects(app, "/customers/" + customer + "/timeline"))
        .filteredOn(subject -> subject.contains(tag)).hasSize(invoices.size());
    assertThat(staff.open("/batches/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  private static Browser signedIn() {
    var browser = app.browser();
    browser.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    return browser;
  }

  private static Browser.Response selectAll(Browser staff, String overview) {
    return staff.click(staff.open(overview), SELECT_ALL, Map.of(), Set.of());
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

  private static String summary(Browser.Response composer) {
    return composer.document().select(".selection-summary").text();
  }

  private static List<Long> rowIds(Browser.Response overview) {
    return overview.document().select("input[name=case_id]").eachAttr("value").stream()
        .map(Long::valueOf).toList();
  }

  /** Whether an invoice's customer has an email address. */
  private static Predicate<JsonObject> hasAddress() {
    var emails = new HashMap<Long, JsonArray>();
    matching(app, "/customers?sort=number").forEach(customer -> emails.put(
        customer.getLong("id"), customer.getJsonArray("emails")));
    return invoice -> !emails.get(invoice.getLong("customer_id")).isEmpty();
  }

  /**
   * The invoice number of the copies of one email, checked: its amount is that invoice's, and
   * no address got it twice.
   */
  private static String checkedNumber(List<MimeMessage> copies, List<JsonObject> invoices) {
    var email = copies.get(0);
    var number = Emails.subjectOf(email).split(" ")[1];
    var amount = invoices.stream().filter(invoice -> invoice.getString("number").equals(number))
        .findFirst().orElseThrow().getString("amount");
    var matcher = BRACKETED.matcher(Emails.part(email, "text/plain"));
    assertThat(matcher.find()).isTrue();
    assertThat(digits(matcher.group(1))).isEqualTo(digits(amount));
    assertThat(copies).hasSizeLessThanOrEqualTo(toCount(email));
    return number;
  }

  private static int toCount(MimeMessage email) {
    try {
      return email.getRecipients(RecipientType.TO).length;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String digits(String text) {
    return text.replaceAll("[^0-9]", "");
  }
}
