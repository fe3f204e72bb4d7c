package casemail.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PixelRoutesTest {

  @ParameterizedTest
  @ValueSource(strings = {"jFFKwTc7MewBE8qbyz__Wg", "0123456789abcdef",
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"})
  void readsTheTokenOfAWellFormedPath(String token) {
    assertThat(PixelRoutes.token("/o/" + token + ".gif")).isEqualTo(token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/o/short.gif", "/o/jFFKwTc7MewBE8qbyz__Wg.png",
      "/o/jFFKwTc7MewBE8qbyz__Wg", "/o/jFFKwTc7MewBE8qbyz..Wg.gif", "/o/jFFKwTc7MewBE8q%2Fz.gif",
      "/o/.gif", "/o/", "/o/jFFKwTc7MewBE8qbyz__Wg.gif.gif",
      "/o/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_X.gif"})
  void refusesAnythingElse(String path) {
    assertThat(PixelRoutes.token(path)).isNull();
  }
}
