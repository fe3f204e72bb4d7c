package casemail.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every word exists in every language, and formats cleanly (apostrophes written ''): the
 * customer's words (portal and email) and the staff pages' words alike.
 */
class WordsTest {

  @Test
  void everyLanguageHasEveryWord() throws IOException {
    sameKeys("words", Words.LANGUAGES);
  }

  @Test
  void everyStaffLanguageHasEveryStaffWord() throws IOException {
    sameKeys("staff", Words.STAFF_LANGUAGES);
  }

  @Test
  void everyWordFormatsWithoutStrayQuotesOrPlaceholders() throws IOException {
    formatsCleanly("words", Words.LANGUAGES, Words::of);
  }

  @Test
  void everyStaffWordFormatsWithoutStrayQuotesOrPlaceholders() throws IOException {
    formatsCleanly("staff", Words.STAFF_LANGUAGES, Words::staff);
  }

  @Test
  void staffWordsAreDutchForDutchUsersAndEnglishOtherwise() {
    assertThat(Words.staff("nl").get("layout.inbox")).isEqualTo("Inbox");
    assertThat(Words.staff("nl").get("profile.title")).isEqualTo("Profiel");
    assertThat(Words.staff("de").get("profile.title")).isEqualTo("Profile");
    assertThat(Words.staff(null).language()).isEqualTo("en");
    assertThat(Words.staff("nl").get("count.invoice", 1, "1")).isEqualTo("1 factuur");
    assertThat(Words.staff("en").get("count.invoice", 1200, "1,200")).isEqualTo("1,200 invoices");
    assertThat(Words.staff("en").get("layout.unread", 1L)).isEqualTo("1 unread reply");
    assertThat(Words.staff("nl").get("layout.unread", 3L)).isEqualTo("3 ongelezen antwoorden");
  }

  private static void sameKeys(String bundle, List<String> languages) throws IOException {
    var english = bundle(bundle, "en");
    for (var language : languages) {
      assertThat(bundle(bundle, language).stringPropertyNames()).as(bundle + " " + language)
          .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }
  }

  private static void formatsCleanly(String bundle, List<String> languages,
      Function<String, Words> wordsOf) throws IOException {
    for (var language : languages) {
      var raw = bundle(bundle, language);
      var words = wordsOf.apply(language);
      for (var key : raw.stringPropertyNames()) {
        var text = words.get(key, 2, "B", "C", "D", "E");
        assertThat(text).as(language + " " + key).doesNotContain("{", "''");
        assertThat(text.chars().filter(c -> c == '\'').count()).as(language + " " + key)
            .isEqualTo(raw.getProperty(key).split("''", -1).length - 1);
      }
    }
  }

  private static Properties bundle(String bundle, String language) throws IOException {
    var properties = new Properties();
    try (var in = WordsTest.class.getResourceAsStream("/i18n/" + bundle + "_" + language
        + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
