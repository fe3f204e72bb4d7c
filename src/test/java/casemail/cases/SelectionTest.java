package casemail.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casemail.bus.BusFailure;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {

  private static final List<Long> PAGE = List.of(10L, 11L, 12L);

  @Test
  void ticksOnAPageAreAddedToThoseOfOtherPages() {
    var earlier = Selection.parse("0", "1,2");

    var now = earlier.update(PAGE, Set.of(11L));

    assertThat(now.ids()).containsExactlyInAnyOrder(1L, 2L, 11L);
    assertThat(now.count(500)).isEqualTo(3);
  }

  @Test
  void untickingARowShownDropsItOnlyThatRow() {
    var earlier = Selection.of(List.of(1L, 10L, 12L));

    var now = earlier.update(PAGE, Set.of(12L));

    assertThat(now.ids()).containsExactlyInAnyOrder(1L, 12L);
  }

  @Test
  void afterSelectAllUntickedRowsAreLeftOutOnEveryPage() {
    var all = Selection.everything().update(PAGE, Set.of(10L, 12L));
    var later = all.update(List.of(20L, 21L), Set.of(20L));

    assertThat(later.all()).isTrue();
    assertThat(later.ids()).containsExactlyInAnyOrder(11L, 21L);
    assertThat(later.includes(10L)).isTrue();
    assertThat(later.includes(11L)).isFalse();
    assertThat(later.includes(99L)).isTrue();
    assertThat(later.count(100)).isEqualTo(98);
    assertThat(later.update(PAGE, Set.copyOf(PAGE)).ids()).containsExactly(21L);
  }

  @Test
  void selectingAPageTicksAllItsRows() {
    assertThat(Selection.none().withPage(PAGE).ids()).containsExactlyInAnyOrderElementsOf(PAGE);
    assertThat(Selection.parse("1", "11,30").withPage(PAGE).ids()).containsExactly(30L);
  }

  @Test
  void ticksForRowsNotShownAreIgnored() {
    assertThat(Selection.none().update(PAGE, Set.of(10L, 999L)).ids()).containsExactly(10L);
  }

  @Test
  void carriesItsIdsAsTextAndJson() {
    var selection = Selection.parse("1", " 3, 1,,2 ");

    assertThat(selection.idsText()).isEqualTo("1,2,3");
    assertThat(Selection.fromJson(selection.toJson())).isEqualTo(selection);
    assertThat(Selection.parse(null, null).isEmpty()).isTrue();
  }

  @Test
  void refusesGarbageNamingTheField() {
    assertThatThrownBy(() -> Selection.parse("0", "1,x"))
        .isInstanceOfSatisfying(BusFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo(400);
          assertThat(failure.fields().fieldNames()).containsExactly("ids");
        });
  }
}
