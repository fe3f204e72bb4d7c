package casemail.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Characters that make text read as something else are refused where names are typed. */
class ControlCharactersTest {

  @Test
  void aBidiOverrideInANameIsRefusedButRightToLeftScriptIsNot() {
    assertThat(UserProfile.check("\u202eAnna de Boer", null, "en").isValid()).isFalse();
    assertThat(UserProfile.check("Anna \u2067x\u2069", null, "en").isValid()).isFalse();
    assertThat(UserProfile.check("\u05d3\u05e0\u05d4 \u0644\u064a\u0644\u0649", null, "en")
        .isValid()).isTrue();
  }

  @Test
  void aFileNameCannotHideItsEnding() {
    assertThat(MessageDraft.hasControlCharacters("invoice\u202efdp.exe", "")).isTrue();
    assertThat(MessageDraft.hasControlCharacters("Überweisung März.pdf", "")).isFalse();
  }
}
