package casemail.message;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of emails and portal pages in the customer's language: Dutch, English, German or
 * French, else English. Read from {@code i18n/words_<language>.properties}. Staff pages have
 * their own words, in English or Dutch (the user's choice), from
 * {@code i18n/staff_<language>.properties}.
 */
public final class Words {

  public static final List<String> LANGUAGES = List.of("nl", "en", "de", "fr");
  public static final List<String> STAFF_LANGUAGES = List.of("en", "nl");
  private static final Map<String, Words> CACHE = new ConcurrentHashMap<>();

  private final Locale locale;
  private final ResourceBundle bundle;

  private Words(String bundleName, Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(bundleName, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Words of(String language) {
    return cached("i18n.words", LANGUAGES, language);
  }

  /** Words of staff pages: English or Dutch, else English. */
  public static Words staff(String language) {
    return cached("i18n.staff", STAFF_LANGUAGES, language);
  }

  private static Words cached(String bundleName, List<String> languages, String language) {
    var supported = language != null && languages.contains(language) ? language : "en";
    // The regional variant decides how dates and amounts read: "3 Dec 2026", not "Dec 3".
    var locale = Locale.forLanguageTag(
        supported + "-" + (supported.equals("en") ? "GB" : supported.toUpperCase(Locale.ROOT)));
    return CACHE.computeIfAbsent(bundleName + "_" + supported,
        key -> new Words(bundleName, locale));
  }

  public String language() {
    return locale.getLanguage();
  }

  public Locale locale() {
    return locale;
  }

  public String get(String key, Object... arguments) {
    // Always through MessageFormat, so an apostrophe is written '' in every bundle.
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }
}
