package casemail.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casemail.bus.BusFailure;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxQueryTest {

  @Test
  void aCursorComesBackAsItWent() {
    var cursor = new MessageCursor(Instant.parse("2026-12-03T16:10:00.123456Z"),
        UUID.randomUUID());

    assertThat(MessageCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void refusesGarbageNamingTheField() {
    assertThatThrownBy(() -> InboxQuery.of("all", null, "bm9wZQ", 50))
        .isInstanceOfSatisfying(BusFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo(400);
          assertThat(failure.fields().fieldNames()).containsExactly("cursor");
        });
    assertThatThrownBy(() -> InboxQuery.of("spam", null, null, 50))
        .isInstanceOfSatisfying(BusFailure.class,
            failure -> assertThat(failure.fields().fieldNames()).containsExactly("filter"));
    assertThatThrownBy(() -> InboxQuery.of("all", null, null, 0))
        .isInstanceOf(BusFailure.class);
    assertThatThrownBy(() -> InboxQuery.of("all", "x".repeat(201), null, 10))
        .isInstanceOf(BusFailure.class);
  }

  @Test
  void searchesForTheTextAnywhereWithWildcardsTakenLiterally() {
    var query = InboxQuery.of(null, "  100%_\\ ", null, null);

    assertThat(query.filter()).isEqualTo(InboxQuery.Filter.ALL);
    assertThat(query.searchPattern()).isEqualTo("%100\\%\\_\\\\%");
    assertThat(InboxQuery.of("", " ", "", 10).search()).isNull();
  }

  @Test
  void goesOverTheBusUnchanged() {
    var query = InboxQuery.of("unread_replies", "Jansen", null, 25);

    assertThat(InboxQuery.fromJson(query.toJson())).isEqualTo(query);
  }
}
