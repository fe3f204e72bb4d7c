package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.Eventually;
import casemail.testing.Imports;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The composer through its pages, against real PostgreSQL and SMTP: CC and BCC, attachments
 * with any name, kept files on a refused form, the preview, and every refusal with its field.
 */
class ComposerIT {

  /** Cyrillic, German quotes, Japanese, a euro sign, spaces. */
  static final String HOSTILE_NAME = "Счёт \"März\" 請求書 €120,50.pdf";
  private static final String BODY_WITH_MARKUP =
      "Dear {{contact.name}},\n<script>alert('text')</script> & <img src=x onerror=alert(2)>";
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
  void ccIsInTheHeadersAndBccOnlyInTheEnvelope() throws Exception {
    var subject = "Copies " + UUID.randomUUID();
    var staff = signedIn(TestData.ADMIN_EMAIL);
    var composer = staff.open(invoicePath("2026-000044") + "/messages/new");

    var sent = staff.submit(composer, "form.composer", Map.of("cc", " Jan+Billing@CC-Side.Example ",
        "bcc", "auditor@bcc-side.example", "subject", subject, "body", "With copies"));

    assertThat(sent.body()).contains("Your message was stored");
    var email = Emails.withSubject(app, subject);
    assertThat(email.getHeader("Cc")).containsExactly("jan+billing@cc-side.example");
    assertThat(email.getHeader("Bcc")).isNull();
    assertThat(raw(email)).doesNotContain("auditor@bcc-side.example");
    assertThat(received("bcc-side.example", subject)).hasSize(1);
    assertThat(received("cc-side.example", subject)).hasSize(1);
    assertThat(received(java.net.IDN.toASCII("müller-bau.example"), subject)).hasSize(1);
  }

  @Test
  void aFormRefusedForItsTokenNamesTheFilesItCouldNotKeep() {
    var subject = "Stale token " + UUID.randomUUID();
    var staff = signedIn(TestData.ADMIN_EMAIL);
    var composer = staff.open(invoicePath("2026-000030") + "/messages/new");

    var refused = staff.submitWithFiles(composer, "form.composer", Map.of("subject", subject,
        "body", "See the statement", "_csrf", "stale"),
        List.of(file("statement.pdf", "application/pdf", randomBytes(1000))));

    assertThat(refused.status()).isEqualTo(403);
    var page = refused.document();
    assertThat(page.select("[role=alert]").text()).contains("not kept: statement.pdf");
    assertThat(page.select("form button.primary").text()).isEqualTo("Send without the files");
    assertThat(page.select("input[name=subject]").val()).isEqualTo(subject);
  }

  @Test
  void anAttachmentWithAnyNameArrivesExactlyAndDownloadsTheSameFromPortalAndTimeline()
      throws Exception {
    var subject = "Attached " + UUID.randomUUID();
    var bytes = randomBytes(300_000);
    var staff = signedIn(TestData.ADMIN_EMAIL);
    var composer = staff.open(invoicePath("2026-000030") + "/messages/new");

    staff.submitWithFiles(composer, "form.composer", Map.of("subject", subject, "body", "See"),
        List.of(file(HOSTILE_NAME, "application/pdf", bytes),
            file("notes.txt", "text/plain", "plain".getBytes(StandardCharsets.UTF_8))));

    var email = Emails.withSubject(app, subject);
    assertThat(email.isMimeType("multipart/mixed")).isTrue();
    var attachments = attachments(email);
    assertThat(attachments).extracting(Part::getFileName)
        .containsExactly(HOSTILE_NAME, "notes.txt");
    assertThat(attachments.get(0).getInputStream().readAllBytes()).isEqualTo(bytes);
    var portal = app.browser();
    var page = portal.open(button(email));
    var link = page.document().selectFirst(".attachment-list a");
    assertThat(link.text()).isEqualTo(HOSTILE_NAME);
    assertDownload(portal.download(link.attr("href")), bytes);
    var entry = staff.open(invoicePath("2026-000030")).document().selectFirst(".entry");
    var staffLink = entry.selectFirst(".attachment-list a");
    assertThat(staffLink.text()).isEqualTo(HOSTILE_NAME);
    assertDownload(staff.download(staffLink.attr("href")), bytes);
  }

  @Test
  void attachmentBytesAreStoredOnceUnderTheirHashNeverUnderTheirName() throws Exception {
    var bytes = randomBytes(20_000);
    var staff = signedIn(TestData.ADMIN_EMAIL);
    for (int i = 0; i < 2; i++) {
      var subject = "Stored once " + UUID.randomUUID();
      var composer = staff.open(invoicePath("2026-000031") + "/messages/new");
      staff.submitWithFiles(composer, "form.composer", Map.of("subject", subject, "body", "x"),
          List.of(file("../../etc/" + HOSTILE_NAME, "application/pdf", bytes)));
      Emails.withSubject(app, subject);
    }

    var sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    var uploads = app.settings().uploadsDir();
    assertThat(uploads.resolve(sha256.substring(0, 2)).resolve(sha256)).hasBinaryContent(bytes);
    try (var files = Files.walk(uploads)) {
      assertThat(files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
          .allMatch(name -> name.matches("[0-9a-f]{64}"));
    }
  }

  @Test
  void anAttachmentOfAnotherCustomerAnswersInThePortalLikeAMissingOne() throws Exception {
    var subject = "Mine " + UUID.randomUUID();
    var staff = signedIn(TestData.ADMIN_EMAIL);
    var composer = staff.open(invoicePath("2026-000023") + "/messages/new");
    staff.submitWithFiles(composer, "form.composer", Map.of("subject", subject, "body", "x"),
        List.of(file("private.pdf", "application/pdf", randomBytes(100))));
    var owner = app.browser();
    var id = owner.open(button(Emails.withSubject(app, subject))).document()
        .selectFirst(".attachment-list a").attr("href");
    var other = "Other " + UUID.randomUUID();
    send(staff, invoicePath("2026-000044"), Map.of("subject", other, "body", "x"));
    var stranger = app.browser();
    stranger.open(button(Emails.withSubject(app, other)));

    var refused = stranger.download(id);
    var missing = stranger.download("/portal/attachments/" + UUID.randomUUID());

    assertThat(owner.download(id).status()).isEqualTo(200);
    assertThat(refused.status()).isEqualTo(404);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8))
        .isEqualTo(new String(missing.body(), StandardCharsets.UTF_8));
    assertThat(app.browser().download(id).status()).isEqualTo(403);
  }

  @Test
  void anOversizedFileIsRefusedNamingItAndTheFormKeepsTextAndOtherFiles() throws Exception {
    var subject = "Too big " + UUID.randomUUID();
    var staff = signedIn(TestData.ADMIN_EMAIL);
    var composer = staff.open(invoicePath("2026-000034") + "/messages/new");
    var small = randomBytes(5_000);

    var refused = staff.submitWithFiles(composer, "form.composer",
        Map.of("subject", subject, "body", "Kept text"),
        List.of(file("small.pdf", "application/pdf", small),
            file("big scan.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1])));

    assertThat(refused.status()).isEqualTo(413);
    var page = refused.document();
    assertThat(page.select("#attachments-error").text()).contains("‘big scan.pdf’", "10 MB");
    assertThat(page.select("#subject").val()).isEqualTo(subject);
    assertThat(page.select("#body").text()).isEqualTo("Kept text");
    assertThat(page.select("fieldset.attachments .check").text()).contains("small.pdf", "kept");
    assertThat(timeline(staff, invoicePath("2026-000034"))).doesNotContain(subject);

    var refusedAgain = staff.submit(refused, "form.composer", Map.of("to", "jan@@example"));
    assertThat(refusedAgain.status()).as("a kept file on a form refused again").isEqualTo(422);
    assertThat(refusedAgain.document().select("fieldset.attachments .check").text())
        .contains("small.pdf", "kept");

    staff.submit(refusedAgain, "form.composer",
        Map.of("to", composer.document().select("#to").val()));

    assertThat(attachments(Emails.withSubject(app, subject))).extracting(Part::getFileName)
        .containsExactly("small.pdf");
  }

  @Test
  void aFormWithFilesSentAfterTheSessionEndedLeadsToSignInSayingNothingWasSent() {
    var subject = "Late " + UUID.randomUUID();
    var staff = signedIn(TestData.ADMIN_EMAIL);
    var composer = staff.open(invoicePath("2026-000034") + "/messages/new");
    staff.forgetCookie("casemail_session");

    var refused = staff.submitWithFiles(composer, "form.composer",
        Map.of("subject", subject, "body", "Written slowly"),
        List.of(file("late.pdf", "application/pdf", randomBytes(100))));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.document().select("form[action=/login]")).isNotEmpty();
    assertThat(refused.document().select(".alert.error").text()).contains("not sent", "Back");
    assertThat(timeline(signedIn(TestData.ADMIN_EMAIL), invoicePath("2026-000034")))
        .doesNotContain(subject);
  }

  @Test
  void refusesMoreThanFiftyAddressesInAFieldAndStoresNothing() {
    var subject = "Many " + UUID.randomUUID();
    var many = IntStream.rangeClosed(1, 51).mapToObj(i -> "cc" + i + "@example.test")
        .collect(Collectors.joining("; "));

    var refused = refusedWith(invoicePath("2026-000024"),
        Map.of("subject", subject, "body", "Hello", "cc", many));

    assertThat(refused.select("#cc-error").text()).isEqualTo("Enter at most 50 addresses");
    assertNothingStored(invoicePath("2026-000024"), subject);
  }

  @Test
  void refusesAnUnknownPlaceholderNamingItAndStoresNothing() {
    var subject = "Unknown " + UUID.randomUUID();

    var refused = refusedWith(invoicePath("2026-000024"),
        Map.of("subject", subject, "body", "Your IBAN {{customer.iban}}"));

    assertThat(refused.select("#body-error").text()).contains("{{customer.iban}}");
    assertThat(refused.select("#body").text()).isEqualTo("Your IBAN {{customer.iban}}");
    assertNothingStored(invoicePath("2026-000024"), subject);
  }

  @Test
  void refusesAPlaceholderOfAnotherCaseTypeAndStoresNothing() {
    var subject = "About {{invoice.number}} " + UUID.randomUUID();
    var customer = "/customers/" + Cases.customer(app, "C10003");

    var refused = refusedWith(customer, Map.of("subject", subject, "body", "Hello"));

    assertThat(refused.select("#subject-error").text())
        .contains("{{invoice.number}}", "customer");
    assertNothingStored(customer, "About ");
  }

  @Test
  void refusesATemplateReachingPastThePlaceholdersAndRendersNothingOfIt() {
    var staff = signedIn(TestData.ADMIN_EMAIL);
    var composer = staff.open(invoicePath("2026-000024") + "/messages/new");
    var hostile = "Hi {{customer.name.class}} {{#each this}}{{@key}}{{/each}} {{> staff/layout}}";

    var preview = staff.submit(composer, "form.composer",
        Map.of("subject", "Preview hostile", "body", hostile, "action", "preview"));
    var refused = staff.submit(composer, "form.composer",
        Map.of("subject", "Send hostile", "body", hostile));

    assertThat(preview.document().select("#preview-content").text()).startsWith("No preview");
    assertThat(preview.document().select("#preview-content").text()).doesNotContain("class java");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.document().select("#body-error").text()).isNotEmpty();
    assertNothingStored(invoicePath("2026-000024"), "hostile");
  }

  @Test
  void refusesAHeaderInjectionEmptyTextAndABadAddressNamingEachField() {
    var path = invoicePath("2026-000027");

    var injected = refusedWith(path, Map.of("subject", "Hi\r\nBcc: evil@attacker.example",
        "body", "Text"));
    var empty = refusedWith(path, Map.of("subject", "Empty text", "body", "  \r\n\t "));
    var address = refusedWith(path, Map.of("subject", "Bad cc", "body", "Text",
        "cc", "anna@acme.example; jan@@example.com"));

    assertThat(injected.select("#subject-error").text()).contains("single line");
    assertThat(empty.select("#body-error").text()).isEqualTo("Enter the message text");
    assertThat(address.select("#cc-error").text()).contains("jan@@example.com")
        .doesNotContain("anna@acme.example");
    assertThat(address.select("#cc").val()).isEqualTo("anna@acme.example; jan@@example.com");
    assertNothingStored(path, "Empty text");
    assertNothingStored(path, "Bad cc");
    assertThat(receivedSoFar("attacker.example", "Hi")).isEmpty();
  }

  @Test
  void previewShowsTheMessageAsTheCustomerWillWithoutStoringIt() throws Exception {
    var member = signedIn(TestData.MEMBER_EMAIL);
    member.submit(member.open("/profile"), "form.settings",
        Map.of("signature", "Mark <Credit control>"));
    var composer = member.open(invoicePath("2026-000044") + "/messages/new");
    var subject = "Preview {{invoice.number}} " + UUID.randomUUID();

    var shown = member.submitWithFiles(composer, "form.composer", Map.of("subject", subject,
            "body", "Dear {{contact.name}}, <b>{{invoice.open_amount}}</b>", "action", "preview"),
        List.of(file("kept.pdf", "application/pdf", randomBytes(10))));

    assertThat(shown.status()).isEqualTo(200);
    var preview = shown.document().selectFirst("#preview-content");
    assertThat(preview.select(".preview-subject").text()).startsWith("Preview 2026-000044 ");
    assertThat(preview.select(".body").text())
        .matches("Dear Fardau Post, <b>1\\.061,37[\\s\u00a0]€</b>");
    assertThat(preview.select(".body b")).isEmpty();
    assertThat(preview.select(".signature").text()).isEqualTo("Mark <Credit control>");
    assertThat(preview.select(".attachment-list").text()).contains("kept.pdf");
    assertThat(shown.document().select("fieldset.attachments .check").text()).contains("kept");
    assertNothingStored(invoicePath("2026-000044"), "Preview 2026");
    var fragment = member.post(invoicePath("2026-000044") + "/messages/preview", Map.of(
        "_csrf", composer.document().select("input[name=_csrf]").val(),
        "subject", "Live {{customer.number}}", "body", "x"));
    assertThat(Jsoup.parse(fragment.body()).select(".preview-subject").text())
        .isEqualTo("Live C10004");
  }

  @Test
  void markupInANameOrTextIsEscapedInTheEmailThePortalAndTheTimeline() throws Exception {
    var name = "<img src=x onerror=alert(1)> \"Smit & Zonen\"";
    var customer = "/customers/" + Imports.customer(app, "C-HOSTILE", name,
        "hostile@customer.example", "<b>Jan</b>", "en");
    var staff = signedIn(TestData.ADMIN_EMAIL);
    var composer = staff.open(customer + "/messages/new");

    var preview = staff.submit(composer, "form.composer", Map.of("subject",
        "Re: {{customer.name}}", "body", BODY_WITH_MARKUP, "action", "preview"));
    staff.submit(composer, "form.composer",
        Map.of("subject", "Re: {{customer.name}}", "body", BODY_WITH_MARKUP));

    var subject = "Re: " + name;
    assertEscaped(preview.document().selectFirst("#preview-content"));
    var email = Emails.withSubject(app, subject);
    var html = Jsoup.parse(Emails.part(email, "text/html"));
    assertEscaped(html.body());
    assertThat(html.title()).isEqualTo(subject);
    var portal = app.browser().open(button(email)).document();
    assertEscaped(portal.body());
    assertThat(portal.select("h1").text()).isEqualTo(subject);
    assertThat(portal.select(".portal-bar .customer").text()).isEqualTo(name);
    var timeline = staff.open(customer).document();
    assertEscaped(timeline.selectFirst(".entry"));
    assertThat(timeline.select(".entry .subject").first().text()).isEqualTo(subject);
    assertThat(timeline.select("h1").text()).isEqualTo(name);
    assertThat(staff.open("/inbox").document().select("img[src=x], script")).isEmpty();
  }

  /** The markup shows as text, and none of it is an element. */
  private static void assertEscaped(org.jsoup.nodes.Element element) {
    assertThat(element.text()).contains("<script>alert('text')</script>",
        "<img src=x onerror=alert(2)>", "Dear <b>Jan</b>,");
    assertThat(element.select("script, img[src=x], b")).isEmpty();
  }

  static Browser.Upload file(String name, String type, byte[] bytes) {
    return new Browser.Upload("attachments", name, type, bytes);
  }

  static byte[] randomBytes(int size) {
    var bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  static List<Part> attachments(MimeMessage email) throws Exception {
    var found = new ArrayList<Part>();
    var mixed = (MimeMultipart) email.getContent();
    for (int i = 0; i < mixed.getCount(); i++) {
      if (Part.ATTACHMENT.equalsIgnoreCase(mixed.getBodyPart(i).getDisposition())) {
        found.add(mixed.getBodyPart(i));
      }
    }
    return found;
  }

  static void assertDownload(Browser.Download download, byte[] bytes) {
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(bytes);
    assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    var disposition = download.header("Content-Disposition");
    assertThat(disposition).startsWith("attachment; filename=\"");
    var encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
    assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
        .isEqualTo(HOSTILE_NAME);
  }

  /** The path of the email's button, relative to the base URL. */
  static String button(MimeMessage email) {
    var href = Jsoup.parse(Emails.part(email, "text/html")).selectFirst("a").attr("href");
    return href.substring(app.url("").length());
  }

  private static String raw(MimeMessage email) throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    email.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The emails with this subject that reached a mailbox of the domain (the envelope). */
  /** What that domain received; each address is its own transaction, so wait for one. */
  private static List<MimeMessage> received(String domain, String subject) {
    return Eventually.get(() -> receivedSoFar(domain, subject), list -> !list.isEmpty());
  }

  private static List<MimeMessage> receivedSoFar(String domain, String subject) {
    return app.mail().findReceivedMessages(user -> user.getEmail().endsWith("@" + domain),
        message -> subject.equals(Emails.subjectOf(message))).toList();
  }

  private org.jsoup.nodes.Document refusedWith(String path, Map<String, String> values) {
    var staff = signedIn(TestData.ADMIN_EMAIL);
    var composer = staff.open(path + "/messages/new");
    var refused = staff.submit(composer, "form.composer", values);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.document().select(".alert.error").text()).contains("not sent");
    return refused.document();
  }

  private void assertNothingStored(String path, String subjectPart) {
    assertThat(timeline(signedIn(TestData.ADMIN_EMAIL), path)).doesNotContain(subjectPart);
  }

  private static String timeline(Browser staff, String path) {
    return staff.open(path).document().select(".entries").text();
  }

  static String invoicePath(String number) {
    return "/invoices/" + Cases.invoice(app, number);
  }

  static Browser signedIn(String email) {
    var browser = app.browser();
    assertThat(browser.login(email, TestData.PASSWORD).status()).isEqualTo(200);
    return browser;
  }

  static Browser.Response send(Browser staff, String path, Map<String, String> values) {
    return staff.submit(staff.open(path + "/messages/new"), "form.composer", values);
  }
}
