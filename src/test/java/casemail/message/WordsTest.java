package casemail.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every word exists in every language, and formats cleanly (apostrophes written ''). */
class WordsTest {

  @Test
  void everyLanguageHasEveryWord() throws IOException {
    var english = bundle("en");
    for (var language : Words.LANGUAGES) {
      assertThat(bundle(language).stringPropertyNames()).as(language)
          .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }
  }

  @Test
  void everyWordFormatsWithoutStrayQuotesOrPlaceholders() throws IOException {
    for (var language : Words.LANGUAGES) {
      var raw = bundle(language);
      var words = Words.of(language);
      for (var key : raw.stringPropertyNames()) {
        var text = words.get(key, "A", "B", "C", "D");
        assertThat(text).as(language + " " + key).doesNotContain("{", "''");
        assertThat(text.chars().filter(c -> c == '\'').count()).as(language + " " + key)
            .isEqualTo(raw.getProperty(key).split("''", -1).length - 1);
      }
    }
  }

  private static Properties bundle(String language) throws IOException {
    var properties = new Properties();
    try (var in = WordsTest.class.getResourceAsStream("/i18n/words_" + language
        + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
