package casemail.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration read from the defaults and CASEMAIL_* variables, refused when unsafe. */
class SettingsLoaderTest {

  @Test
  void aSecretTooShortToSignLinksSafelyStopsTheStart() {
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("CASEMAIL_SECRET", "short")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("CASEMAIL_SECRET").hasMessageContaining("too short");
  }

  @Test
  void aLongSecretIsTaken() {
    var secret = "k".repeat(32);

    assertThat(SettingsLoader.load(Map.of("CASEMAIL_SECRET", secret)).secret()).isEqualTo(secret);
  }
}
