package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Cases;
import casemail.testing.Chrome;
import casemail.testing.Emails;
import casemail.testing.Portal;
import casemail.testing.TestApp;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What staff and customers do, in Chromium with the pages' scripts: sign in, send a message
 * with a file from a case page, select all matching cases and follow the batch's progress bar
 * to the end, resend from the ⋯ menu, and answer in the portal opened from the email's button.
 * The composer is used by keyboard alone; selecting, bulk sending, the batch page and the ⋯ menu
 * also work with scripts switched off.
 * Screenshots for the README are taken on the way.
 */
class BrowserFlowsIT {

  private static TestApp app;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    browser = Chrome.start();
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    Chrome.close(browser, app);
  }

  @Test
  void signsInAndSendsAMessageWithAFileFromTheCasePage() throws Exception {
    signIn();
    var subject = "Your invoice " + UUID.randomUUID();
    var file = Files.writeString(Files.createTempDirectory("upload").resolve("statement.txt"),
        "Statement of account");
    browser.get(app.url("/invoices/" + Cases.invoice(app, "2026-000030")));
    Chrome.clickAndLoad(browser, ".timeline-head a.primary");

    browser.findElement(By.id("subject")).sendKeys(subject);
    browser.findElement(By.id("body")).sendKeys("Dear {{contact.name}},\n\nPlease find the "
        + "statement of your account attached.");
    browser.findElement(By.id("attachments")).sendKeys(file.toAbsolutePath().toString());
    waitForText(".preview-subject", subject);
    Chrome.clickAndLoad(browser, "form.composer button[value=send]");

    var entry = entryWithSubject(subject);
    assertThat(entry.findElement(By.cssSelector(".attachment-list")).getText())
        .contains("statement.txt");
    assertThat(attachmentNames(Emails.withSubject(app, subject))).containsExactly("statement.txt");
    showsSent(subject);
  }

  @Test
  void theComposerWorksWithTheKeyboardAlone() {
    signIn();
    var subject = "Keyboard " + UUID.randomUUID();
    browser.get(app.url("/invoices/" + Cases.invoice(app, "2025-000033") + "/messages/new"));

    tabUntil("to");
    assertThat(tabPath(3)).containsExactly("cc", "bcc", "subject");
    type(subject);
    assertThat(tabPath(1)).containsExactly("body");
    type("Dear customer,\nplease pay.");
    assertThat(tabPath(2)).containsExactly("attachments", "action=send");
    Chrome.loads(browser, () -> type(Keys.ENTER));

    entryWithSubject(subject);
    Emails.withSubject(app, subject);
  }

  @Test
  void selectsAllMatchingAndFollowsTheBatchToTheEnd() {
    signIn();
    var subject = "Payment reminder for invoice";
    var matching = selectAllOverdueInvoices();
    Chrome.clickAndLoad(browser, "button[formaction='/batches/new']");

    browser.findElement(By.id("subject")).sendKeys(subject + " {{invoice.number}}");
    browser.findElement(By.id("body")).sendKeys("Dear {{contact.name}},\n\ninvoice "
        + "{{invoice.number}} of {{invoice.open_amount}} is overdue. Please pay it this week.");
    waitForText("#preview-content", subject);
    assertThat(tabPath(2)).containsExactly("attachments", "action=send");
    Chrome.screenshot(browser, "bulk-composer");
    Chrome.loads(browser, () -> type(Keys.ENTER));

    var bar = browser.findElement(By.id("batch-bar"));
    markPage();
    assertThat(browser.findElement(By.cssSelector("[data-progress-url]"))
        .getDomAttribute("data-done")).as("still sending when the page came").isEqualTo("false");
    Chrome.waiting(browser).until(driver ->
        bar.getDomProperty("value").equals(bar.getDomProperty("max")));
    assertThat(bar.getDomProperty("max")).isEqualTo(matching.replace(",", ""));
    assertThat(text("[data-field=remaining]")).isEqualTo("0");
    assertThat(pageIsTheSame()).as("updated by the script, not a reload").isTrue();
  }

  /** Filters the invoice overview and selects every match: the number matching. */
  private static String selectAllOverdueInvoices() {
    browser.get(app.url("/invoices"));
    new Select(browser.findElement(By.id("status"))).selectByValue("overdue");
    browser.findElement(By.id("amount_min")).sendKeys("100");
    var amountMax = browser.findElement(By.id("amount_max"));
    Chrome.loads(browser, () -> amountMax.sendKeys("130" + Keys.ENTER));
    Chrome.clickAndLoad(browser, "button[name=select][value=all]");
    var matching = text(".selection-bar .count strong");
    assertThat(text(".chosen-count")).isEqualTo(matching);
    return matching;
  }

  @Test
  void resendsFromTheMenuOfATimelineEntry() {
    signIn();
    var subject = "Resend me " + UUID.randomUUID();
    var message = Portal.send(app, "invoice", "2026-000037", subject, "Please pay.");
    Emails.withSubject(app, subject);
    browser.get(app.url("/invoices/" + message.getJsonObject("case").getLong("id")));

    var entry = browser.findElement(By.id("message-" + message.getString("id")));
    var menu = entry.findElement(By.cssSelector("details.entry-menu"));
    menu.findElement(By.tagName("summary")).click();
    type(Keys.ESCAPE);
    assertThat(menu.getDomProperty("open")).isEqualTo("false");
    assertThat(browser.switchTo().activeElement().getTagName()).isEqualTo("summary");
    type(Keys.ENTER);
    assertThat(menu.getDomProperty("open")).isEqualTo("true");
    var to = entry.findElement(By.cssSelector(".entry-menu input[name=to]"));
    to.clear();
    to.sendKeys("second.copy@example.com");
    Chrome.clickAndLoad(browser, "#message-" + message.getString("id") + " form.resend button");

    assertThat(browser.findElement(By.cssSelector(".timeline [role=status]")).isDisplayed())
        .isTrue();
    var resent = browser.findElement(By.id("message-" + message.getString("id")));
    assertThat(resent.findElements(By.cssSelector(".deliveries > .delivery"))).hasSize(2);
    Chrome.waiting(browser).until(driver -> recipients(subject)
        .contains("second.copy@example.com"));
  }

  @Test
  void aCustomerOpensThePortalFromTheEmailAndReplies() {
    var subject = "Invoice 2026-000041 is overdue";
    var message = Portal.send(app, "invoice", "2026-000041", subject, "Dear Jefta Postma,\n\n"
        + "invoice 2026-000041 of £130.21 was due on 27 November. Please pay it this week, "
        + "or reply to this message if anything is unclear.");
    var button = Jsoup.parse(Emails.part(Emails.withSubject(app, subject), "text/html"))
        .selectFirst("a[href*='/portal/l/']");
    browser.manage().deleteAllCookies();

    browser.get(button.attr("href"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(subject);
    browser.findElement(By.id("body")).sendKeys("We paid it yesterday; the transfer should "
        + "arrive tomorrow.");
    Chrome.clickAndLoad(browser, "form.reply button[type=submit]");

    waitForText(".thread .reply .body", "We paid it yesterday");
    assertThat(browser.findElement(By.cssSelector("[role=status]")).isDisplayed()).isTrue();
    Chrome.screenshot(browser, "portal");
    signIn();
    browser.get(app.url("/invoices/" + message.getJsonObject("case").getLong("id")));
    assertThat(text(".entry.inbound .body")).contains("We paid it yesterday");
    Chrome.screenshot(browser, "timeline");
  }

  private static void signIn() {
    Chrome.signIn(browser, app);
  }

  @Test
  void everyPageWorksWithoutScripts() {
    var plain = Chrome.startWithoutScripts();
    try {
      Chrome.signIn(plain, app);
      plain.get(app.url("/invoices?status=overdue&amount_min=100&amount_max=102"));
      assertThat(plain.findElement(By.cssSelector(".pick-page")).isDisplayed()).isFalse();
      Chrome.clickAndLoad(plain, "button[name=select][value=all]");
      var matching = plain.findElement(By.cssSelector(".selection-bar .count strong")).getText();
      assertThat(plain.findElement(By.cssSelector(".chosen-count")).getText())
          .isEqualTo(matching);
      Chrome.clickAndLoad(plain, "button[formaction='/batches/new']");
      plain.findElement(By.id("subject")).sendKeys("Without scripts {{invoice.number}}");
      plain.findElement(By.id("body")).sendKeys("Dear {{contact.name}}");
      Chrome.clickAndLoad(plain, "form.composer button[value=preview]");
      assertThat(plain.findElement(By.id("preview-content")).getText())
          .contains("Without scripts 20");
      Chrome.clickAndLoad(plain, "form.composer button[value=send]");

      assertThat(plain.findElement(By.cssSelector(".batch-progress .no-script")).isDisplayed())
          .isTrue();
      Chrome.waiting(plain).until(driver -> {
        driver.navigate().refresh();
        return "Done.".equals(driver.findElement(By.id("batch-state")).getText());
      });
      resendWithoutScripts(plain);
    } finally {
      plain.quit();
    }
  }

  /** The ⋯ menu is a disclosure the browser opens itself; its Resend form posts the page. */
  private static void resendWithoutScripts(WebDriver plain) {
    var message = Portal.send(app, "invoice", "2026-000044", "Plain resend", "Bitte zahlen.");
    plain.get(app.url("/invoices/" + message.getJsonObject("case").getLong("id")));
    var entry = plain.findElement(By.id("message-" + message.getString("id")));
    entry.findElement(By.cssSelector(".entry-menu summary")).click();
    Chrome.clickAndLoad(plain, "#message-" + message.getString("id") + " form.resend button");

    var resent = plain.findElement(By.id("message-" + message.getString("id")));
    assertThat(resent.findElements(By.cssSelector(".deliveries > .delivery"))).hasSize(2);
  }

  private static WebElement entryWithSubject(String subject) {
    Chrome.waiting(browser).until(ExpectedConditions.urlContains("#message-"));
    var entry = browser.findElement(By.cssSelector(".entry:target"));
    assertThat(entry.findElement(By.cssSelector(".subject")).getText()).isEqualTo(subject);
    return entry;
  }

  /** Reloads the case page until the delivery's badge says it was sent. */
  private static void showsSent(String subject) {
    Chrome.waiting(browser).until(driver -> {
      driver.navigate().refresh();
      return text(".entry:target .deliveries .badge").equalsIgnoreCase("sent");
    });
    assertThat(text(".entry:target .subject")).isEqualTo(subject);
  }

  private static void waitForText(String selector, String expected) {
    Chrome.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(selector), expected));
  }

  private static String text(String selector) {
    return browser.findElement(By.cssSelector(selector)).getText();
  }

  /** Keys pressed on the keyboard, going to whatever has the focus. */
  private static void type(CharSequence keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  /** Presses Tab until the field with this id has the focus (at most 60 times). */
  private static void tabUntil(String id) {
    for (int presses = 0; presses < 60; presses++) {
      if (id.equals(browser.switchTo().activeElement().getDomAttribute("id"))) {
        return;
      }
      type(Keys.TAB);
    }
    throw new AssertionError("Tab never reaches #" + id);
  }

  /** Presses Tab this often; what got the focus each time: its id, or name=value. */
  private static List<String> tabPath(int presses) {
    var path = new ArrayList<String>();
    for (int i = 0; i < presses; i++) {
      type(Keys.TAB);
      var focused = browser.switchTo().activeElement();
      var id = focused.getDomAttribute("id");
      path.add(id != null ? id
          : focused.getDomAttribute("name") + "=" + focused.getDomAttribute("value"));
    }
    return path;
  }

  private static void markPage() {
    ((JavascriptExecutor) browser).executeScript("window.casemailTestMark = true");
  }

  private static boolean pageIsTheSame() {
    return Boolean.TRUE.equals(((JavascriptExecutor) browser)
        .executeScript("return window.casemailTestMark === true"));
  }

  private static List<String> recipients(String subject) {
    var found = new ArrayList<String>();
    for (var email : app.mail().getReceivedMessages()) {
      if (subject.equals(Emails.subjectOf(email))) {
        try {
          for (var address : email.getAllRecipients()) {
            found.add(address.toString());
          }
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return found;
  }

  private static List<String> attachmentNames(MimeMessage email) throws Exception {
    var names = new ArrayList<String>();
    var parts = (MimeMultipart) email.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      var part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        names.add(part.getFileName());
      }
    }
    return names;
  }
}
