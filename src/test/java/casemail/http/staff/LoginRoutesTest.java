package casemail.http.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginRoutesTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example",
      "/\t/evil.example/x", "/\n/evil.example", "/\u000b", "/\u007f", "/ /evil.example",
      "evil.example"})
  void aNextThatCouldLeaveTheSiteOrBreakTheHeaderIsTheInbox(String next) {
    assertThat(LoginRoutes.safeNext(next)).isEqualTo("/inbox");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/invoices/12", "/invoices?status=overdue&q=M%C3%BCller", "/inbox"})
  void aLocalPathIsKept(String next) {
    assertThat(LoginRoutes.safeNext(next)).isEqualTo(next);
  }
}
