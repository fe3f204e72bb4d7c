package casemail.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casemail.bus.BusFailure;
import org.junit.jupiter.api.Test;

class CaseOrderTest {

  @Test
  void sortsByNumberOrReferenceUnlessAskedOtherwise() {
    assertThat(CaseOrder.of("invoice", null, null)).isEqualTo(
        new CaseOrder("invoice", "number", false));
    assertThat(CaseOrder.byKey("matter").sort()).isEqualTo("reference");
    assertThat(CaseOrder.of("invoice", "due_date", "desc").descending()).isTrue();
  }

  @Test
  void refusesAColumnTheKindDoesNotOffer() {
    assertThatThrownBy(() -> CaseOrder.of("customer", "due_date", null))
        .isInstanceOfSatisfying(BusFailure.class,
            failure -> assertThat(failure.fields().fieldNames()).containsExactly("sort"));
    assertThatThrownBy(() -> CaseOrder.of("invoice", "amount", "up"))
        .isInstanceOfSatisfying(BusFailure.class,
            failure -> assertThat(failure.fields().fieldNames()).containsExactly("order"));
  }

  @Test
  void aCursorComesBackAsItWent() {
    var order = CaseOrder.of("customer", "name", "desc");
    var token = order.cursor("Smit, Jansen & Zn. \"De Hoek\" | ✓", 42);

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(order.decode(token)).isEqualTo(new CaseOrder.Cursor(
        "Smit, Jansen & Zn. \"De Hoek\" | ✓", 42));
    assertThat(order.decode(null)).isNull();
    assertThat(order.decode(" ")).isNull();
  }

  @Test
  void aCursorOfAnotherOrderOrGarbageIsRefused() {
    var token = CaseOrder.of("invoice", "due_date", "asc").cursor("2026-03-18", 7);

    for (var other : new CaseOrder[] {CaseOrder.of("invoice", "due_date", "desc"),
        CaseOrder.of("invoice", "amount", "asc")}) {
      assertThatThrownBy(() -> other.decode(token)).isInstanceOfSatisfying(BusFailure.class,
          failure -> assertThat(failure.fields().fieldNames()).containsExactly("cursor"));
    }
    assertThatThrownBy(() -> CaseOrder.byKey("invoice").decode("2026-000010"))
        .isInstanceOf(BusFailure.class);
    assertThatThrownBy(() -> CaseOrder.byKey("invoice").decode("W10"))
        .isInstanceOf(BusFailure.class);
  }

  @Test
  void reversedTurnsTheDirectionOnly() {
    assertThat(CaseOrder.of("matter", "total", "asc").reversed())
        .isEqualTo(CaseOrder.of("matter", "total", "desc"));
  }
}
