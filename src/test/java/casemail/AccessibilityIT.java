package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Axe;
import casemail.testing.Batches;
import casemail.testing.Chrome;
import casemail.testing.TestApp;
import casemail.testing.Tenants;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every staff and portal page, as Chromium shows it with its scripts, passes axe-core with no
 * serious or critical violation and breaks nothing of its Content-Security-Policy, and the
 * portal fits a 360-px-wide phone. The app runs with
 * the capture mailbox, as {@code demo} does, so its pages are checked too.
 */
class AccessibilityIT {

  private static TestApp app;
  private static Tenants.Tenant acme;
  private static String batch;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    browser = Chrome.start();
    app = TestApp.startWithDevMailbox();
    acme = Tenants.acme(app, "2026-000031");
    var invoice = Long.parseLong(acme.ids().get("invoice"));
    batch = Batches.send(app, Batches.request("Reminder {{invoice.number}}", "invoice")
        .put("case_ids", new JsonArray().add(invoice)));
    Batches.done(app, batch);
  }

  @AfterAll
  static void stop() {
    Chrome.close(browser, app);
  }

  @Test
  void staffPagesHaveNoSeriousOrCriticalViolations() {
    browser.manage().deleteAllCookies();
    var violations = violations(List.of("/login"));
    Chrome.signIn(browser, app);
    violations.putAll(violations(STAFF_PAGES));

    assertThat(violations).isEmpty();
  }

  @Test
  void theCheckFindsAFieldWithoutALabel() {
    browser.get(app.url("/login"));
    ((JavascriptExecutor) browser).executeScript(
        "document.querySelector('label[for=email]').remove()");

    assertThat(Axe.seriousViolations(browser)).anySatisfy(violation ->
        assertThat(violation).startsWith("critical label"));
  }

  @Test
  void theCheckFindsAnInlineScriptThePolicyRefuses() {
    browser.get(app.url("/login"));
    Chrome.policyViolations(browser);
    ((JavascriptExecutor) browser).executeScript("var s = document.createElement('script');"
        + "s.textContent = 'window.inline = 1'; document.body.appendChild(s)");

    assertThat(Chrome.policyViolations(browser)).isNotEmpty();
  }

  @Test
  void portalPagesHaveNoSeriousOrCriticalViolations() {
    browser.manage().deleteAllCookies();
    var violations = violations(List.of("/portal/l/not-a-link", "/portal"));
    enterPortal();
    violations.putAll(violations(PORTAL_PAGES));

    assertThat(violations).isEmpty();
  }

  @Test
  void portalPagesFitAPhoneWithoutSidewaysScrolling() {
    browser.manage().deleteAllCookies();
    var before = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(360, 780));
    try {
      enterPortal();
      var tooWide = new ArrayList<String>();
      for (var page : PORTAL_PAGES) {
        browser.get(app.url(acme.fill(page)));
        var widths = (List<?>) ((JavascriptExecutor) browser).executeScript(
            "return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(1)).intValue()).isLessThanOrEqualTo(400);
        if (((Number) widths.get(0)).intValue() > ((Number) widths.get(1)).intValue()) {
          tooWide.add(page + " is " + widths.get(0) + " px wide in " + widths.get(1));
        }
      }
      assertThat(tooWide).isEmpty();
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  private static final List<String> STAFF_PAGES = List.of(
      "/inbox",
      "/inbox?filter=unread_replies",
      "/inbox/messages/{reply}",
      "/customers",
      "/invoices",
      "/invoices?status=overdue&amount_min=100",
      "/invoices?amount_min=lots&due_from=soon",
      "/matters",
      "/customers/{customer}",
      "/invoices/{invoice}",
      "/matters/{matter}",
      "/invoices/{invoice}/messages/new",
      "/matters/{matter}/messages/new",
      "/customers/{customer}/messages/new?standard_message={standard}",
      "/invoices/{invoice}/deliveries/{delivery}/email",
      "/batches/new?case_type=invoice&ids={invoice}",
      "/batches/{sentBatch}",
      "/settings/administration",
      "/settings/messages",
      "/settings/messages/new",
      "/settings/messages/{standard}",
      "/profile",
      "/dev/mailbox",
      "/dev/mailbox/1",
      "/invoices/999999999");

  private static final List<String> PORTAL_PAGES = List.of(
      "/portal",
      "/portal/messages/{message}",
      "/portal/direct-debit");

  /** Each page's serious and critical axe violations and CSP refusals, by its path. */
  private static Map<String, List<String>> violations(List<String> pages) {
    var violations = new LinkedHashMap<String, List<String>>();
    for (var page : pages) {
      var path = acme.fill(page).replace("{sentBatch}", batch);
      browser.get(app.url(path));
      var found = new ArrayList<>(Chrome.policyViolations(browser));
      found.addAll(Axe.seriousViolations(browser));
      if (!found.isEmpty()) {
        violations.put(path, found);
      }
    }
    return violations;
  }

  private static void enterPortal() {
    browser.get(app.url("/portal/l/" + acme.ids().get("portalToken")));
    Chrome.waiting(browser).until(ExpectedConditions.urlContains("/portal/messages/"));
  }
}
