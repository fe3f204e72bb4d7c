package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Batches;
import casemail.testing.Browser;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The overviews of customers, invoices and matters, and the API's lists: search, the filters
 * of each kind, sortable columns and keyset pages, with problems named per field.
 */
class OverviewIT {

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
  void invoicesFilterByStatusSortByAmountAndPageOnByKey() {
    var staff = signedIn();

    var paid = staff.open("/invoices?status=paid&sort=amount&order=desc");
    var next = staff.click(paid, "button[name=go]:contains(Next page)", Map.of(), Set.of());

    assertThat(paid.document().select("tbody tr")).hasSize(50);
    assertThat(paid.document().select("tbody .badge").eachText()).containsOnly("paid");
    assertThat(paid.document().select("th[aria-sort=descending]").text()).startsWith("Amount");
    assertThat(rowIds(next)).hasSize(50).doesNotContainAnyElementsOf(rowIds(paid));
    var amounts = Batches.matching(app, "/invoices?status=paid&sort=amount&order=desc").stream()
        .map(invoice -> new BigDecimal(invoice.getString("amount"))).toList();
    assertThat(amounts).hasSizeGreaterThan(1000)
        .isSortedAccordingTo(Comparator.<BigDecimal>reverseOrder());
    assertThat(Batches.matching(app, "/invoices?status=overdue&due_from=2026-01-01")
        .stream().map(invoice -> invoice.getString("status"))).containsOnly("overdue");
  }

  @Test
  void badFiltersAreNamedNextToTheirFields() {
    var bad = signedIn().open("/invoices?due_from=31-12-2026&amount_min=lots");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.document().select("#due_from-error").text()).contains("yyyy-mm-dd");
    assertThat(bad.document().select("#amount_min-error").text()).isNotEmpty();
    assertThat(bad.document().select("#amount_min").val()).isEqualTo("lots");
    assertThat(app.api().get("/invoices?status=late").status()).isEqualTo(400);
    assertThat(app.api().get("/invoices?sort=due_date&cursor=bm9wZQ").status()).isEqualTo(400);
  }

  @Test
  void mattersFilterByStatusAndCustomersSearchByName() {
    var staff = signedIn();

    var matters = staff.open("/matters?status=payment_plan");
    var customers = staff.open("/customers?q=jansen&sort=name");

    assertThat(matters.document().select("tbody tr td:nth-child(5)").eachText())
        .isNotEmpty().containsOnly("payment plan");
    var names = customers.document().select("tbody tr td:nth-child(3)").eachText();
    assertThat(names).isNotEmpty().allMatch(name -> name.toLowerCase().contains("jansen"));
    assertThat(Batches.matching(app, "/customers?q=jansen&sort=name").stream()
        .map(customer -> customer.getString("name")).toList()).hasSameSizeAs(names);
  }

  private static Browser signedIn() {
    var browser = app.browser();
    browser.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    return browser;
  }

  private static List<Long> rowIds(Browser.Response overview) {
    return overview.document().select("input[name=case_id]").eachAttr("value").stream()
        .map(Long::valueOf).toList();
  }
}
