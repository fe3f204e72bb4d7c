package casemail.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casemail.bus.BusFailure;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseFilterTest {

  private static CaseFilter invoices(Map<String, String> params) {
    return CaseFilter.of("invoice", params::get);
  }

  @Test
  void readsTheInvoiceFiltersByTheirParameterNames() {
    var filter = invoices(Map.of("q", " Jansen ", "status", "overdue", "due_from", "2026-01-01",
        "due_to", "2026-03-31", "amount_min", "100", "amount_max", "1250,50"));

    assertThat(filter.search()).isEqualTo("Jansen");
    assertThat(filter.status()).isEqualTo("overdue");
    assertThat(filter.dueFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(filter.dueTo()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(filter.amountMin()).isEqualByComparingTo("100");
    assertThat(filter.amountMax()).isEqualTo(new BigDecimal("1250.50"));
  }

  @Test
  void blankParametersAreNotGiven() {
    var filter = invoices(Map.of("q", "  ", "status", "", "due_from", ""));

    assertThat(filter.parameters()).isEmpty();
    assertThat(filter).isEqualTo(CaseFilter.none("invoice"));
  }

  @Test
  void namesEveryBadParameter() {
    assertThatThrownBy(() -> invoices(Map.of("status", "late", "due_from", "31-12-2026",
        "amount_min", "1.000,00")))
        .isInstanceOfSatisfying(BusFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo(400);
          assertThat(failure.fields().fieldNames())
              .containsExactlyInAnyOrder("status", "due_from", "amount_min");
        });
  }

  @Test
  void refusesFiltersOfAnotherKindOfCase() {
    assertThatThrownBy(() -> CaseFilter.of("customer", Map.of("status", "paid")::get))
        .isInstanceOfSatisfying(BusFailure.class, failure -> assertThat(failure.fields()
            .getString("status")).isEqualTo("Not a filter of customers"));
    assertThatThrownBy(() -> CaseFilter.of("matter", Map.of("status", "overdue")::get))
        .isInstanceOf(BusFailure.class);
    assertThat(CaseFilter.of("matter", Map.of("status", "payment_plan")::get).status())
        .isEqualTo("payment_plan");
  }

  @Test
  void refusesAnEmptyRange() {
    assertThatThrownBy(() -> invoices(Map.of("due_from", "2026-05-01", "due_to", "2026-04-01")))
        .isInstanceOfSatisfying(BusFailure.class,
            failure -> assertThat(failure.fields().fieldNames()).containsExactly("due_to"));
    assertThatThrownBy(() -> invoices(Map.of("amount_min", "10", "amount_max", "9.99")))
        .isInstanceOf(BusFailure.class);
  }

  @Test
  void searchesWithWildcardsTakenLiterally() {
    var filter = invoices(Map.of("q", "100%_\\"));

    assertThat(filter.containsPattern()).isEqualTo("%100\\%\\_\\\\%");
    assertThat(filter.prefixPattern()).isEqualTo("100\\%\\_\\\\%");
  }

  @Test
  void goesOverTheBusUnchanged() {
    var filter = invoices(Map.of("q", "x", "number", "2026-000001", "status", "paid",
        "due_to", "2026-12-31", "amount_min", "0.5"));

    assertThat(CaseFilter.fromJson("invoice", filter.toJson())).isEqualTo(filter);
    assertThat(CaseFilter.fromJson("invoice", new JsonObject())).isEqualTo(
        CaseFilter.none("invoice"));
  }
}
